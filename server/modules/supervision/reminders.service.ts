import { chineseDate } from '../../../shared/issues.ts';
import { DUE_SOON_WORKING_DAYS, REMINDER_KINDS, type ReminderKind } from '../../../shared/referrals.ts';
import { workingDaysBetween } from '../../../shared/workdays.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { staffOf } from '../items/desks.ts';
import { notify } from '../notifications/notifications.service.ts';
import { calendarOf } from '../referrals/referrals.service.ts';
import { unitHandlers } from './supervision.service.ts';

/** Which automatic reminder an open follow-up is due for today, if any. */
export function reminderDue(dueOn: string, today: string, days: number): ReminderKind | null {
  if (dueOn < today) return 'overdue';
  if (days <= DUE_SOON_WORKING_DAYS) return 'due_soon';
  return null;
}

/** The reminders already sent for open follow-ups at their current deadline, as `id:kind`. */
async function sentReminders(ctx: AppContext): Promise<Set<string>> {
  const marks = await ctx.db.kysely
    .selectFrom('reminder_marks')
    .innerJoin('supervisions', (j) =>
      j
        .onRef('supervisions.id', '=', 'reminder_marks.subject_id')
        .onRef('supervisions.due_on', '=', 'reminder_marks.due_on'),
    )
    .select(['reminder_marks.subject_id', 'reminder_marks.kind'])
    .where('reminder_marks.subject', '=', 'supervision')
    .where('supervisions.state', '=', 'open')
    .execute();
  return new Set(marks.map((m) => `${m.subject_id}:${m.kind}`));
}

/**
 * The periodic job: tells the office staff and the departments' handlers when a follow-up is two
 * working days from its deadline and when the deadline has passed. Each reminder is marked in
 * `reminder_marks` in the transaction that sends it; a second run (a restart, another instance)
 * finds the mark and sends nothing. A new deadline would be a new mark. Marks already there are
 * read first, so a run with nothing new opens no transaction (each commit moves the data
 * generation and empties the caches keyed by it); the insert of the mark stays the guard against
 * another instance sending the same reminder at the same moment.
 */
export async function runSupervisionReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = cstDate(now);
  const calendar = await calendarOf(ctx);
  const open = await ctx.db.kysely
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
    .execute();
  const already = await sentReminders(ctx);
  let sent = 0;
  for (const s of open) {
    const kind = reminderDue(s.due_on, today, workingDaysBetween(today, s.due_on, calendar));
    if (!kind || already.has(`${s.id}:${kind}`)) continue;
    sent += await inTransaction(ctx, { actor: null, ip: 'maintenance' }, async (tx, audit) => {
      const mark = await tx
        .insertInto('reminder_marks')
        .values({ subject: 'supervision', subject_id: s.id, kind, due_on: s.due_on, created_at: at })
        .onConflict((oc) => oc.columns(['subject', 'subject_id', 'kind', 'due_on']).doNothing())
        .returning('subject_id')
        .executeTakeFirst();
      if (!mark) return 0; // sent already, by an earlier run or another instance
      const office = (await staffOf(tx, s.desk_id, 'feedback.record')).map((u) => u.id);
      const handlers = await unitHandlers(tx, s.id);
      const notice = {
        kind: 'supervision_due' as const,
        title: `督办${REMINDER_KINDS[kind]}：《${s.title}》`,
        body: `督办期限${chineseDate(s.due_on)}${kind === 'overdue' ? '，已逾期，请尽快落实并报告落实情况' : '，请抓紧落实'}`,
      };
      // The office opens the item from the notice; a department reads it in its list of tasks.
      await notify(tx, office, { ...notice, itemId: s.item_id }, at);
      await notify(
        tx,
        handlers.filter((id) => !office.includes(id)),
        { ...notice, itemId: null },
        at,
      );
      await audit({
        action: 'supervision.auto_remind',
        targetType: 'item',
        targetId: s.item_id,
        summary: { supervisionId: s.id, kind, dueOn: s.due_on, told: office.length + handlers.length },
      });
      return 1;
    });
  }
  return sent;
}
