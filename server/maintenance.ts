import type { FastifyBaseLogger } from 'fastify';
import { type AppContext, inTransaction } from './context.ts';
import { addMs, DAY, HOUR, MINUTE } from './lib/clock.ts';
import { purgeAudit } from './modules/audit/audit.service.ts';
import { runHandovers } from './modules/items/handover.service.ts';
import { deliverOutbox, runDigest } from './modules/notifications/digest.service.ts';
import { purgeExpiredSessions } from './modules/sessions/sessions.repository.ts';
import { runSupervisionReminders } from './modules/supervision/reminders.service.ts';

/**
 * Hourly: drop dead sessions and stale lockout counters; drop audit and login-log rows past
 * retention (never younger than 180 days). A purge is itself recorded in the audit log.
 */
export async function runMaintenance(
  ctx: AppContext,
): Promise<{ auditPurged: number; loginLogPurged: number }> {
  const settings = await ctx.settings.get();
  const now = ctx.clock.now();
  const db = ctx.db.kysely;
  await purgeExpiredSessions(db, now.toISOString(), addMs(now, -settings.sessionIdleMinutes * MINUTE));
  await db
    .deleteFrom('login_throttle')
    .where('updated_at', '<', addMs(now, -DAY))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
    .execute();
  const cutoff = addMs(now, -Math.max(180, settings.auditRetentionDays) * DAY);
  const auditPurged = await purgeAudit(db, cutoff);
  const loginLogPurged = Number(
    (await db.deleteFrom('login_log').where('at', '<', cutoff).executeTakeFirst()).numDeletedRows,
  );
  if (auditPurged + loginLogPurged > 0) {
    await inTransaction(ctx, { actor: null, ip: 'maintenance' }, (_tx, audit) =>
      audit({
        action: 'audit.purge',
        targetType: 'audit',
        targetId: '-',
        summary: { before: cutoff, auditPurged, loginLogPurged },
      }),
    );
  }
  return { auditPurged, loginLogPurged };
}

export function startMaintenance(ctx: AppContext, log: FastifyBaseLogger): NodeJS.Timeout[] {
  const tick = () => runMaintenance(ctx).catch((err: unknown) => log.error({ err }, 'maintenance failed'));
  // Deadlines are counted in hours, so hand-overs (and unread digests) run every few minutes;
  // follow-up (督办) reminders ride along, each sent once (reminder_marks).
  // A run still going (a slow gateway) is not overlapped by the next.
  let running = false;
  const handover = () => {
    if (running) return;
    running = true;
    runHandovers(ctx)
      .then(() => runSupervisionReminders(ctx))
      .then(() => runDigest(ctx))
      .then(() => deliverOutbox(ctx))
      .catch((err: unknown) => log.error({ err }, 'hand-over, reminders or digest failed'))
      .finally(() => {
        running = false;
      });
  };
  void tick();
  void handover();
  const timers = [setInterval(tick, HOUR), setInterval(handover, 5 * MINUTE)];
  for (const t of timers) t.unref();
  return timers;
}
