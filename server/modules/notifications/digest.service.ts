import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { addMs, HOUR } from '../../lib/clock.ts';

/** Deliveries stop being retried after this many failures (the row stays, with its error). */
const MAX_ATTEMPTS = 10;

/**
 * For people who have not logged in since: one short message listing what waits unread for
 * longer than the configured hours, queued for the messaging gateway. Each notification is
 * summarised once; users without a mobile number are skipped (their notices stay in the bell).
 */
export async function runDigest(ctx: AppContext): Promise<number> {
  const settings = await ctx.settings.get();
  const now = ctx.clock.now();
  const cutoff = addMs(now, -settings.digestAfterHours * HOUR);
  const db = ctx.db.kysely;
  const due = await db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select([
      'users.id',
      'users.mobile',
      'users.last_login_at',
      sql<string>`min(notifications.created_at)`.as('oldest'),
    ])
    .where('notifications.read_at', 'is', null)
    .where('notifications.digested_at', 'is', null)
    .where('notifications.created_at', '<', cutoff)
    .where('users.enabled', '=', 1)
    .groupBy(['users.id', 'users.mobile', 'users.last_login_at'])
    .execute();
  let queued = 0;
  for (const u of due) {
    if (u.last_login_at !== null && u.last_login_at > u.oldest) continue;
    await db.transaction().execute(async (tx) => {
      const titles = await tx
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', u.id)
        .where('read_at', 'is', null)
        .where('digested_at', 'is', null)
        .orderBy('id', 'desc')
        .limit(2)
        .execute();
      // Marking first makes a second instance running the digest at the same moment find
      // nothing left to summarise (it waits on the rows, then sees them marked).
      const marked = await tx
        .updateTable('notifications')
        .set({ digested_at: now.toISOString() })
        .where('user_id', '=', u.id)
        .where('read_at', 'is', null)
        .where('digested_at', 'is', null)
        .executeTakeFirst();
      const n = Number(marked.numUpdatedRows);
      if (n === 0 || !u.mobile) return;
      const list = titles.map((t) => t.title).join('；');
      await tx
        .insertInto('message_outbox')
        .values({
          user_id: u.id,
          mobile: u.mobile,
          text: `【民意直通车】您有${n}条未读消息：${list}${n > titles.length ? '等' : ''}。请登录平台查看。`,
          created_at: now.toISOString(),
          sent_at: null,
          attempts: 0,
          last_error: '',
        })
        .execute();
      queued += 1;
    });
  }
  return queued;
}

/** Sends queued messages to the configured gateway; without one they wait in the outbox. */
export async function deliverOutbox(ctx: AppContext, fetcher: typeof fetch = fetch): Promise<number> {
  const url = ctx.config.digestWebhookUrl;
  if (!url) return 0;
  const db = ctx.db.kysely;
  const pending = await db
    .selectFrom('message_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .orderBy('id')
    .limit(200)
    .execute();
  let sent = 0;
  for (const m of pending) {
    // Claim the message by its attempt count: of two instances (or two overlapping runs) only
    // one sends it.
    const claimed = await db
      .updateTable('message_outbox')
      .set({ attempts: m.attempts + 1 })
      .where('id', '=', m.id)
      .where('sent_at', 'is', null)
      .where('attempts', '=', m.attempts)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      const res = await fetcher(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mobile: m.mobile, text: m.text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      await db
        .updateTable('message_outbox')
        .set({ sent_at: ctx.clock.iso() })
        .where('id', '=', m.id)
        .execute();
      sent += 1;
    } catch (error) {
      await db
        .updateTable('message_outbox')
        .set({
          last_error: String(error instanceof Error ? error.message : error).slice(0, 200),
        })
        .where('id', '=', m.id)
        .execute();
    }
  }
  return sent;
}
