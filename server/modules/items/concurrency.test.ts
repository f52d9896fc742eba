/**
 * Two people at once, on whichever database the suite runs: saves of the same version (one
 * wins, the other is told, nothing is overwritten) and simultaneous registrations (distinct,
 * gapless numbers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { act, type ItemWorld, makeItemWorld, newDraft, request, WHO } from '../../test/items.ts';
import { findItem } from './items.repository.ts';
import { transitionItem } from './transition.service.ts';

let t: TestContext;
let w: ItemWorld;

beforeAll(async () => {
  t = await createTestContext();
  w = await makeItemWorld(t.ctx);
});
afterAll(() => t.close());

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `unexpected: ${String(e)}`),
  );

async function submitted(): Promise<number> {
  const id = await newDraft(t.ctx, w);
  await act(t.ctx, w.actors.author, id, 'submit');
  return id;
}

describe('concurrent work on items', () => {
  it('two editors saving the same version: one wins, the other gets ITEM_STALE', async () => {
    const id = await submitted();
    await act(t.ctx, w.actors.editor, id, 'register');
    const base = await findItem(t.ctx.db.kysely, id);
    const save = (who: 'editor' | 'director', text: string) =>
      transitionItem(
        t.ctx,
        w.actors[who],
        WHO,
        id,
        request('edit', base?.version ?? 0, {
          content: { title: `${text}的标题`, situation: text, analysis: '', suggestion: '建议', body: '' },
        }),
      );
    const results = await Promise.all([
      outcome(save('editor', '林静的修改')),
      outcome(save('director', '何建华的修改')),
    ]);
    expect(results.sort()).toEqual(['ITEM_STALE', 'ok']);
    const after = await findItem(t.ctx.db.kysely, id);
    const winner = results[0] === 'ok' ? '林静的修改' : '何建华的修改';
    const versions = await t.ctx.db.kysely
      .selectFrom('item_versions')
      .selectAll()
      .where('item_id', '=', id)
      .execute();
    expect(versions.map((v) => v.kind)).toEqual(['original', 'edit']);
    expect(after?.situation).toBe(versions[1]?.situation);
    expect([winner, '林静的修改', '何建华的修改']).toContain(after?.situation);
    expect(after?.version).toBe((base?.version ?? 0) + 1);
  });

  it('registrations at the same moment get distinct, consecutive numbers', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => submitted()));
    const counter = await t.ctx.db.kysely.selectFrom('item_counters').select('last').executeTakeFirst();
    const start = Number(counter?.last ?? 0);
    const results = await Promise.all(
      ids.map((id, i) => outcome(act(t.ctx, i % 2 ? w.actors.editor : w.actors.director, id, 'register'))),
    );
    expect(results).toEqual(ids.map(() => 'ok'));
    const rows = await t.ctx.db.kysely
      .selectFrom('items')
      .select('number_seq')
      .where('id', 'in', ids)
      .execute();
    const seqs = rows.map((r) => Number(r.number_seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(ids.map((_, i) => start + i + 1));
  });

  it('the same item registered twice at once is registered once', async () => {
    const id = await submitted();
    const version = (await findItem(t.ctx.db.kysely, id))?.version ?? 0;
    const results = await Promise.all(
      [w.actors.editor, w.actors.director].map((a) =>
        outcome(transitionItem(t.ctx, a, WHO, id, request('register', version))),
      ),
    );
    // The loser either waited on the row (stale version) or came after (no longer 已报送).
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(['ITEM_STALE', 'ITEM_ACTION_NOT_ALLOWED']).toContain(results.find((r) => r !== 'ok'));
    const events = await t.ctx.db.kysely
      .selectFrom('item_events')
      .select('action')
      .where('item_id', '=', id)
      .where('action', '=', 'register')
      .execute();
    expect(events).toHaveLength(1);
  });
});
