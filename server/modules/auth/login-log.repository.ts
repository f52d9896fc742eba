import type { Tx } from '../../context.ts';
import { bumpGeneration } from '../../db/generation.ts';

export interface LoginAttempt {
  at: string;
  login: string;
  userId: number | null;
  ip: string;
  userAgent: string;
  result: string;
}

export async function recordLogin(tx: Tx, a: LoginAttempt): Promise<void> {
  await tx
    .insertInto('login_log')
    .values({
      at: a.at,
      login: a.login,
      user_id: a.userId,
      ip: a.ip,
      user_agent: a.userAgent.slice(0, 300),
      result: a.result,
    })
    .execute();
}

/** Failures counted per login name as typed, so locking looks the same for unknown accounts. */
export async function registerFailure(
  tx: Tx,
  login: string,
  at: Date,
  threshold: number,
  lockMs: number,
): Promise<boolean> {
  const row = await tx.selectFrom('login_throttle').selectAll().where('login', '=', login).executeTakeFirst();
  const failures = (row?.failures ?? 0) + 1;
  const locked = failures >= threshold;
  const values = {
    failures: locked ? 0 : failures,
    locked_until: locked ? new Date(at.getTime() + lockMs).toISOString() : (row?.locked_until ?? null),
    updated_at: at.toISOString(),
  };
  if (row) await tx.updateTable('login_throttle').set(values).where('login', '=', login).execute();
  else
    await tx
      .insertInto('login_throttle')
      .values({ login, ...values })
      .execute();
  // A new lockout shows in user lists: readers must not serve a list cached before it.
  if (locked) await bumpGeneration(tx);
  return locked;
}

export async function lockedUntil(tx: Tx, login: string, now: string): Promise<string | null> {
  const row = await tx
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('login', '=', login)
    .executeTakeFirst();
  return row?.locked_until && row.locked_until > now ? row.locked_until : null;
}

export async function clearFailures(tx: Tx, login: string): Promise<void> {
  await tx.deleteFrom('login_throttle').where('login', '=', login).execute();
}
