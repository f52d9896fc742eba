/**
 * Follow-up of instructed items (督办): opened on an instruction by the receiving office, reminded
 * automatically once two working days before the deadline and once after it (idempotent across
 * runs), reminded by hand (催办), and closed with the result, optionally as implementation feedback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionView } from '../../../shared/schemas/referrals.ts';
import { addWorkingDays, buildCalendar } from '../../../shared/workdays.ts';
import { readGeneration } from '../../db/generation.ts';
import { cstDate, DAY } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, codeOf, loginAs, makeOrg, makeUser } from '../../test/factories.ts';
import { act, type ItemWorld, makeItemWorld, newDraft, WHO } from '../../test/items.ts';
import { recordFeedback } from '../feedback/feedback.service.ts';
import { raceCreations } from '../referrals/referrals.fixtures.ts';
import { createReferrals } from '../referrals/referrals.service.ts';
import { reminderDue, runSupervisionReminders } from './reminders.service.ts';
import { closeSupervision, createSupervision, remindSupervision } from './supervision.service.ts';

let t: TestContext;
let w: ItemWorld;
let dept: { id: number; path: string };
let handlerId: number;

beforeAll(async () => {
  t = await createTestContext();
  w = await makeItemWorld(t.ctx);
  dept = await makeOrg(t.ctx, '省政协办公厅', 'office', w.p.province);
  handlerId = (await makeUser(t.ctx, 'handler', dept.id, [{ role: 'handler', orgId: dept.id, scope: 'org' }]))
    .id;
});
afterAll(() => t.close());

const today = () => cstDate(t.ctx.clock.now());

/** A referred item carrying a leader's instruction; returns the item and the instruction. */
async function instructedItem(title: string) {
  const id = await newDraft(t.ctx, w, { title });
  await act(t.ctx, w.actors.author, id, 'submit');
  await act(t.ctx, w.actors.editor, id, 'register');
  await act(t.ctx, w.actors.editor, id, 'refer', { referOrgId: dept.id });
  const feedbackId = await recordFeedback(t.ctx, w.actors.editor, WHO, id, {
    kind: 'instruction',
    leaderName: '王清宪',
    rank: 'provincial_main',
    text: '请省政协办公厅会同有关部门研究落实。',
    occurredOn: today(),
    note: '',
  });
  return { itemId: id, feedbackId };
}

const reminders = (userId: number) =>
  t.ctx.db.kysely
    .selectFrom('notifications')
    .select('title')
    .where('user_id', '=', userId)
    .where('kind', '=', 'supervision_due')
    .orderBy('id')
    .execute();

