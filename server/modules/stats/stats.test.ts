/**
 * Statistics of information work: every figure counts recorded facts in China-calendar periods,
 * each item once per row; the drill-down lists exactly the counted items; readers see only their
 * own CPPCC's intake or their own unit; the export is a real workbook.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarPeriod } from '../../../shared/periods.ts';
import type { StatsItem, StatsMeasure, StatsRow, StatsSummary } from '../../../shared/schemas/stats.ts';
import { cellText } from '../../lib/xlsx.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, makeUser, type Session } from '../../test/factories.ts';
import { act, type ItemWorld, makeItemWorld, newDraft } from '../../test/items.ts';
import { rankUnits } from './stats.repository.ts';

let t: TestContext;
let w: ItemWorld;
const s: Record<string, Session> = {};
const ids: Record<string, number> = {};
let countyMember: number;
let topics: { t1: number; r1: number; t2: number; r2: number };

const Q4 = 'period=quarter&year=2026&index=4';

/** An item row as the services leave it, with the facts given by hand. */
async function item(
  name: string,
  o: {
    unit: number;
    target?: number;
    status: string;
    first: string | null;
    authors?: number[];
    topic?: number | null;
    stream?: 'sqmy' | 'zhxx';
    composite?: boolean;
    mergedInto?: number;
  },
) {
  const k = t.ctx.db.kysely;
  const at = '2026-09-01T00:00:00.000Z';
  const row = await k
    .insertInto('items')
    .values({
      status: o.status,
      stream: o.stream ?? 'sqmy',
      kind: null,
      direction: null,
      topic_id: o.topic ?? null,
      contact_phone: '',
      source_type: 'own',
      source_ref: '',
      urgent: 0,
      disclosable: 0,
      submitting_org_id: o.unit,
      target_org_id: o.target ?? w.p.province.id,
      created_by: o.authors?.[0] ?? w.users.editor.id,
      on_behalf: 0,
      number: null,
      number_year: null,
      number_seq: null,
      assignee_id: null,
      post_id: null,
      due_at: null,
      handed_over: 0,
      composite: o.composite ? 1 : 0,
      merged_into_id: o.mergedInto ?? null,
      refer_org_id: null,
      last_reason: '',
      declarations: '',
      first_submitted_at: o.first,
      submitted_at: o.first,
      registered_at: null,
      lock_user_id: null,
      lock_expires_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
      title: `统计测试${name}`,
      situation: '',
      analysis: '',
      suggestion: '',
      body: '',
      char_count: 10,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [position, userId] of (o.authors ?? []).entries())
    await k
      .insertInto('item_authors')
      .values({ item_id: row.id, position, user_id: userId, org_id: null, name: `作者${userId}` })
      .execute();
  ids[name] = row.id;
  return row.id;
}

async function event(itemId: number, action: string, at: string) {
  await t.ctx.db.kysely
    .insertInto('item_events')
    .values({
      item_id: itemId,
      action,
      from_state: null,
      to_state: 'registered',
      actor_id: null,
      reason: '',
      note: '',
      created_at: at,
    })
    .execute();
}

async function feedback(
  itemId: number,
  kind: 'adoption' | 'instruction',
  what: { body?: string; rank?: string },
  day: string,
  revoked = false,
) {
  await t.ctx.db.kysely
    .insertInto('item_feedback')
    .values({
      item_id: itemId,
      kind,
      occurred_on: day,
      body: what.body ?? null,
      body_name: '',
      form: kind === 'adoption' ? 'single' : null,
      publication: '',
      leader_name: kind === 'instruction' ? '王清宪' : '',
      rank: what.rank ?? null,
      status: null,
      text: '',
      note: '',
      issue_id: null,
      recorded_by: w.users.editor.id,
      created_at: `${day}T02:00:00.000Z`,
      revoked_at: revoked ? `${day}T03:00:00.000Z` : null,
      revoked_by: revoked ? w.users.editor.id : null,
      revoke_reason: revoked ? '登记有误' : '',
    })
    .execute();
}

async function ledger(itemId: number, type: 'org' | 'user', subject: number, points: number, day: string) {
  await t.ctx.db.kysely
    .insertInto('score_ledger')
    .values({
      org_id: w.p.province.id,
      item_id: itemId,
      source: `test:${itemId}`,
      rule_set_id: null,
      rule_key: 'own.single',
      subject_type: type,
      subject_id: subject,
      points,
      occurred_on: day,
      explanation: '',
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestContext();
  w = await makeItemWorld(t.ctx);
  countyMember = (
    await makeUser(t.ctx, 'countymember', w.p.county.id, [
      { role: 'member', orgId: w.p.county.id, scope: 'self' },
    ])
  ).id;
  await makeUser(t.ctx, 'leader', w.p.province.id, [
    { role: 'leader', orgId: w.p.province.id, scope: 'subtree' },
  ]);
  const k = t.ctx.db.kysely;
  const roots = await k
    .selectFrom('topics')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('id')
    .execute();
  const childOf = async (r: number) =>
    (
      await k
        .selectFrom('topics')
        .select('id')
        .where('parent_id', '=', r)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
  const [r1, r2] = [roots[0]?.id as number, roots[1]?.id as number];
  topics = { r1, r2, t1: await childOf(r1), t2: await childOf(r2) };
  const { party, county, city } = w.p;
  const [author, coauthor] = [w.users.author.id, w.users.coauthor.id];

  // A: submitted at the first instant of Q4 (00:00 Beijing on 1 October), published, forwarded,
  // adopted by the National CPPCC, instructed by a principal provincial leader.
  const a = await item('A', {
    unit: party.id,
    status: 'forwarded',
    first: '2026-09-30T16:00:00.000Z',
    authors: [author, coauthor],
    topic: topics.t1,
  });
  await event(a, 'register', '2026-10-02T01:00:00.000Z');
  await event(a, 'publish', '2026-10-10T01:00:00.000Z');
  await event(a, 'forward', '2026-10-12T01:00:00.000Z');
  await feedback(a, 'adoption', { body: 'national_cppcc' }, '2026-10-20');
  await feedback(a, 'instruction', { rank: 'provincial_main' }, '2026-11-01');
  await ledger(a, 'org', party.id, 2000, '2026-10-20');
  await ledger(a, 'user', author, 1000, '2026-10-20');
  await ledger(a, 'user', coauthor, 1000, '2026-10-20');
  // B: one second before Q4 (Q3), registered in Q4.
  const b = await item('B', {
    unit: party.id,
    status: 'registered',
    first: '2026-09-30T15:59:59.000Z',
    authors: [author],
    topic: topics.t1,
  });
  await event(b, 'register', '2026-10-01T01:00:00.000Z');
  // C (a county of the city) and D (the party) merged into the composite X, which is published,
  // forwarded and adopted by the provincial Party committee; a revoked central adoption of X.
  const c = await item('C', {
    unit: county.id,
    status: 'merged',
    first: '2026-11-05T02:00:00.000Z',
    authors: [countyMember],
    topic: topics.t1,
  });
  const d = await item('D', {
    unit: party.id,
    status: 'merged',
    first: '2026-11-10T02:00:00.000Z',
    authors: [author],
    topic: topics.t2,
  });
  const x = await item('X', { unit: w.p.province.id, status: 'forwarded', first: null, composite: true });
  await t.ctx.db.kysely.updateTable('items').set({ merged_into_id: x }).where('id', 'in', [c, d]).execute();
  await event(c, 'register', '2026-11-06T02:00:00.000Z');
  await event(d, 'register', '2026-11-11T02:00:00.000Z');
  await event(x, 'publish', '2026-11-20T02:00:00.000Z');
  await event(x, 'forward', '2026-11-22T02:00:00.000Z');
  await feedback(x, 'adoption', { body: 'provincial_party' }, '2026-11-25');
  await feedback(x, 'adoption', { body: 'central' }, '2026-11-26', true);
  await ledger(d, 'org', party.id, 500, '2026-11-25');
  await ledger(c, 'org', county.id, 500, '2026-11-25');
  // E: 综合信息 stream, referred. F: published, its only adoption revoked.
  const e = await item('E', {
    unit: party.id,
    status: 'referred',
    first: '2026-12-01T02:00:00.000Z',
    authors: [author],
    topic: topics.t2,
    stream: 'zhxx',
  });
  await event(e, 'register', '2026-12-02T02:00:00.000Z');
  await event(e, 'refer', '2026-12-03T02:00:00.000Z');
  const f = await item('F', {
    unit: party.id,
    status: 'published',
    first: '2026-10-05T02:00:00.000Z',
    authors: [author],
    topic: topics.t2,
  });
  await event(f, 'register', '2026-10-05T03:00:00.000Z');
  await event(f, 'publish', '2026-10-06T02:00:00.000Z');
  await feedback(f, 'adoption', { body: 'central' }, '2026-10-08', true);
  // G: the city CPPCC's own intake. H: withdrawn (a draft again) — nobody's intake.
  await item('G', {
    unit: county.id,
    target: city.id,
    status: 'submitted',
    first: '2026-10-15T02:00:00.000Z',
    authors: [countyMember],
  });
  await item('H', { unit: party.id, status: 'draft', first: '2026-10-16T02:00:00.000Z', authors: [author] });

  for (const login of ['editor', 'liaison', 'cityeditor', 'sysadmin', 'author', 'leader'])
    s[login] = await loginAs(t.app, login);
});
afterAll(() => t.close());

async function summary(who: string, query: string): Promise<StatsSummary> {
  const res = await call(t.app, s[who] as Session, 'GET', `/api/stats/summary?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { data: StatsSummary }).data;
}
const rowOf = (sum: StatsSummary, key: number | string) =>
  sum.rows.find((r) => r.key === String(key)) as StatsRow;

async function drill(who: string, query: string, key: number | string, measure: StatsMeasure) {
  const res = await call(
    t.app,
    s[who] as Session,
    'GET',
    `/api/stats/items?${query}&key=${key}&measure=${measure}&pageSize=100`,
  );
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { data: StatsItem[]; total: number };
  return {
    titles: body.data.map((i) => i.title.replace('统计测试', '')).sort(),
    total: body.total,
    items: body.data,
  };
}

describe('statistics summary', () => {
  it('counts a unit’s items per measure in the quarter, crediting a composite’s facts to its sources', async () => {
    const sum = await summary('editor', `${Q4}&dimension=org`);
    expect(sum.period.label).toBe('2026年第四季度');
    const party = rowOf(sum, w.p.party.id).figures;
    expect(party).toMatchObject({
      submitted: 4, // A D E F (B is Q3, H withdrawn)
      registered: 5,
      published: 3,
      publishedSingle: 2,
      publishedCombined: 1,
      referred: 1,
      forwarded: 2,
      adoptedNational: 1, // A only: F's adoption was revoked
      adoptedProvincial: 1, // D through X
      adoptedOther: 0,
      forwardedAdopted: 2,
      instructionProvincialMain: 1,
      points: 25,
      publishRate: 0.75,
      adoptionRate: 1,
    });
    expect(rowOf(sum, w.p.county.id).figures).toMatchObject({
      submitted: 1,
      publishedCombined: 1,
      forwarded: 1,
      points: 5,
    });
    expect(rowOf(sum, w.p.county.id).note).toBe(w.p.city.name);
    expect(sum.totals).toMatchObject({
      submitted: 5,
      published: 4,
      forwarded: 3,
      forwardedAdopted: 3,
      points: 30,
    });
    expect(sum.rows.some((r) => r.key === String(w.p.province.id))).toBe(false); // the composite is nobody's row
  });

  it('places an item first submitted at 2026-09-30T16:00Z in Q4 and one second earlier in Q3', async () => {
    const q3 = await summary('editor', 'period=quarter&year=2026&index=3&dimension=org');
    expect(rowOf(q3, w.p.party.id).figures.submitted).toBe(1);
    expect(
      (await drill('editor', 'period=quarter&year=2026&index=3&dimension=org', w.p.party.id, 'submitted'))
        .titles,
    ).toEqual(['B']);
    const q4 = await drill('editor', `${Q4}&dimension=org`, w.p.party.id, 'submitted');
    expect(q4.titles).toEqual(['A', 'D', 'E', 'F']);
  });

  it('counts by member (an item once per author, once in the totals), city, topic and month', async () => {
    const m = await summary('editor', `${Q4}&dimension=member`);
    expect(rowOf(m, w.users.author.id).figures).toMatchObject({ submitted: 4, points: 10 });
    expect(rowOf(m, w.users.coauthor.id).figures).toMatchObject({ submitted: 1, points: 10 });
    expect(rowOf(m, countyMember).figures.submitted).toBe(1);
    expect(m.totals).toMatchObject({ submitted: 5, points: 20 });
    const c = await summary('editor', `${Q4}&dimension=city`);
    expect(rowOf(c, w.p.city.id)).toMatchObject({ label: w.p.city.name, figures: { submitted: 1 } });
    expect(rowOf(c, 'none')).toMatchObject({ label: '省直单位及其他', figures: { submitted: 4 } });
    const tp = await summary('editor', `${Q4}&dimension=topic`);
    expect(rowOf(tp, topics.r1).figures.submitted).toBe(2);
    expect(rowOf(tp, topics.r2).figures.submitted).toBe(3);
    const tr = await summary('editor', `${Q4}&dimension=trend&by=month`);
    expect(tr.rows.map((r) => [r.key, r.figures.submitted])).toEqual([
      ['2026-10', 2],
      ['2026-11', 2],
      ['2026-12', 1],
    ]);
    const weeks = await summary(
      'editor',
      'period=custom&from=2026-09-28&to=2026-10-11&dimension=trend&by=week',
    );
    // B (23:59:59 on 30 September, Beijing) and A (00:00 on 1 October) fall in one week; F in the next.
    expect(weeks.rows.map((r) => [r.key, r.figures.submitted])).toEqual([
      ['2026-W40', 2],
      ['2026-W41', 1],
    ]);
  });

  it('ranks units by points straight from the ledger, with the same sums as the summary', async () => {
    const ranked = await rankUnits(t.ctx.db.kysely, [w.p.province.id], calendarPeriod('quarter', 2026, 4));
    expect(ranked).toEqual([
      { orgId: w.p.party.id, points: 2500 },
      { orgId: w.p.county.id, points: 500 },
    ]);
    const sum = await summary('editor', `${Q4}&dimension=org`);
    for (const r of ranked) expect(rowOf(sum, r.orgId).figures.points * 100).toBe(r.points);
  });

  it('filters by stream', async () => {
    const zhxx = await summary('editor', `${Q4}&dimension=org&stream=zhxx`);
    expect(rowOf(zhxx, w.p.party.id).figures).toMatchObject({ submitted: 1, referred: 1, points: 0 });
    expect(zhxx.totals.submitted).toBe(1);
  });

  it('refuses a period that does not exist, in Chinese', async () => {
    const res = await call(
      t.app,
      s.editor as Session,
      'GET',
      '/api/stats/summary?period=week&year=2025&index=53',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('第1至第52');
    const custom = await call(
      t.app,
      s.editor as Session,
      'GET',
      '/api/stats/summary?period=custom&from=2026-03-02&to=2026-03-01',
    );
    expect(custom.statusCode).toBe(422);
  });
});

describe('drill-down', () => {
  it('lists exactly the items behind each figure', async () => {
    const q = `${Q4}&dimension=org`;
    const party = w.p.party.id;
    expect((await drill('editor', q, party, 'published')).titles).toEqual(['A', 'D', 'F']);
    expect((await drill('editor', q, party, 'publishedCombined')).titles).toEqual(['D']);
    expect((await drill('editor', q, party, 'adoptedNational')).titles).toEqual(['A']);
    expect((await drill('editor', q, party, 'forwardedAdopted')).titles).toEqual(['A', 'D']);
    expect((await drill('editor', q, party, 'points')).titles).toEqual(['A', 'D']);
    expect(
      (await drill('editor', `${Q4}&dimension=member`, w.users.coauthor.id, 'submitted')).titles,
    ).toEqual(['A']);
    expect((await drill('editor', `${Q4}&dimension=city`, 'none', 'submitted')).titles).toEqual([
      'A',
      'D',
      'E',
      'F',
    ]);
    expect((await drill('editor', `${Q4}&dimension=topic`, topics.r2, 'submitted')).titles).toEqual([
      'D',
      'E',
      'F',
    ]);
    expect((await drill('editor', `${Q4}&dimension=trend`, '2026-10', 'submitted')).titles).toEqual([
      'A',
      'F',
    ]);
    // Every figure of the unit row equals its drill-down's total.
    const row = rowOf(await summary('editor', q), party);
    for (const m of [
      'submitted',
      'registered',
      'referred',
      'forwarded',
      'adoptedProvincial',
      'instructionProvincialMain',
    ] as const)
      expect((await drill('editor', q, party, m)).total, m).toBe(row.figures[m]);
    const page = await drill('editor', q, party, 'submitted');
    expect(page.items.every((i) => i.openable && i.submittingOrgName === w.p.party.name)).toBe(true);
  });

  it('a leader reads the figures and lists, but may not open items they do not work', async () => {
    const list = await drill('leader', `${Q4}&dimension=org`, w.p.party.id, 'submitted');
    expect(list.total).toBe(4);
    expect(list.items.some((i) => i.openable)).toBe(false);
  });

  it('answers an unknown row as not found', async () => {
    const res = await call(
      t.app,
      s.editor as Session,
      'GET',
      `/api/stats/items?${Q4}&dimension=trend&key=2027-01&measure=submitted`,
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('who sees what', () => {
  it('a unit liaison sees only their own unit', async () => {
    const sum = await summary('liaison', `${Q4}&dimension=org`);
    expect(sum.rows.map((r) => r.key)).toEqual([String(w.p.party.id)]);
    expect(rowOf(sum, w.p.party.id).figures).toMatchObject({ submitted: 4, published: 3, points: 25 });
    expect(sum.totals.submitted).toBe(4);
    expect((await drill('liaison', `${Q4}&dimension=org`, w.p.county.id, 'submitted')).total).toBe(0);
    expect((await drill('liaison', `${Q4}&dimension=org`, w.p.party.id, 'submitted')).titles).toEqual([
      'A',
      'D',
      'E',
      'F',
    ]);
  });

  it('a liaison granted 本组织及下级 reads its units, not the CPPCC the unit belongs to', async () => {
    await makeUser(t.ctx, 'wideliaison', w.p.party.id, [
      { role: 'liaison', orgId: w.p.party.id, scope: 'subtree' },
    ]);
    s.wideliaison = await loginAs(t.app, 'wideliaison');
    const sum = await summary('wideliaison', `${Q4}&dimension=org`);
    expect(sum.rows.map((r) => r.key)).toEqual([String(w.p.party.id)]);
    expect(sum.scope).toEqual(['民盟安徽省委会（本单位）']);
    expect((await drill('wideliaison', `${Q4}&dimension=org`, w.p.county.id, 'submitted')).total).toBe(0);
  });

  it('another CPPCC’s office sees nothing of this intake, only its own', async () => {
    const sum = await summary('cityeditor', `${Q4}&dimension=org`);
    expect(sum.rows.map((r) => [r.key, r.figures.submitted])).toEqual([[String(w.p.county.id), 1]]);
    expect((await drill('cityeditor', `${Q4}&dimension=org`, w.p.party.id, 'submitted')).total).toBe(0);
  });

  it('refuses a user without stats.read', async () => {
    for (const who of ['sysadmin', 'author']) {
      expect((await call(t.app, s[who] as Session, 'GET', `/api/stats/summary?${Q4}`)).statusCode).toBe(403);
      expect(
        (await call(t.app, s[who] as Session, 'GET', `/api/stats/items?${Q4}&key=1&measure=submitted`))
          .statusCode,
      ).toBe(403);
      expect((await call(t.app, s[who] as Session, 'GET', `/api/stats/export?${Q4}`)).statusCode).toBe(403);
    }
  });

  it('counts what the real services record: a submission and a registration now', async () => {
    const now = t.ctx.clock.now();
    const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const q = `period=custom&from=${day}&to=${day}&dimension=org`;
    const before = rowOf(await summary('editor', q), w.p.party.id)?.figures ?? {
      submitted: 0,
      registered: 0,
    };
    const id = await newDraft(t.ctx, w, { topicId: topics.t1 });
    await act(t.ctx, w.actors.author, id, 'submit');
    await act(t.ctx, w.actors.editor, id, 'register');
    const after = rowOf(await summary('editor', q), w.p.party.id).figures;
    expect([after.submitted, after.registered]).toEqual([before.submitted + 1, before.registered + 1]);
  });
});

describe('export', () => {
  it('exports the table with a watermark line, Chinese headers and the totals, and audits it', async () => {
    const res = await call(t.app, s.editor as Session, 'GET', `/api/stats/export?${Q4}&dimension=org`);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '信息工作统计-报送单位-2026年第四季度.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('报送单位');
    expect(cellText(sheet.getRow(1).getCell(1).value)).toContain('2026年第四季度');
    expect(cellText(sheet.getRow(1).getCell(1).value)).toContain('导出人');
    const headers = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(cellText);
    expect(headers.slice(0, 4)).toEqual(['报送单位', '所属市', '来稿', '登记']);
    expect(headers).toContain('采用率');
    const col = (h: string) => headers.indexOf(h) + 1;
    const rows = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(i + 3));
    // The same figures as the summary (the real-services test above may have added one today).
    const sum = await summary('editor', `${Q4}&dimension=org`);
    const figures = rowOf(sum, w.p.party.id).figures;
    const party = rows.find((r) => cellText(r.getCell(1).value) === w.p.party.name) as ExcelJS.Row;
    expect(Number(cellText(party.getCell(col('来稿')).value))).toBe(figures.submitted);
    expect(Number(cellText(party.getCell(col('上报被采用')).value))).toBe(2);
    expect(cellText(party.getCell(col('采用率')).value)).toBe('100.0%');
    const last = rows[rows.length - 1] as ExcelJS.Row;
    expect(cellText(last.getCell(1).value)).toBe('合计');
    expect(Number(cellText(last.getCell(col('来稿')).value))).toBe(sum.totals.submitted);
    expect(rows).toHaveLength(sum.rows.length + 1);
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'stats.export')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
