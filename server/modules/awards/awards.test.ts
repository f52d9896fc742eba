/**
 * 评选表彰 on a hand-made ledger: scores per kind in the period at the CPPCC (an item counted once
 * per event, the larger of its unit and author lines), ties sharing a rank, the committee's
 * adjustments kept across recomputation, a finalised round refusing every change, and who may
 * read or run a round at which CPPCC.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardEntryView } from '../../../shared/schemas/awards.ts';
import { cellText } from '../../lib/xlsx.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, makeUser, type Session } from '../../test/factories.ts';
import { draftInput, type ItemWorld, makeItemWorld, WHO } from '../../test/items.ts';
import { createDraft } from '../items/drafts.service.ts';

let t: TestContext;
let w: ItemWorld;
const item: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'cityItem', number> = {} as never;
let director: Session;
let editor: Session;
let leader: Session;
let cityDirector: Session;
let liaison: Session;
let sysadmin: Session;

type Line = [
  itemId: number,
  source: string,
  on: string,
  type: 'org' | 'user',
  subject: number,
  points: number,
];

async function ledger(lines: Line[], orgId = w.p.province.id) {
  await t.ctx.db.kysely
    .insertInto('score_ledger')
    .values(
      lines.map(([item_id, source, occurred_on, subject_type, subject_id, points]) => ({
        org_id: orgId,
        item_id,
        source,
        rule_set_id: null,
        rule_key: 'test',
        subject_type,
        subject_id,
        points,
        occurred_on,
        explanation: '测试',
      })),
    )
    .execute();
}

const PERIOD = { from: '2024-01-01', to: '2025-12-31' };

async function newRound(s: Session = director, body: Record<string, unknown> = {}) {
  const res = await call(t.app, s, 'POST', '/api/awards', {
    ...PERIOD,
    quotas: { unit: 2, person: 1, item: 3 },
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data.id as number;
}

async function entries(id: number, s: Session = director) {
  const res = await call(t.app, s, 'GET', `/api/awards/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data.entries as AwardEntryView[];
}
const table = (list: AwardEntryView[], kind: AwardEntryView['kind']) =>
  list.filter((e) => e.kind === kind).map((e) => [e.name, e.score, e.rank, e.status]);

const adjust = (id: number, body: Record<string, unknown>, s: Session = director) =>
  call(t.app, s, 'POST', `/api/awards/${id}/adjustments`, { reason: '评审会议研究决定', ...body });

beforeAll(async () => {
  t = await createTestContext();
  w = await makeItemWorld(t.ctx);
  for (const key of Object.keys({ A: 0, B: 0, C: 0, D: 0, E: 0, cityItem: 0 }) as (keyof typeof item)[]) {
    item[key] = await createDraft(
      t.ctx,
      w.actors.author,
      WHO,
      draftInput(w, { title: `关于测试事项${key}的建议` }),
    );
    await t.ctx.db.kysely
      .updateTable('items')
      .set({
        target_org_id: key === 'cityItem' ? w.p.city.id : w.p.province.id,
        first_submitted_at: '2024-02-01T02:00:00.000Z',
      })
      .where('id', '=', item[key])
      .execute();
  }
  const { party, city, county, otherCity } = w.p;
  const { author, coauthor, liaison: liaisonUser } = w.users;
  await ledger([
    // Item A: published (unit 500 < authors 600), adopted (unit 1000 > author 500) → 1600.
    [item.A, 'publish', '2024-03-01', 'org', party.id, 500],
    [item.A, 'publish', '2024-03-01', 'user', author.id, 300],
    [item.A, 'publish', '2024-03-01', 'user', coauthor.id, 300],
    [item.A, 'feedback:1', '2025-06-01', 'org', party.id, 1000],
    [item.A, 'feedback:1', '2025-06-01', 'user', author.id, 500],
    [item.B, 'publish', '2024-05-01', 'org', city.id, 800],
    [item.B, 'publish', '2024-05-01', 'user', author.id, 200],
    // The period's last day counts.
    [item.C, 'publish', '2025-12-31', 'org', otherCity.id, 600],
    [item.C, 'publish', '2025-12-31', 'user', coauthor.id, 600],
    [item.E, 'publish', '2025-01-01', 'org', county.id, 800],
    [item.E, 'feedback:2', '2025-02-01', 'user', liaisonUser.id, 900],
    // The day before and the day after the period do not.
    [item.D, 'publish', '2023-12-31', 'org', party.id, 5000],
    [item.D, 'publish', '2023-12-31', 'user', author.id, 5000],
    [item.D, 'feedback:3', '2026-01-01', 'org', party.id, 5000],
  ]);
  // Scored by the city's office: not the province's round.
  await ledger(
    [
      [item.cityItem, 'publish', '2024-06-01', 'org', party.id, 9999],
      [item.cityItem, 'publish', '2024-06-01', 'user', author.id, 9999],
    ],
    city.id,
  );
  await makeUser(t.ctx, 'leader', w.p.infoOffice.id, [
    { role: 'leader', orgId: w.p.province.id, scope: 'subtree' },
  ]);
  await makeUser(t.ctx, 'citydirector', w.p.city.id, [
    { role: 'director', orgId: w.p.city.id, scope: 'subtree' },
  ]);
  director = await loginAs(t.app, 'director');
  editor = await loginAs(t.app, 'editor');
  leader = await loginAs(t.app, 'leader');
  cityDirector = await loginAs(t.app, 'citydirector');
  liaison = await loginAs(t.app, 'liaison');
  sysadmin = await loginAs(t.app, 'sysadmin');
});
afterAll(() => t.close());

describe('award candidates from the ledger', () => {
  it('ranks each kind by its score in the period at the CPPCC; ties share a rank and all tied at the quota are in', async () => {
    const id = await newRound();
    const list = await entries(id);
    expect(table(list, 'unit')).toEqual([
      ['民盟安徽省委会', 1500, 1, 'candidate'],
      ['政协合肥市委员会', 800, 2, 'candidate'],
      ['政协肥西县委员会', 800, 2, 'candidate'],
    ]);
    expect(table(list, 'person')).toEqual([['韩志远', 1000, 1, 'candidate']]);
    expect(list.find((e) => e.kind === 'unit')?.unit).toBe('民主党派');
  });

  it('scores an item once per event: the larger of its unit and author lines, summed over its events', async () => {
    const list = await entries(await newRound());
    expect(table(list, 'item')).toEqual([
      ['关于测试事项E的建议', 1700, 1, 'candidate'],
      ['关于测试事项A的建议', 1600, 2, 'candidate'],
      ['关于测试事项B的建议', 800, 3, 'candidate'],
    ]);
    expect(list.find((e) => e.kind === 'item')?.unit).toBe('民盟安徽省委会');
  });

  it('defaults to the two previous full calendar years and names the round after them', async () => {
    const res = await call(t.app, director, 'POST', '/api/awards', {});
    const round = (await call(t.app, director, 'GET', `/api/awards/${res.json().data.id}`)).json().data;
    const year = Number(new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));
    expect([round.from, round.to]).toEqual([`${year - 2}-01-01`, `${year - 1}-12-31`]);
    expect(round.name).toBe(`${year - 2}—${year - 1}年度政协信息工作评选表彰`);
    expect(round.quotas).toEqual({ unit: 10, person: 20, item: 30 });
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await call(t.app, director, 'POST', '/api/awards', { from: '2025-01-01', to: '2024-12-31' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('起始日期不能晚于截止日期');
  });
});

describe('the committee adjusts the list', () => {
  let id: number;
  beforeAll(async () => {
    id = await newRound();
  });

  it('takes a candidate out and adds a person not ranked high enough, each with its reason', async () => {
    expect(
      (
        await adjust(id, {
          action: 'remove',
          kind: 'unit',
          subjectId: w.p.county.id,
          reason: '年度考核不合格',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await adjust(id, {
          action: 'add',
          kind: 'person',
          subjectId: w.users.coauthor.id,
          reason: '撰写重要专报',
        })
      ).statusCode,
    ).toBe(200);
    const list = await entries(id);
    expect(list.find((e) => e.subjectId === w.p.county.id && e.kind === 'unit')).toMatchObject({
      status: 'removed',
      reason: '年度考核不合格',
      adjustedBy: '何建华',
    });
    expect(table(list, 'person')).toEqual([
      ['韩志远', 1000, 1, 'candidate'],
      ['王丽', 900, 2, 'added'],
    ]);
  });

  it('needs a reason and refuses what does not fit: a double addition, a removal of an addition, a subject of another CPPCC', async () => {
    const noReason = await adjust(id, {
      action: 'remove',
      kind: 'unit',
      subjectId: w.p.party.id,
      reason: '',
    });
    expect(noReason.statusCode).toBe(422);
    const again = await adjust(id, { action: 'add', kind: 'person', subjectId: w.users.coauthor.id });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'AWARD_ENTRY_STATE']);
    const removeAdded = await adjust(id, {
      action: 'remove',
      kind: 'person',
      subjectId: w.users.coauthor.id,
    });
    expect(removeAdded.json().error.code).toBe('AWARD_ENTRY_STATE');
    const foreign = await adjust(id, { action: 'add', kind: 'item', subjectId: item.cityItem });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, 'NOT_FOUND']);
    const recipient = await adjust(id, { action: 'add', kind: 'unit', subjectId: w.p.recipient.id });
    expect(recipient.statusCode).toBe(404);
  });

  it('keeps the adjustments when the ranking is computed again from a changed ledger', async () => {
    await ledger([[item.C, 'feedback:9', '2025-07-01', 'org', w.p.otherCity.id, 2000]]);
    const recomputed = await call(t.app, director, 'POST', `/api/awards/${id}/recompute`);
    expect(recomputed.statusCode, recomputed.body).toBe(200);
    const list = await entries(id);
    // 芜湖 2600 and 民盟 1500 are within two; 合肥 (800) drops out, 肥西 stays out with its reason.
    expect(table(list, 'unit')).toEqual([
      ['政协芜湖市委员会', 2600, 1, 'candidate'],
      ['民盟安徽省委会', 1500, 2, 'candidate'],
      ['政协肥西县委员会', 800, 3, 'removed'],
    ]);
    expect(table(list, 'person')).toEqual([
      ['韩志远', 1000, 1, 'candidate'],
      ['王丽', 900, 2, 'added'],
    ]);
  });

  it('restores: a removal outside the quota leaves the list, an addition is withdrawn', async () => {
    expect((await adjust(id, { action: 'restore', kind: 'unit', subjectId: w.p.county.id })).statusCode).toBe(
      200,
    );
    expect(
      (await adjust(id, { action: 'restore', kind: 'person', subjectId: w.users.coauthor.id })).statusCode,
    ).toBe(200);
    const list = await entries(id);
    expect(table(list, 'unit').map((r) => r[0])).toEqual(['政协芜湖市委员会', '民盟安徽省委会']);
    expect(table(list, 'person')).toEqual([['韩志远', 1000, 1, 'candidate']]);
    const restoreNothing = await adjust(id, {
      action: 'restore',
      kind: 'person',
      subjectId: w.users.author.id,
    });
    expect(restoreNothing.json().error.code).toBe('AWARD_ENTRY_STATE');
  });

  it('offers the CPPCC’s units, people and items to add, found by name', async () => {
    const find = async (kind: string, q: string) =>
      (
        await call(
          t.app,
          director,
          'GET',
          `/api/awards/${id}/subjects?kind=${kind}&q=${encodeURIComponent(q)}`,
        )
      ).json().data as { id: number; name: string }[];
    expect((await find('unit', '民盟')).map((s) => s.name)).toEqual(['民盟安徽省委会']);
    expect((await find('unit', '全国政协')).length).toBe(0);
    expect((await find('person', '王丽')).map((s) => s.id)).toEqual([w.users.coauthor.id]);
    expect((await find('item', '事项A')).map((s) => s.id)).toEqual([item.A]);
    expect((await find('item', '事项cityItem')).length).toBe(0);
  });
});

describe('finalising', () => {
  it('records who and when, and afterwards refuses every change with AWARD_ROUND_FINAL', async () => {
    const id = await newRound();
    await adjust(id, {
      action: 'add',
      kind: 'person',
      subjectId: w.users.coauthor.id,
      reason: '撰写重要专报',
    });
    expect((await call(t.app, editor, 'POST', `/api/awards/${id}/finalize`)).statusCode).toBe(403);
    expect((await call(t.app, director, 'POST', `/api/awards/${id}/finalize`)).statusCode).toBe(200);
    const read = (await call(t.app, director, 'GET', `/api/awards/${id}`)).json();
    expect(read.data).toMatchObject({ state: 'final', finalizedBy: '何建华' });
    expect(read.data.finalizedAt).toBeTruthy();
    expect(read.abilities.manage).toBe(false);
    const before = await entries(id);
    await ledger([[item.B, 'feedback:10', '2025-08-01', 'org', w.p.city.id, 9000]]);
    for (const res of [
      await call(t.app, director, 'POST', `/api/awards/${id}/recompute`),
      await call(t.app, director, 'POST', `/api/awards/${id}/finalize`),
      await adjust(id, { action: 'remove', kind: 'person', subjectId: w.users.author.id }),
      await adjust(id, { action: 'restore', kind: 'person', subjectId: w.users.coauthor.id }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'AWARD_ROUND_FINAL',
        message: '该评选已定稿，名单不能再调整或重新计算',
      });
    }
    expect(await entries(id)).toEqual(before);
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'award_round')
      .where('target_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['award.create', 'award.add', 'award.finalize']);
  });

  it('downloads the final list as Word and the working list as Excel, one sheet per kind', async () => {
    const id = await newRound();
    // The ledger has grown in the tests above: 合肥 9800, 芜湖 2600 are the two units now.
    const units = (await entries(id)).filter((e) => e.kind === 'unit');
    expect(units.map((e) => e.name)).toEqual(['政协合肥市委员会', '政协芜湖市委员会']);
    const out = { action: 'remove', kind: 'unit', subjectId: w.p.otherCity.id, reason: '年度考核不合格' };
    expect((await adjust(id, out)).statusCode).toBe(200);
    await call(t.app, director, 'POST', `/api/awards/${id}/finalize`);
    const docx = await call(t.app, leader, 'GET', `/api/awards/${id}/document`);
    expect(docx.statusCode).toBe(200);
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain('表彰名单.docx');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('2024—2025年度政协信息工作先进单位、先进个人和优秀信息表彰名单');
    expect(text).toContain('政协合肥市委员会');
    expect(text).not.toContain('政协芜湖市委员会');
    const xlsx = await call(t.app, editor, 'GET', `/api/awards/${id}/workbook`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['先进单位', '先进个人', '优秀信息']);
    const sheet = wb.getWorksheet('先进单位')!;
    expect(cellText(sheet.getCell('A1').value)).toMatch(/^林静 导出于 /);
    expect(cellText(sheet.getCell('B2').value)).toBe('单位名称');
    const removed = sheet.getRow(4);
    expect([
      cellText(removed.getCell(2).value),
      cellText(removed.getCell(5).value),
      cellText(removed.getCell(6).value),
    ]).toEqual(['政协芜湖市委员会', '调出', '年度考核不合格']);
  });
});

describe('who may read and run rounds', () => {
  let id: number;
  beforeAll(async () => {
    id = await newRound();
  });

  it('office staff and signing leaders read the CPPCC’s rounds but cannot change them', async () => {
    for (const s of [editor, leader]) {
      expect((await call(t.app, s, 'GET', `/api/awards/${id}`)).json().abilities.manage).toBe(false);
      expect(
        (await call(t.app, s, 'GET', '/api/awards')).json().data.some((r: { id: number }) => r.id === id),
      ).toBe(true);
      expect((await call(t.app, s, 'POST', `/api/awards/${id}/recompute`)).statusCode).toBe(403);
      expect(
        (await adjust(id, { action: 'remove', kind: 'unit', subjectId: w.p.party.id }, s)).statusCode,
      ).toBe(403);
      expect((await call(t.app, s, 'POST', '/api/awards', {})).statusCode).toBe(403);
    }
    expect((await call(t.app, director, 'GET', `/api/awards/${id}`)).json().abilities.manage).toBe(true);
  });

  it('nobody else sees them; another CPPCC’s director neither sees nor changes them, and runs their own', async () => {
    for (const s of [liaison, sysadmin]) {
      expect((await call(t.app, s, 'GET', '/api/awards')).statusCode).toBe(403);
      expect((await call(t.app, s, 'GET', `/api/awards/${id}`)).statusCode).toBe(404);
      expect((await call(t.app, s, 'GET', `/api/awards/${id}/document`)).statusCode).toBe(404);
    }
    expect((await call(t.app, cityDirector, 'GET', `/api/awards/${id}`)).statusCode).toBe(404);
    expect((await call(t.app, cityDirector, 'POST', `/api/awards/${id}/finalize`)).statusCode).toBe(404);
    const other = await call(t.app, cityDirector, 'POST', '/api/awards', {
      ...PERIOD,
      orgId: w.p.province.id,
    });
    expect(other.statusCode).toBe(403);
    const own = await newRound(cityDirector);
    const rounds = (await call(t.app, cityDirector, 'GET', '/api/awards')).json().data as {
      id: number;
      orgName: string;
    }[];
    expect(rounds.map((r) => r.id)).toEqual([own]);
    // The city's ledger: 民盟 9999 as a unit, 韩志远 9999 as a person, the city's item.
    const list = await entries(own, cityDirector);
    expect(table(list, 'item')).toEqual([['关于测试事项cityItem的建议', 9999, 1, 'candidate']]);
    expect((await call(t.app, director, 'GET', `/api/awards/${own}`)).statusCode).toBe(404);
  });
});
