/**
 * Rule tables: a table that looks ahead changes nothing already scored and scores what happens
 * from its day; a retroactive table needs a reason and says what it changed; a table in force is
 * never edited; only the office director writes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSetView } from '../../../shared/schemas/scoring.ts';
import { DEFAULT_SCORE_RULES, type ScoreRules } from '../../../shared/scoring.ts';
import { DAY } from '../../lib/clock.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, type Session } from '../../test/factories.ts';
import { type IssueWorld, issueItems, makeIssueWorld, selectedItem } from '../../test/issues.ts';
import { WHO } from '../../test/items.ts';
import { recordFeedback } from '../feedback/feedback.service.ts';
import { ledgerDigest, recomputeLedger } from './scores.service.ts';

let t: TestContext;
let w: IssueWorld;
let director: Session;
let itemId: number;

const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const today = () => dayOf(t.ctx.clock.now().getTime());
const inDays = (n: number) => dayOf(t.ctx.clock.now().getTime() + n * DAY);
const unitPoints = async (id: number) =>
  (
    await t.ctx.db.kysely
      .selectFrom('score_ledger')
      .select(['rule_key', 'points', 'rule_set_id'])
      .where('item_id', '=', id)
      .where('subject_type', '=', 'org')
      .orderBy('occurred_on')
      .orderBy('source')
      .execute()
  ).map((r) => [r.rule_key, r.points, r.rule_set_id]);

/** The default table with the own-publication and national-adoption figures changed. */
const rules = (own: number, national = 20): ScoreRules => ({
  ...DEFAULT_SCORE_RULES,
  own: { ...DEFAULT_SCORE_RULES.own, single: own },
  adoption: { ...DEFAULT_SCORE_RULES.adoption, national_cppcc: { single: national, combined: 15 } },
  bonus: { own: { province: 0, national: 0 }, upstream: { province: 0, national: 0 } },
});
const body = (effectiveFrom: string, r: ScoreRules, retroactiveReason = '') => ({
  orgId: w.p.province.id,
  name: `${effectiveFrom}起施行`,
  effectiveFrom,
  rules: r,
  retroactiveReason,
});

beforeAll(async () => {
  t = await createTestContext();
  w = await makeIssueWorld(t.ctx);
  director = await loginAs(t.app, 'director');
  itemId = await selectedItem(t.ctx, w, '关于推进老旧小区加装电梯的建议');
  await issueItems(t.ctx, w, [itemId]);
});
afterAll(() => t.close());

