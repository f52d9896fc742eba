/**
 * The ledger in the database: written in the transaction that publishes an item or records
 * feedback, removed with a revoked record, credited to a composite's sources, and rebuilt by the
 * recompute exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs } from '../../test/factories.ts';
import { type IssueWorld, issueItems, makeIssueWorld, selectedItem } from '../../test/issues.ts';
import { act, newDraft, WHO } from '../../test/items.ts';
import { recordFeedback, revokeFeedback } from '../feedback/feedback.service.ts';
import { mergeItems } from '../items/merge.service.ts';
import { ledgerDigest, recomputeLedger } from './scores.service.ts';

let t: TestContext;
let w: IssueWorld;

beforeAll(async () => {
  t = await createTestContext();
  w = await makeIssueWorld(t.ctx);
  await t.ctx.db.kysely
    .updateTable('users')
    .set({ member_level: 'province' })
    .where('id', '=', w.users.author.id)
    .execute();
});
afterAll(() => t.close());

const today = () => new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const ledger = (itemId: number) =>
  t.ctx.db.kysely
    .selectFrom('score_ledger')
    .select(['subject_type', 'subject_id', 'points', 'rule_key'])
    .where('item_id', '=', itemId)
    .orderBy('id')
    .execute();

const publish = (itemIds: number[]) => issueItems(t.ctx, w, itemIds);

describe('the score ledger', () => {
  let itemId: number;

  it('publishing scores the unit and the joint authors (a provincial member: +2)', async () => {
    itemId = await selectedItem(t.ctx, w, '关于完善县域医共体建设的建议');
    await publish([itemId]);
    expect(await ledger(itemId)).toEqual([
      {
        subject_type: 'org',
        subject_id: w.p.party.id,
        points: 700,
        rule_key: 'own.single+bonus.own.province',
      },
      {
        subject_type: 'user',
        subject_id: w.users.author.id,
        points: 350,
        rule_key: 'own.single+bonus.own.province',
      },
      {
        subject_type: 'user',
        subject_id: w.users.coauthor.id,
        points: 350,
        rule_key: 'own.single+bonus.own.province',
      },
    ]);
  });

  it('an adoption adds its lines; revoking it takes them away again', async () => {
    const id = await recordFeedback(t.ctx, w.actors.editor, WHO, itemId, {
      kind: 'adoption',
      body: 'national_cppcc',
      bodyName: '',
      form: 'single',
      publication: '',
      occurredOn: today(),
      note: '',
    });
    const rows = await ledger(itemId);
    expect(rows.slice(3).map((r) => [r.subject_type, r.points, r.rule_key])).toEqual([
      ['org', 3000, 'adoption.national_cppcc.single+bonus.upstream.province'],
      ['user', 1500, 'adoption.national_cppcc.single+bonus.upstream.province'],
      ['user', 1500, 'adoption.national_cppcc.single+bonus.upstream.province'],
    ]);
    // The author reads each line with what it came from.
    const res = await call(t.app, await loginAs(t.app, 'author'), 'GET', `/api/items/${itemId}/score`);
    const lines = (
      res.json() as { data: { subject: { name: string }; explanation: string; points: number }[] }
    ).data;
    expect(lines.find((l) => l.subject.name === '韩志远' && l.points === 1500)?.explanation).toContain(
      '全国政协办公厅单篇采用，20分；省政协委员加10分',
    );
    await revokeFeedback(t.ctx, w.actors.editor, WHO, id, '登记有误');
    expect(await ledger(itemId)).toHaveLength(3);
  });

  it('a composite credits its sources: 综合 2 each, an instruction shared among them', async () => {
    const sources: number[] = [];
    for (const title of ['关于加强养老服务的建议（一）', '关于加强养老服务的建议（二）']) {
      const id = await newDraft(t.ctx, w, { title });
      await act(t.ctx, w.actors.author, id, 'submit');
      await act(t.ctx, w.actors.editor, id, 'register');
      sources.push(id);
    }
    const composite = await mergeItems(t.ctx, w.actors.editor, WHO, {
      ids: sources,
      title: '关于加强养老服务的综合建议',
      situation: '情况',
      analysis: '分析',
      suggestion: '建议',
      body: '',
    });
    await act(t.ctx, w.actors.editor, composite, 'select');
    await publish([composite]);
    for (const s of sources)
      expect((await ledger(s)).map((r) => [r.subject_type, r.points, r.rule_key])).toEqual([
        ['org', 400, 'own.combined+bonus.own.province'],
        ['user', 200, 'own.combined+bonus.own.province'],
        ['user', 200, 'own.combined+bonus.own.province'],
      ]);
    expect(await ledger(composite)).toEqual([]);
    await recordFeedback(t.ctx, w.actors.editor, WHO, composite, {
      kind: 'instruction',
      leaderName: '张三',
      rank: 'bureau',
      text: '请研究。',
      occurredOn: today(),
      note: '',
    });
    for (const s of sources) expect((await ledger(s)).slice(3).map((r) => r.points)).toEqual([750, 375, 375]);
  });

  it('the recompute reproduces the ledger exactly', async () => {
    const before = await ledgerDigest(t.ctx.db.kysely);
    expect(before.rows).toBeGreaterThan(10);
    await t.ctx.db.kysely.transaction().execute((tx) => recomputeLedger(tx));
    expect(await ledgerDigest(t.ctx.db.kysely)).toEqual(before);
    // A hand edit of the ledger is what a recompute exposes (and undoes).
    await t.ctx.db.kysely
      .updateTable('score_ledger')
      .set({ points: 9999 })
      .where('item_id', '=', itemId)
      .execute();
    expect((await ledgerDigest(t.ctx.db.kysely)).sha256).not.toBe(before.sha256);
    await t.ctx.db.kysely.transaction().execute((tx) => recomputeLedger(tx));
    expect(await ledgerDigest(t.ctx.db.kysely)).toEqual(before);
  });
});
