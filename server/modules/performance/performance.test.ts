/**
 * Member performance in the database: a member's record follows their items' use, adoption and
 * instruction under the year's scheme; disputes are filed by the member, resolved on record by
 * the office (an accepted one may adjust the total), and nobody else reads or acts.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PERFORMANCE_SCHEME } from '../../../shared/performance.ts';
import type { MemberRow, RecordView } from '../../../shared/schemas/performance.ts';
import { cellText } from '../../lib/xlsx.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, type Session } from '../../test/factories.ts';
import { type IssueWorld, issueItems, makeIssueWorld, selectedItem } from '../../test/issues.ts';
import { WHO } from '../../test/items.ts';
import { recordFeedback } from '../feedback/feedback.service.ts';

let t: TestContext;
let w: IssueWorld;
let itemId: number;
let author: Session;
let editor: Session;
const year = () => Number(new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));
const today = () => new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);

const mine = async (s: Session) => {
  const res = await call(t.app, s, 'GET', '/api/performance/mine');
  expect(res.statusCode).toBe(200);
  return res.json().data as RecordView[];
};
const members = async (s: Session) =>
  (await call(t.app, s, 'GET', '/api/performance/members')).json().data as MemberRow[];

beforeAll(async () => {
  t = await createTestContext();
  w = await makeIssueWorld(t.ctx);
  itemId = await selectedItem(t.ctx, w, '关于规范城市停车收费的建议');
  await issueItems(t.ctx, w, [itemId]);
  author = await loginAs(t.app, 'author');
  editor = await loginAs(t.app, 'editor');
});
afterAll(() => t.close());

describe('member performance (委员履职)', () => {
  it('an item used, adopted and instructed: 10 + 5, the instruction over the cap of 15', async () => {
    const feedback = { bodyName: '', publication: '', occurredOn: today(), note: '' };
    await recordFeedback(t.ctx, w.actors.editor, WHO, itemId, {
      kind: 'adoption',
      body: 'provincial_party',
      form: 'single',
      ...feedback,
    });
    await recordFeedback(t.ctx, w.actors.editor, WHO, itemId, {
      kind: 'instruction',
      leaderName: '张明',
      rank: 'provincial',
      text: '请省住建厅研究。',
      ...feedback,
    });
    const [record] = await mine(author);
    expect(record?.orgId).toBe(w.p.province.id);
    expect(
      record?.entries.map((e) => [e.itemId, e.points, e.lines.map((l) => `${l.event}:${l.points}`)]),
    ).toEqual([[itemId, 1500, ['used:1000', 'adopted:500']]]);
    expect(record?.total).toBe(1500);
    // The co-author is credited in full; the office sees both.
    expect((await mine(await loginAs(t.app, 'coauthor')))[0]?.total).toBe(1500);
    const rows = await members(editor);
    // Equal totals share a rank.
    expect(rows.filter((r) => r.total > 0).map((r) => [r.name, r.total, r.items, r.rank])).toEqual([
      ['韩志远', 1500, 1, 1],
      ['王丽', 1500, 1, 1],
    ]);
  });

  it('a member disputes an entry; the office accepts with an adjustment and the member is told', async () => {
    const filed = await call(t.app, author, 'POST', '/api/performance/disputes', {
      orgId: w.p.province.id,
      year: year(),
      itemId,
      reason: '该信息另被省政府办公厅采用，未计入。',
    });
    expect(filed.statusCode).toBe(200);
    const id = filed.json().data.id as number;
    const again = await call(t.app, author, 'POST', '/api/performance/disputes', {
      orgId: w.p.province.id,
      year: year(),
      itemId,
      reason: '重复提出的申诉内容。',
    });
    expect(again.json().error.code).toBe('DUPLICATE');
    const told = await t.ctx.db.kysely
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'performance_dispute')
      .execute();
    expect(told.map((n) => n.user_id)).toContain(w.users.editor.id);

    const rejectWithPoints = await call(t.app, editor, 'POST', `/api/performance/disputes/${id}/resolve`, {
      decision: 'rejected',
      reply: '不予采纳。',
      adjustment: 2,
    });
    expect(rejectWithPoints.statusCode).toBe(422);
    const accepted = await call(t.app, editor, 'POST', `/api/performance/disputes/${id}/resolve`, {
      decision: 'accepted',
      reply: '经核实，按补充采用情况加2分。',
      adjustment: 2,
    });
    expect(accepted.statusCode).toBe(200);
    const [record] = await mine(author);
    expect([record?.adjustments, record?.total]).toEqual([200, 1700]);
    expect(record?.disputes.map((d) => [d.state, d.reply, d.resolvedBy])).toEqual([
      ['accepted', '经核实，按补充采用情况加2分。', '林静'],
    ]);
    const twice = await call(t.app, editor, 'POST', `/api/performance/disputes/${id}/resolve`, {
      decision: 'rejected',
      reply: '再次处理。',
      adjustment: 0,
    });
    expect(twice.json().error.code).toBe('PERFORMANCE_DISPUTE_STATE');
    const result = await t.ctx.db.kysely
      .selectFrom('notifications')
      .select('title')
      .where('kind', '=', 'performance_result')
      .where('user_id', '=', w.users.author.id)
      .executeTakeFirstOrThrow();
    expect(result.title).toContain('已采纳');
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'performance_dispute')
      .where('target_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['performance.dispute', 'performance.dispute_resolve']);
  });

  it('disputes only by the member, of their own items, for this or last year; withdrawn by them only', async () => {
    const stranger = await loginAs(t.app, 'stranger');
    const foreign = await call(t.app, stranger, 'POST', '/api/performance/disputes', {
      orgId: w.p.province.id,
      year: year(),
      itemId,
      reason: '不是我的信息。',
    });
    expect(foreign.statusCode).toBe(404);
    const old = await call(t.app, author, 'POST', '/api/performance/disputes', {
      orgId: w.p.province.id,
      year: year() - 2,
      itemId: null,
      reason: '两年前的记录有误。',
    });
    expect(old.json().error.code).toBe('PERFORMANCE_DISPUTE_WINDOW');
    const general = await call(t.app, author, 'POST', '/api/performance/disputes', {
      orgId: w.p.province.id,
      year: year(),
      itemId: null,
      reason: '另有一条信息未列入记录。',
    });
    const id = general.json().data.id as number;
    const coauthor = await loginAs(t.app, 'coauthor');
    expect((await call(t.app, coauthor, 'POST', `/api/performance/disputes/${id}/withdraw`)).statusCode).toBe(
      404,
    );
    expect((await call(t.app, author, 'POST', `/api/performance/disputes/${id}/withdraw`)).statusCode).toBe(
      200,
    );
    expect((await mine(author))[0]?.disputes.find((d) => d.id === id)?.state).toBe('withdrawn');
  });

  it("the director sets this year's scheme and the record follows; a past year is closed; others may not", async () => {
    const director = await loginAs(t.app, 'director');
    const scheme = { ...DEFAULT_PERFORMANCE_SCHEME, used: 8, adopted: 4, capPerItem: 12 };
    const byEditor = await call(t.app, editor, 'PUT', '/api/performance/scheme', {
      orgId: w.p.province.id,
      year: year(),
      scheme,
    });
    expect(byEditor.statusCode).toBe(403);
    const past = await call(t.app, director, 'PUT', '/api/performance/scheme', {
      orgId: w.p.province.id,
      year: year() - 1,
      scheme,
    });
    expect(past.json().error.code).toBe('PERFORMANCE_YEAR_CLOSED');
    const saved = await call(t.app, director, 'PUT', '/api/performance/scheme', {
      orgId: w.p.province.id,
      year: year(),
      scheme,
    });
    expect(saved.statusCode).toBe(200);
    // 8 + 4 = 12 (the cap), plus the accepted 2.
    expect((await mine(author))[0]?.total).toBe(1400);
    const read = await call(t.app, author, 'GET', '/api/performance/scheme');
    expect(read.json().data).toMatchObject({ isDefault: false, updatedBy: '何建华', scheme: { used: 8 } });
  });

  it('members and unit liaisons do not read others; the office exports the table', async () => {
    expect((await call(t.app, author, 'GET', '/api/performance/members')).statusCode).toBe(403);
    const liaison = await loginAs(t.app, 'liaison');
    expect((await call(t.app, liaison, 'GET', '/api/performance/members')).statusCode).toBe(403);
    const other = await call(t.app, editor, 'GET', `/api/performance/members/${w.users.stranger.id}`);
    expect(other.statusCode).toBe(404);
    const res = await call(t.app, editor, 'GET', '/api/performance/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const header = sheet?.getRow(2).values as ExcelJS.CellValue[];
    expect(header.map(cellText).filter(Boolean)).toEqual([
      '名次',
      '姓名',
      '委员',
      '所在单位',
      '计分信息（条）',
      '得分',
      '待处理申诉',
    ]);
    expect([cellText(sheet?.getCell('B3').value ?? null), sheet?.getCell('F3').value]).toEqual([
      '韩志远',
      14,
    ]);
  });
});
