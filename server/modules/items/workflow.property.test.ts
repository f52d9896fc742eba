/**
 * Random sequences of actions by random people on a few items; whatever happens, the record
 * stays whole: the state is one of the table's, each taken action is exactly one event and
 * the events chain from state to state, versions only grow and never change, and the original
 * (第1稿) stays as submitted.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_ACTION_KEYS, ITEM_STATE_KEYS, type ItemAction } from '../../../shared/workflow/items.ts';
import { AppError } from '../../lib/errors.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { draftInput, type ItemWorld, makeItemWorld, newDraft, request, WHO } from '../../test/items.ts';
import { saveDraft } from './drafts.service.ts';
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

type Role = keyof ItemWorld['actors'];
type Step = { item: number; other: number; role: Role | 'fitting'; action: ItemAction | 'save' };

function fittingRole(action: ItemAction | 'save'): Role {
  if (action === 'save' || action === 'submit' || action === 'resubmit' || action === 'withdraw')
    return 'author';
  return action === 'assign' ? 'director' : 'editor';
}

/** Weighted towards the main line, so sequences get far; every action still occurs. */
const weighted = <T>(pairs: [T, number][]) =>
  fc.oneof(...pairs.map(([v, weight]) => ({ arbitrary: fc.constant(v), weight })));
const HEAVY: Partial<Record<ItemAction | 'save', number>> = {
  submit: 8,
  resubmit: 6,
  register: 8,
  edit: 5,
  save: 4,
  return: 3,
  select: 4,
  publish: 3,
  archive: 2,
};
const step = fc.record({
  item: fc.nat(2),
  other: fc.nat(2),
  /** Mostly the person the action is meant for (so sequences get far), sometimes anyone. */
  role: weighted<Role | 'fitting'>([
    ['fitting', 12],
    ['author', 1],
    ['coauthor', 1],
    ['liaison', 1],
    ['editor', 1],
    ['director', 1],
    ['cityEditor', 1],
  ]),
  action: weighted<ItemAction | 'save'>(
    [...ITEM_ACTION_KEYS, 'save' as const].map((a): [ItemAction | 'save', number] => [a, HEAVY[a] ?? 1]),
  ),
});
let okCount = 0;
const reached = new Set<string>();

async function take(ids: number[], s: Step, n: number): Promise<boolean> {
  const ctx = t.ctx;
  const actor = w.actors[s.role === 'fitting' ? fittingRole(s.action) : s.role];
  const id = ids[s.item] as number;
  const item = await findItem(ctx.db.kysely, id);
  const version = item?.version ?? 0;
  try {
    if (s.action === 'save') {
      await saveDraft(ctx, actor, WHO, id, { ...draftInput(w, { situation: `修改${n}` }), version });
    } else if (s.action === 'merge') {
      await mergeItems(ctx, actor, WHO, {
        ids: [id, ids[s.other] as number],
        title: `综合${n}`,
        situation: '',
        analysis: '',
        suggestion: '',
        body: '综合',
      });
    } else if (s.action === 'publish' || s.action === 'forward' || s.action === 'handover') {
      await systemTransition(ctx, id, s.action);
    } else {
      await transitionItem(
        ctx,
        actor,
        WHO,
        id,
        request(s.action, version, {
          assigneeId: s.action === 'assign' ? w.users.editor.id : null,
          content: { title: `第${n}次编辑`, situation: `编辑${n}`, analysis: '', suggestion: '', body: '' },
          referOrgId: w.p.otherCity.id,
        }),
      );
    }
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

async function snapshot(id: number) {
  const db = t.ctx.db.kysely;
  const item = await findItem(db, id);
  const events = await db
    .selectFrom('item_events')
    .selectAll()
    .where('item_id', '=', id)
    .orderBy('id')
    .execute();
  const versions = await db
    .selectFrom('item_versions')
    .selectAll()
    .where('item_id', '=', id)
    .orderBy('no')
    .execute();
  return { item, events, versions };
}

describe('the item workflow under random sequences', () => {
  it('keeps its invariants', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 25, maxLength: 50 }), async (steps) => {
        const ids = [await newDraft(t.ctx, w), await newDraft(t.ctx, w), await newDraft(t.ctx, w)];
        const before = await Promise.all(ids.map(snapshot));
        const taken = new Map(ids.map((id) => [id, 0]));
        for (const [n, s] of steps.entries()) {
          const prev = await Promise.all(ids.map(snapshot));
          const ok = await take(ids, s, n);
          if (ok) okCount += 1;
          const next = await Promise.all(ids.map(snapshot));
          for (const [i, id] of ids.entries()) {
            const a = prev[i];
            const b = next[i];
            if (!a || !b?.item) throw new Error('item vanished');
            expect(ITEM_STATE_KEYS).toContain(b.item.status);
            reached.add(b.item.status);
            // Versions only grow; the ones there stay exactly as they were.
            expect(b.versions.slice(0, a.versions.length)).toEqual(a.versions);
            // A change of state is always an event, and an event is always a change on record.
            const newEvents = b.events.length - a.events.length;
            if (a.item?.status !== b.item.status) expect(newEvents).toBe(1);
            if (
              s.action !== 'save' &&
              ok &&
              (id === ids[s.item] || (s.action === 'merge' && id === ids[s.other]))
            )
              taken.set(id, (taken.get(id) ?? 0) + newEvents);
          }
        }
        for (const [i, id] of ids.entries()) {
          const { item, events, versions } = await snapshot(id);
          if (!item) throw new Error('item vanished');
          // Events chain from draft to the current state, one per action taken.
          let state: string | null = 'draft';
          for (const e of events) {
            expect(e.from_state).toBe(state);
            state = e.to_state;
          }
          expect(state).toBe(item.status);
          expect(events.length).toBe(taken.get(id));
          expect(before[i]?.events).toEqual([]);
          // The original is the text as first submitted and never changes.
          const first = events.find((e) => e.action === 'submit');
          if (first) expect(versions[0]?.kind).toBe('original');
        }
      }),
      { numRuns: 40 },
    );
    // The sequences must exercise the workflow, not only its refusals.
    expect(okCount).toBeGreaterThan(150);
    expect(reached.size).toBeGreaterThanOrEqual(7);
  });
});
