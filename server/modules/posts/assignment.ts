import type { PostDuty } from '../../../shared/items.ts';
import type { Tx } from '../../context.ts';
import type { PostRow } from '../../db/schema.ts';
import { addMs, cstDate, HOUR } from '../../lib/clock.ts';

/** Whether a user is on leave on a calendar day (YYYY-MM-DD, Asia/Shanghai). */
export async function onLeave(tx: Tx, userId: number, day: string): Promise<boolean> {
  const row = await tx
    .selectFrom('leaves')
    .select('id')
    .where('user_id', '=', userId)
    .where('start_date', '<=', day)
    .where('end_date', '>=', day)
    .executeTakeFirst();
  return row !== undefined;
}

/** Who does a post's work today: the A holder, or the B holder while A is on leave (AB岗, R3.2). */
export async function holderToday(tx: Tx, post: PostRow, now: Date): Promise<number> {
  return (await onLeave(tx, post.holder_a_id, cstDate(now))) ? post.holder_b_id : post.holder_a_id;
}

/** The desk's post for a duty (the first one configured), if any. */
export function postFor(tx: Tx, orgId: number, duty: PostDuty): Promise<PostRow | undefined> {
  return tx
    .selectFrom('posts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('duty', '=', duty)
    .orderBy('id')
    .executeTakeFirst();
}

export interface Assignment {
  assignee_id: number | null;
  post_id: number | null;
  due_at: string | null;
  handed_over: number;
}

/** The assignment a new task on a desk gets: the duty's post holder for today, with its deadline. */
export async function assignmentFor(tx: Tx, orgId: number, duty: PostDuty, now: Date): Promise<Assignment> {
  const post = await postFor(tx, orgId, duty);
  if (!post) return { assignee_id: null, post_id: null, due_at: null, handed_over: 0 };
  return {
    assignee_id: await holderToday(tx, post, now),
    post_id: post.id,
    due_at: addMs(now, post.deadline_hours * HOUR),
    handed_over: 0,
  };
}

/** Today's duty officer of a desk (值班), if the roster names one. */
export async function dutyOfficer(tx: Tx, orgId: number, now: Date): Promise<number | null> {
  const row = await tx
    .selectFrom('duty_roster')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('date', '=', cstDate(now))
    .executeTakeFirst();
  return row?.user_id ?? null;
}
