import { chineseDate } from '../../../shared/issues.ts';
import type { NotificationKind } from '../../../shared/items.ts';
import { DUE_SOON_WORKING_DAYS, REMINDER_KINDS, type ReminderKind } from '../../../shared/referrals.ts';
import { workingDaysBetween } from '../../../shared/workdays.ts';
import { type AppContext, inTransaction, type Tx } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { staffOf } from '../items/desks.ts';
import { notify } from '../notifications/notifications.service.ts';
import { handlersOf } from '../referrals/referrals.policy.ts';
import { calendarOf } from '../referrals/referrals.service.ts';
import { unitHandlers } from './supervision.service.ts';

/** Which automatic reminder an open follow-up is due for today, if any. */
export function reminderDue(dueOn: string, today: string, days: number): ReminderKind | null {
  if (dueOn < today) return 'overdue';
  if (days <= DUE_SOON_WORKING_DAYS) return 'due_soon';
  return null;
}

/** An open task with a deadline: a follow-up (督办) or a referral awaiting its reply (交办件). */
interface OpenTask {
  id: number;
  desk_id: number;
  due_on: string;
  item_id: number;
  title: string;
  org_id?: number;
  org_name?: string;
  org_path?: string;
}

interface ReminderSource {
  subject: 'supervision' | 'referral';
  open(ctx: AppContext): Promise<OpenTask[]>;
  /** The departments' handlers to tell (besides the office). */
  handlers(tx: Tx, task: OpenTask): Promise<number[]>;
  notice(task: OpenTask, kind: ReminderKind): { kind: NotificationKind; title: string; body: string };
  audit: 'supervision.auto_remind' | 'referral.auto_remind';
}

const SUPERVISIONS: ReminderSource = {
  subject: 'supervision',
  open: (ctx) =>
    ctx.db.kysely
      .selectFrom('supervisions')
      .innerJoin('items', 'items.id', 'supervisions.item_id')
      .select([
        'supervisions.id',
        'supervisions.desk_id',
        'supervisions.due_on',
        'supervisions.item_id',
        'items.title',
      ])
      .where('supervisions.state', '=', 'open')
      .execute(),
  handlers: (tx, task) => unitHandlers(tx, task.id),
  notice: (task, kind) => ({
    kind: 'supervision_due',
    title: `督办${REMINDER_KINDS[kind]}：《${task.title}》`,
    body: `督办期限${chineseDate(task.due_on)}${kind === 'overdue' ? '，已逾期，请尽快落实并报告落实情况' : '，请抓紧落实'}`,
  }),
  audit: 'supervision.auto_remind',
};

/** Referrals not yet answered: awaiting signature (待签收) or being handled (办理中). */
const REFERRALS: ReminderSource = {
  subject: 'referral',
  open: (ctx) =>
    ctx.db.kysely
      .selectFrom('referrals')
      .innerJoin('items', 'items.id', 'referrals.item_id')
      .innerJoin('organizations', 'organizations.id', 'referrals.org_id')
      .select([
        'referrals.id',
        'referrals.desk_id',
        'referrals.due_on',
        'referrals.item_id',
        'items.title',
        'referrals.org_id',
        'organizations.name as org_name',
        'organizations.path as org_path',
      ])
      .where('referrals.state', 'in', ['sent', 'signed'])
      .execute(),
  handlers: (tx, task) => handlersOf(tx, { id: task.org_id as number, path: task.org_path as string }),
  notice: (task, kind) => ({
    kind: 'referral_task',
    title: `交办件${REMINDER_KINDS[kind]}：《${task.title}》`,
    body: `${task.org_name}办复期限${chineseDate(task.due_on)}${kind === 'overdue' ? '，已逾期，请尽快办复' : '，请抓紧办理'}`,
  }),
  audit: 'referral.auto_remind',
};

/** The reminders already sent for the open tasks at their current deadline, as `id:kind:due`. */
async function sentReminders(ctx: AppContext, subject: ReminderSource['subject']): Promise<Set<string>> {
  const marks = await ctx.db.kysely
    .selectFrom('reminder_marks')
    .select(['subject_id', 'kind', 'due_on'])
    .where('subject', '=', subject)
    .execute();
  return new Set(marks.map((m) => `${m.subject_id}:${m.kind}:${m.due_on}`));
}

/**
 * The periodic job: tells the office staff and the departments' handlers when a follow-up (督办)
 * or an unanswered referral (交办件) is two working days from its deadline and when the deadline
 * has passed. Each reminder is marked in `reminder_marks` in the transaction that sends it; a
 * second run (a restart, another instance) finds the mark and sends nothing. A new deadline would
 * be a new mark. Marks already there are read first, so a run with nothing new opens no
 * transaction (each commit moves the data generation and empties the caches keyed by it); the
 * insert of the mark stays the guard against another instance sending the same reminder at once.
 */
export async function runSupervisionReminders(ctx: AppContext): Promise<number> {
  let sent = 0;
  for (const source of [SUPERVISIONS, REFERRALS]) sent += await runReminders(ctx, source);
  return sent;
}

async function runReminders(ctx: AppContext, source: ReminderSource): Promise<number> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = cstDate(now);
  const calendar = await calendarOf(ctx);
  const open = await source.open(ctx);
  const already = await sentReminders(ctx, source.subject);
  let sent = 0;
  for (const task of open) {
    const kind = reminderDue(task.due_on, today, workingDaysBetween(today, task.due_on, calendar));
    if (!kind || already.has(`${task.id}:${kind}:${task.due_on}`)) continue;
    sent += await inTransaction(ctx, { actor: null, ip: 'maintenance' }, async (tx, audit) => {
      const mark = await tx
        .insertInto('reminder_marks')
        .values({ subject: source.subject, subject_id: task.id, kind, due_on: task.due_on, created_at: at })
        .onConflict((oc) => oc.columns(['subject', 'subject_id', 'kind', 'due_on']).doNothing())
        .returning('subject_id')
        .executeTakeFirst();
      if (!mark) return 0; // sent already, by an earlier run or another instance
      const office = (await staffOf(tx, task.desk_id, 'feedback.record')).map((u) => u.id);
      const handlers = await source.handlers(tx, task);
      const notice = source.notice(task, kind);
      // The office opens the item from the notice; a department reads it in its list of tasks.
      await notify(tx, office, { ...notice, itemId: task.item_id }, at);
      await notify(
        tx,
        handlers.filter((id) => !office.includes(id)),
        { ...notice, itemId: null },
        at,
      );
      await audit({
        action: source.audit,
        targetType: 'item',
        targetId: task.item_id,
        summary: {
          [`${source.subject}Id`]: task.id,
          kind,
          dueOn: task.due_on,
          told: office.length + handlers.length,
        },
      });
      return 1;
    });
  }
  return sent;
}
