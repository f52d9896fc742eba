/**
 * The workflow table, enforced exhaustively: every action in every state by every kind of
 * person is either taken (and lands in the state the table names, with one more event) or
 * refused with the right code, and a refusal changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/errors.ts';
import {
  ITEM_ACTION_KEYS,
  ITEM_ACTIONS,
  ITEM_STATE_KEYS,
  type ItemAction,
  type ItemActionDef,
  type ItemParty,
  type ItemState,
  nextState,
} from '../../../shared/workflow/items.ts';
import { AppError } from '../../lib/errors.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { act, type ItemWorld, makeItemWorld, newDraft, request, WHO } from '../../test/items.ts';
import { findItem } from './items.repository.ts';
import { mergeItems } from './merge.service.ts';
import { systemTransition, transitionItem } from './transition.service.ts';

let t: TestContext;
let w: ItemWorld;

beforeAll(async () => {
  t = await createTestContext();
  w = await makeItemWorld(t.ctx);
});
afterAll(() => t.close());

const CONTENT = { title: '编辑后的标题', situation: '情况', analysis: '分析', suggestion: '建议', body: '' };

/** Builds a fresh item in each state along the table's own paths. */
async function itemIn(state: ItemState): Promise<number> {
  const ctx = t.ctx;
  const { editor, author } = w.actors;
  const id = await newDraft(ctx, w);
  if (state === 'draft') return id;
  await act(ctx, author, id, 'submit');
  if (state === 'submitted') return id;
  await act(ctx, editor, id, 'register');
  switch (state) {
    case 'registered':
      return id;
    case 'editing':
      await act(ctx, editor, id, 'edit', { content: CONTENT });
      return id;
    case 'returned':
    case 'rejected':
      await act(ctx, editor, id, state === 'returned' ? 'return' : 'reject');
      return id;
    case 'referred':
      await act(ctx, editor, id, 'refer', { referOrgId: w.p.otherCity.id });
      return id;
    case 'merged':
      await mergeItems(ctx, editor, WHO, { ids: [id, await itemIn('registered')], ...CONTENT });
      return id;
    default:
      break;
  }
  await act(ctx, editor, id, 'select');
  if (state === 'selected') return id;
  await systemTransition(ctx, id, 'publish');
  if (state === 'published') return id;
  if (state === 'archived') {
    await act(ctx, editor, id, 'archive');
    return id;
  }
  await systemTransition(ctx, id, 'forward');
  return id;
}

type Role = keyof ItemWorld['actors'];

/** What each kind of person is to an item of the world's author, by the rules of DESIGN §2. */
const PARTIES: Record<Role, ItemParty[]> = {
  author: ['author'],
  coauthor: ['author'],
  liaison: [],
  stranger: [],
  editor: ['office'],
  director: ['office', 'assigner'],
  cityEditor: [],
  sysadmin: [],
};

function visible(role: Role, state: ItemState): boolean {
  if (role === 'author' || role === 'coauthor') return true;
  if (role === 'editor' || role === 'director' || role === 'liaison') return state !== 'draft';
  return false;
}

function expected(role: Role, state: ItemState, action: ItemAction): ErrorCode | 'ok' {
  const def: ItemActionDef = ITEM_ACTIONS[action];
  if (!visible(role, state)) return 'NOT_FOUND';
  if (def.by === 'system' || !PARTIES[role].includes(def.by)) return 'FORBIDDEN';
  if (!def.from.includes(state)) return 'ITEM_ACTION_NOT_ALLOWED';
  return 'ok';
}

async function attempt(role: Role, id: number, action: ItemAction, helperId: () => Promise<number>) {
  const actor = w.actors[role];
  try {
    if (action === 'merge') {
      await mergeItems(t.ctx, actor, WHO, { ids: [id, await helperId()], ...CONTENT });
    } else {
      const item = await findItem(t.ctx.db.kysely, id);
      await transitionItem(
        t.ctx,
        actor,
        WHO,
        id,
        request(action, item?.version ?? 0, {
          assigneeId: action === 'assign' ? w.users.editor.id : null,
          content: CONTENT,
          referOrgId: w.p.otherCity.id,
        }),
      );
    }
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const eventCount = async (id: number) =>
  (await t.ctx.db.kysely.selectFrom('item_events').select('id').where('item_id', '=', id).execute()).length;

describe('the item workflow table', () => {
  for (const state of ITEM_STATE_KEYS) {
    it(`in state “${state}” every role gets exactly what the table allows`, async () => {
      const shared = await itemIn(state);
      const sharedBefore = await findItem(t.ctx.db.kysely, shared);
      let helper: number | null = null;
      const helperId = async () => {
        helper ??= await itemIn('registered');
        return helper;
      };
      const mismatches: string[] = [];
      for (const role of Object.keys(PARTIES) as Role[]) {
        for (const action of ITEM_ACTION_KEYS) {
          const want = expected(role, state, action);
          const id = want === 'ok' ? await itemIn(state) : shared;
          const eventsBefore = await eventCount(id);
          const got = await attempt(role, id, action, async () =>
            want === 'ok' ? itemIn('registered') : helperId(),
          );
          if (got !== want) mismatches.push(`${role} ${action}: expected ${want}, got ${got}`);
          if (want === 'ok' && got === 'ok') {
            const after = await findItem(t.ctx.db.kysely, id);
            if (after?.status !== nextState(action, state))
              mismatches.push(`${role} ${action}: landed in ${after?.status}`);
            if ((await eventCount(id)) !== eventsBefore + 1)
              mismatches.push(`${role} ${action}: event count`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      // Refusals change nothing.
      expect(await findItem(t.ctx.db.kysely, shared)).toEqual(sharedBefore);
    });
  }

  it('covers every state and action of the table at least once as allowed', () => {
    const allowed = new Set<string>();
    for (const state of ITEM_STATE_KEYS)
      for (const role of Object.keys(PARTIES) as Role[])
        for (const action of ITEM_ACTION_KEYS)
          if (expected(role, state, action) === 'ok') allowed.add(action);
    const systemOnly = ITEM_ACTION_KEYS.filter((a) => ITEM_ACTIONS[a].by === 'system');
    expect([...allowed].sort()).toEqual(ITEM_ACTION_KEYS.filter((a) => !systemOnly.includes(a)).sort());
  });
});
