import type { Tx } from '../../context.ts';
import type { SignoffRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import { offlineActor } from '../access/offline-actor.ts';
import { loadIssueDesks } from './issues.policy.ts';

/**
 * Whom each row waits for today: for a row opened for a post, whoever holds the post today
 * (the B holder while A is on leave; new holders once the post is reassigned), otherwise the
 * person named. Two queries for any number of rows.
 */
export async function waitingUsers(
  tx: Tx,
  rows: readonly Pick<SignoffRow, 'id' | 'user_id' | 'post_id'>[],
  now: Date,
): Promise<Map<number, number>> {
  const postIds = [...new Set(rows.flatMap((r) => (r.post_id === null ? [] : [r.post_id])))];
  const posts = postIds.length
    ? await tx
        .selectFrom('posts')
        .select(['id', 'holder_a_id', 'holder_b_id'])
        .where('id', 'in', postIds)
        .execute()
    : [];
  const day = cstDate(now);
  const aHolders = [...new Set(posts.map((p) => p.holder_a_id))];
  const away = aHolders.length
    ? new Set(
        (
          await tx
            .selectFrom('leaves')
            .select('user_id')
            .where('user_id', 'in', aHolders)
            .where('start_date', '<=', day)
            .where('end_date', '>=', day)
            .execute()
        ).map((l) => l.user_id),
      )
    : new Set<number>();
  const postOf = new Map(posts.map((p) => [p.id, p]));
  const result = new Map<number, number>();
  for (const r of rows) {
    const post = r.post_id === null ? undefined : postOf.get(r.post_id);
    result.set(r.id, post ? (away.has(post.holder_a_id) ? post.holder_b_id : post.holder_a_id) : r.user_id);
  }
  return result;
}

/** Whether a person (enabled) holds 审核 or 审定签发 for this CPPCC's issues. */
export async function maySign(tx: Tx, userId: number, orgId: number): Promise<boolean> {
  const user = await tx
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('enabled', '=', 1)
    .executeTakeFirst();
  if (!user) return false;
  return (await loadIssueDesks(tx, await offlineActor(tx, userId, 'signer-check'))).sign.has(orgId);
}
