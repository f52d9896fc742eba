import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.ts';
import { addMs, DAY, HOUR, MINUTE } from './lib/clock.ts';
import { purgeAudit } from './modules/audit/audit.service.ts';
import { purgeExpiredSessions } from './modules/sessions/sessions.repository.ts';

/** Hourly: drop dead sessions and audit rows past retention (never younger than 180 days). */
export async function runMaintenance(ctx: AppContext): Promise<{ auditPurged: number }> {
  const settings = await ctx.settings.get();
  const now = ctx.clock.now();
  await purgeExpiredSessions(
    ctx.db.kysely,
    now.toISOString(),
    addMs(now, -settings.sessionIdleMinutes * MINUTE),
  );
  const retentionDays = Math.max(180, settings.auditRetentionDays);
  const auditPurged = await purgeAudit(ctx.db.kysely, addMs(now, -retentionDays * DAY));
  return { auditPurged };
}

export function startMaintenance(ctx: AppContext, log: FastifyBaseLogger): NodeJS.Timeout {
  const tick = () => runMaintenance(ctx).catch((err: unknown) => log.error({ err }, 'maintenance failed'));
  void tick();
  const timer = setInterval(tick, HOUR);
  timer.unref();
  return timer;
}