describe('score rule tables', () => {
  it('a table that looks ahead leaves the ledger alone and scores events from its day', async () => {
    const before = await ledgerDigest(t.ctx.db.kysely);
    const res = await call(t.app, director, 'POST', '/api/score-rule-sets', body(inDays(3), rules(8, 40)));
    expect(res.statusCode).toBe(200);
    expect(res.json().data.effect.changedItems).toBe(0);
    expect(await ledgerDigest(t.ctx.db.kysely)).toEqual(before);
    t.ctx.clock.advance(4 * DAY);
    director = await loginAs(t.app, 'director');
    await recordFeedback(t.ctx, w.actors.editor, WHO, itemId, {
      kind: 'adoption',
      body: 'national_cppcc',
      bodyName: '',
      form: 'single',
      publication: '',
      occurredOn: today(),
      note: '',
    });
    const lines = await unitPoints(itemId);
    // Published under the default table (5), adopted under the new one (40).
    expect(lines.map(([k, p]) => [k, p])).toEqual([
      ['own.single', 500],
      ['adoption.national_cppcc.single', 4000],
    ]);
    expect(lines[0]?.[2]).toBeNull();
    expect(lines[1]?.[2]).toEqual(expect.any(Number));
  });

  it('a table in force is neither edited nor deleted', async () => {
    const list = (await call(t.app, director, 'GET', '/api/score-rule-sets')).json().data as RuleSetView[];
    const current = list.find((s) => s.status === 'current');
    expect(current?.id).toEqual(expect.any(Number));
    expect(current?.editable).toBe(false);
    expect(list.find((s) => s.id === null)?.status).toBe('past');
    const put = await call(t.app, director, 'PUT', `/api/score-rule-sets/${current?.id}`, {
      name: '改名',
      effectiveFrom: inDays(10),
      rules: rules(1),
      retroactiveReason: '',
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('SCORE_RULES_IN_FORCE');
    const del = await call(t.app, director, 'DELETE', `/api/score-rule-sets/${current?.id}`);
    expect(del.json().error.code).toBe('SCORE_RULES_IN_FORCE');
  });

  it('a pending table may be edited and withdrawn before its day', async () => {
    const created = await call(t.app, director, 'POST', '/api/score-rule-sets', body(inDays(30), rules(6)));
    const id = created.json().data.id as number;
    const put = await call(t.app, director, 'PUT', `/api/score-rule-sets/${id}`, {
      name: '明年施行',
      effectiveFrom: inDays(40),
      rules: rules(7),
      retroactiveReason: '',
    });
    expect(put.statusCode).toBe(200);
    const saved = await t.ctx.db.kysely
      .selectFrom('score_rule_sets')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([saved.name, saved.effective_from, JSON.parse(saved.rules).own.single]).toEqual([
      '明年施行',
      inDays(40),
      7,
    ]);
    expect((await call(t.app, director, 'DELETE', `/api/score-rule-sets/${id}`)).statusCode).toBe(200);
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'score_rule_set')
      .where('target_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'score_rules.create',
      'score_rules.update',
      'score_rules.delete',
    ]);
  });

  it('a table reaching back needs a reason; the preview changes nothing; saving rescores and records it', async () => {
    // Back to the publication's day: it would score 9 instead of the default 5.
    const back = body(inDays(-4), rules(9, 40));
    const refused = await call(t.app, director, 'POST', '/api/score-rule-sets', back);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('SCORE_RULES_RETROACTIVE');

    const before = await ledgerDigest(t.ctx.db.kysely);
    const preview = await call(t.app, director, 'POST', '/api/score-rule-sets/preview', back);
    expect(preview.json().data).toMatchObject({ changedItems: 1, pointsBefore: 9000, pointsAfter: 9800 });
    expect(await ledgerDigest(t.ctx.db.kysely)).toEqual(before);
    expect(
      await t.ctx.db.kysely
        .selectFrom('score_rule_sets')
        .select('id')
        .where('effective_from', '=', inDays(-4))
        .execute(),
    ).toEqual([]);

    // From today, the day of the adoption (now 50); the publication keeps the default's 5.
    const now = body(today(), rules(9, 50), '省政协办公厅通知自即日起施行新标准');
    const saved = await call(t.app, director, 'POST', '/api/score-rule-sets', now);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().data.effect).toMatchObject({
      changedItems: 1,
      pointsBefore: 9000,
      pointsAfter: 11000,
    });
    expect((await unitPoints(itemId)).map(([k, p]) => [k, p])).toEqual([
      ['own.single', 500],
      ['adoption.national_cppcc.single', 5000],
    ]);
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'score_rules.create')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({
      retroactiveReason: '省政协办公厅通知自即日起施行新标准',
      effect: { changedItems: 1, pointsAfter: 11000 },
    });
    // The ledger is still what the events and tables give.
    const kept = await ledgerDigest(t.ctx.db.kysely);
    await recomputeLedger(t.ctx.db.kysely);
    expect(await ledgerDigest(t.ctx.db.kysely)).toEqual(kept);
  });

  it('only the office director writes tables; others read or see nothing; bad figures are refused', async () => {
    const editor = await loginAs(t.app, 'editor');
    expect((await call(t.app, editor, 'GET', '/api/score-rule-sets')).json().data.length).toBeGreaterThan(1);
    const byEditor = await call(t.app, editor, 'POST', '/api/score-rule-sets', body(inDays(50), rules(5)));
    expect(byEditor.statusCode).toBe(403);
    const city = await loginAs(t.app, 'cityeditor');
    const cityList = (await call(t.app, city, 'GET', '/api/score-rule-sets')).json().data as RuleSetView[];
    expect(cityList.every((s) => s.orgId === w.p.city.id)).toBe(true);
    const sysadmin = await loginAs(t.app, 'sysadmin');
    expect((await call(t.app, sysadmin, 'GET', '/api/score-rule-sets')).json().data).toEqual([]);
    const bad = await call(t.app, director, 'POST', '/api/score-rule-sets', {
      ...body(inDays(60), rules(5)),
      rules: { ...rules(5), own: { single: -1, combined: 2.555, referred: 1 } },
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('分值不能为负数');
    expect(JSON.stringify(bad.json())).toContain('分值最多保留两位小数');
    const dup = await call(t.app, director, 'POST', '/api/score-rule-sets', body(today(), rules(5), '重复'));
    expect(dup.json().error.code).toBe('DUPLICATE');
  });
});