describe('follow-up of instructed items (督办)', () => {
  it('tells when the next reminder falls due', () => {
    expect(reminderDue('2026-12-10', '2026-12-11', 0)).toBe('overdue');
    expect(reminderDue('2026-12-10', '2026-12-08', 2)).toBe('due_soon');
    expect(reminderDue('2026-12-10', '2026-12-10', 0)).toBe('due_soon');
    expect(reminderDue('2026-12-10', '2026-12-07', 3)).toBeNull();
  });

  it('is opened by the receiving office on a valid instruction, once', async () => {
    const { itemId, feedbackId } = await instructedItem('关于加快发展县域经济的建议');
    const input = {
      feedbackId,
      orgIds: [dept.id],
      dueOn: addWorkingDays(today(), 10, buildCalendar([])),
      note: '',
    };
    expect(await codeOf(createSupervision(t.ctx, w.actors.cityEditor, WHO, itemId, input))).toBe('FORBIDDEN');
    expect(await codeOf(createSupervision(t.ctx, w.actors.author, WHO, itemId, input))).toBe('FORBIDDEN');
    expect(
      await codeOf(createSupervision(t.ctx, w.actors.editor, WHO, itemId, { ...input, dueOn: '2020-01-01' })),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        createSupervision(t.ctx, w.actors.editor, WHO, itemId, { ...input, orgIds: [w.p.party.id] }),
      ),
    ).toBe('VALIDATION_FAILED');
    await createSupervision(t.ctx, w.actors.editor, WHO, itemId, input);
    expect(await codeOf(createSupervision(t.ctx, w.actors.editor, WHO, itemId, input))).toBe('DUPLICATE');
    const told = await t.ctx.db.kysely
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', handlerId)
      .where('kind', '=', 'referral_task')
      .execute();
    expect(told.map((n) => n.title)).toContain('督办事项：《关于加快发展县域经济的建议》');
  });

  it('answers two simultaneous follow-ups of one instruction with the specific refusal', async () => {
    const { itemId, feedbackId } = await instructedItem('关于完善城乡居民医保筹资机制的建议');
    const input = {
      feedbackId,
      orgIds: [dept.id],
      dueOn: addWorkingDays(today(), 10, buildCalendar([])),
      note: '',
    };
    const go = () =>
      createSupervision(t.ctx, w.actors.editor, WHO, itemId, input).then(
        () => 'ok',
        (e: unknown) => (e instanceof AppError ? `${e.code} ${e.message}` : `unexpected: ${String(e)}`),
      );
    const settled = await raceCreations(
      t,
      {
        sql: `insert into supervisions (item_id, desk_id, feedback_id, state, due_on, created_by, created_at)
              values ($1, $2, $3, 'open', '2099-01-01', $4, '')`,
        params: [itemId, w.p.province.id, feedbackId, w.users.editor.id],
      },
      () => [go(), go()],
    );
    expect(settled.map((r) => (r.status === 'fulfilled' ? r.value : r.reason)).sort()).toEqual([
      'DUPLICATE 该批示已立项督办',
      'ok',
    ]);
    const rows = await t.ctx.db.kysely
      .selectFrom('supervisions')
      .select('id')
      .where('feedback_id', '=', feedbackId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('reminds two working days ahead and after the deadline, each once, however often the job runs', async () => {
    const { itemId, feedbackId } = await instructedItem('关于推进数字乡村建设的建议');
    const dueOn = addWorkingDays(today(), 2, buildCalendar([]));
    const id = await createSupervision(t.ctx, w.actors.editor, WHO, itemId, {
      feedbackId,
      orgIds: [dept.id],
      dueOn,
      note: '请每月报告进展',
    });
    const mine = async (userId: number) =>
      (await reminders(userId)).filter((n) => n.title.endsWith('《关于推进数字乡村建设的建议》'));
    expect(await runSupervisionReminders(t.ctx)).toBeGreaterThanOrEqual(1);
    // A run with nothing new to send changes nothing: the data generation (and every cache
    // keyed by it) stays as it was.
    const generation = await readGeneration(t.ctx.db.kysely);
    expect(await runSupervisionReminders(t.ctx)).toBe(0);
    expect(await readGeneration(t.ctx.db.kysely)).toBe(generation);
    expect((await mine(w.users.editor.id)).map((n) => n.title)).toEqual([
      '督办即将到期：《关于推进数字乡村建设的建议》',
    ]);
    expect(await mine(handlerId)).toHaveLength(1);
    t.ctx.clock.advance(6 * DAY);
    await runSupervisionReminders(t.ctx);
    await runSupervisionReminders(t.ctx);
    expect((await mine(w.users.editor.id)).map((n) => n.title)).toEqual([
      '督办即将到期：《关于推进数字乡村建设的建议》',
      '督办已逾期：《关于推进数字乡村建设的建议》',
    ]);
    const marks = await t.ctx.db.kysely
      .selectFrom('reminder_marks')
      .selectAll()
      .where('subject_id', '=', id)
      .execute();
    expect(marks.map((m) => m.kind).sort()).toEqual(['due_soon', 'overdue']);

    // The office's list shows it as overdue; another CPPCC's office sees nothing.
    const editor = await loginAs(t.app, 'editor');
    const overdue = await call(t.app, editor, 'GET', '/api/supervisions?filter=overdue');
    const list = (overdue.json() as { data: SupervisionView[] }).data;
    expect(list.find((v) => v.id === id)).toMatchObject({ overdue: true, units: [{ name: '省政协办公厅' }] });
    const city = await loginAs(t.app, 'cityeditor');
    expect((await call(t.app, city, 'GET', '/api/supervisions?filter=all')).json().total).toBe(0);
    expect(await codeOf(remindSupervision(t.ctx, w.actors.cityEditor, WHO, id, ''))).toBe('NOT_FOUND');

    // 催办 by hand: counted, on the timeline, the department told.
    await remindSupervision(t.ctx, w.actors.editor, WHO, id, '请于本周内报送落实情况');
    const after = await call(t.app, editor, 'GET', `/api/items/${itemId}/supervisions`);
    expect((after.json() as { data: SupervisionView[] }).data[0]?.remindCount).toBe(1);
    const urged = await t.ctx.db.kysely
      .selectFrom('notifications')
      .select('body')
      .where('user_id', '=', handlerId)
      .where('title', '=', '催办：《关于推进数字乡村建设的建议》')
      .execute();
    expect(urged[0]?.body).toContain('请于本周内报送落实情况');

    // Closing with the result records implementation feedback on the item; no more reminders.
    await closeSupervision(t.ctx, w.actors.editor, WHO, id, {
      result: '已出台实施方案，首批20个县启动建设。',
      closedOn: today(),
      implementation: 'partly',
    });
    expect(
      await codeOf(
        closeSupervision(t.ctx, w.actors.editor, WHO, id, {
          result: 'x',
          closedOn: today(),
          implementation: null,
        }),
      ),
    ).toBe('SUPERVISION_STATE');
    const impl = await t.ctx.db.kysely
      .selectFrom('item_feedback')
      .select(['kind', 'status', 'text'])
      .where('item_id', '=', itemId)
      .where('kind', '=', 'implementation')
      .executeTakeFirstOrThrow();
    expect(impl).toMatchObject({ status: 'partly', text: '已出台实施方案，首批20个县启动建设。' });
    const closed = await call(t.app, editor, 'GET', '/api/supervisions?filter=closed');
    expect((closed.json() as { data: SupervisionView[] }).data.map((v) => v.id)).toContain(id);
    t.ctx.clock.advance(3 * DAY);
    await runSupervisionReminders(t.ctx);
    expect(
      (await reminders(w.users.editor.id)).filter((n) => n.title.endsWith('《关于推进数字乡村建设的建议》')),
    ).toHaveLength(2);
  });
});

describe('reminders of unanswered referrals (交办件)', () => {
  it('tell the department and the office two working days ahead and once overdue; a reply stops them', async () => {
    const { itemId } = await instructedItem('关于完善城市内涝治理体系的建议');
    const [referralId] = await createReferrals(t.ctx, w.actors.editor, WHO, itemId, {
      orgIds: [dept.id],
      deadlineDays: 2,
      note: '请研究办理',
    });
    const told = async (userId: number) =>
      (
        await t.ctx.db.kysely
          .selectFrom('notifications')
          .select(['title', 'item_id'])
          .where('user_id', '=', userId)
          .where('kind', '=', 'referral_task')
          .where('title', 'like', '交办件_%期：%')
          .orderBy('id')
          .execute()
      ).filter((n) => n.title.endsWith('《关于完善城市内涝治理体系的建议》'));
    await runSupervisionReminders(t.ctx);
    await runSupervisionReminders(t.ctx);
    expect((await told(handlerId)).map((n) => [n.title, n.item_id])).toEqual([
      ['交办件即将到期：《关于完善城市内涝治理体系的建议》', null],
    ]);
    expect((await told(w.users.editor.id)).map((n) => n.item_id)).toEqual([itemId]);
    t.ctx.clock.advance(6 * DAY);
    await runSupervisionReminders(t.ctx);
    await runSupervisionReminders(t.ctx);
    expect((await told(handlerId)).map((n) => n.title)).toEqual([
      '交办件即将到期：《关于完善城市内涝治理体系的建议》',
      '交办件已逾期：《关于完善城市内涝治理体系的建议》',
    ]);
    // Replied: no longer awaiting anything, so a later run says nothing more about it.
    await t.ctx.db.kysely
      .updateTable('referrals')
      .set({ state: 'replied' })
      .where('id', '=', referralId as number)
      .execute();
    await t.ctx.db.kysely.deleteFrom('reminder_marks').where('subject', '=', 'referral').execute();
    await runSupervisionReminders(t.ctx);
    expect(await told(handlerId)).toHaveLength(2);
  });
});

describe('the department reads the follow-ups naming it', () => {
  it("a handler lists the 督办 of its department without office actions; another department's sees none", async () => {
    const { itemId, feedbackId } = await instructedItem('关于加快城乡供水一体化的建议');
    await createSupervision(t.ctx, w.actors.editor, WHO, itemId, {
      feedbackId,
      orgIds: [dept.id],
      dueOn: addWorkingDays(today(), 10, buildCalendar([])),
      note: '',
    });
    const other = await makeOrg(t.ctx, '省政协研究室', 'office', w.p.province);
    await makeUser(t.ctx, 'otherhandler', other.id, [{ role: 'handler', orgId: other.id, scope: 'org' }]);
    const list = async (login: string) =>
      (await call(t.app, await loginAs(t.app, login), 'GET', '/api/supervisions?filter=all')).json()
        .data as SupervisionView[];
    const mine = (await list('handler')).filter((s) => s.item.id === itemId);
    expect(mine.map((s) => [s.units.map((u) => u.name), s.abilities])).toEqual([
      [['省政协办公厅'], { remind: false, close: false }],
    ]);
    expect((await list('otherhandler')).filter((s) => s.item.id === itemId)).toEqual([]);
    // The office keeps its actions.
    expect((await list('editor')).find((s) => s.item.id === itemId)?.abilities).toEqual({
      remind: true,
      close: true,
    });
  });
});
