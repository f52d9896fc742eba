import type { AppContext } from '../../context.ts';
import { addMs, MINUTE } from '../../lib/clock.ts';

/** A soft lock lasts this long unless renewed; the page renews it every minute. */
export const LOCK_MS = 2 * MINUTE;

/**
 * Takes or renews the soft lock that shows others "正在由某某编辑". It only informs: saving is
 * protected by the row version, so an expired or ignored lock never loses anyone's text. Locks
 * are presence, not changes, so they are not audited and do not move the row version.
 */
export async function takeLock(
  ctx: AppContext,
  itemId: number,
  userId: number,
): Promise<{ lock: { userId: number; name: string; expiresAt: string } | null; mine: boolean }> {
  const now = ctx.clock.iso();
  const expires = addMs(ctx.clock.now(), LOCK_MS);
  const taken = await ctx.db.kysely
    .updateTable('items')
    .set({ lock_user_id: userId, lock_expires_at: expires })
    .where('id', '=', itemId)
    .where((eb) =>
      eb.or([
        eb('lock_user_id', 'is', null),
        eb('lock_user_id', '=', userId),
        eb('lock_expires_at', '<', now),
      ]),
    )
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 1) return { lock: null, mine: true };
  const holder = await ctx.db.kysely
    .selectFrom('items')
    .innerJoin('users', 'users.id', 'items.lock_user_id')
    .select(['users.id', 'users.real_name', 'items.lock_expires_at'])
    .where('items.id', '=', itemId)
    .executeTakeFirst();
  return holder
    ? {
        lock: { userId: holder.id, name: holder.real_name, expiresAt: holder.lock_expires_at ?? now },
        mine: false,
      }
    : { lock: null, mine: false };
}

export async function releaseLock(ctx: AppContext, itemId: number, userId: number): Promise<void> {
  await ctx.db.kysely
    .updateTable('items')
    .set({ lock_user_id: null, lock_expires_at: null })
    .where('id', '=', itemId)
    .where('lock_user_id', '=', userId)
    .execute();
}
