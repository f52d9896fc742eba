import { sql } from 'kysely';
import { OFFICE_OPEN_STATES } from '../../../shared/workflow/items.ts';
import type { AppContext } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { systemTransition } from './transition.service.ts';

/**
 * AB岗 (R3.2): work assigned through a post goes from the A holder to the B holder when it
 * waits past its deadline or when A is on leave today; both are told and the hand-over is an
 * event. Safe on several instances: a hand-over another instance already made is skipped
 * (the row version has moved).
 */
export async function runHandovers(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const today = cstDate(now);
  const due = await ctx.db.kysely
    .selectFrom('items')
    .innerJoin('posts', 'posts.id', 'items.post_id')
    .select([
      'items.id',
      sql<number>`case when items.due_at < ${now.toISOString()} then 1 else 0 end`.as('overdue'),
    ])
    .where('items.status', 'in', OFFICE_OPEN_STATES)
    .where('items.handed_over', '=', 0)
    .whereRef('items.assignee_id', '=', 'posts.holder_a_id')
    .where((eb) =>
      eb.or([
        eb('items.due_at', '<', now.toISOString()),
        eb.exists(
          eb
            .selectFrom('leaves')
            .select('leaves.id')
            .whereRef('leaves.user_id', '=', 'posts.holder_a_id')
            .where('leaves.start_date', '<=', today)
            .where('leaves.end_date', '>=', today),
        ),
      ]),
    )
    .execute();
  let moved = 0;
  for (const row of due) {
    try {
      await systemTransition(ctx, row.id, 'handover', Number(row.overdue) ? '超过办理时限' : 'A岗请假');
      moved += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return moved;
}
