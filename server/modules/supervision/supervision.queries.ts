import type { z } from 'zod';
import type { supervisionListQuery } from '../../../shared/schemas/referrals.ts';
import type { Tx } from '../../context.ts';
import type { SupervisionRow } from '../../db/schema.ts';

/**
 * The office's follow-ups of its desks: open and overdue ones by their deadline, the nearest
 * first; closed ones the latest deadline first.
 */
export async function listSupervisions(
  tx: Tx,
  desks: readonly number[],
  q: z.infer<typeof supervisionListQuery>,
  today: string,
): Promise<{ rows: SupervisionRow[]; total: number }> {
  if (desks.length === 0) return { rows: [], total: 0 };
  let query = tx.selectFrom('supervisions').where('desk_id', 'in', desks);
  if (q.filter === 'open') query = query.where('state', '=', 'open');
  if (q.filter === 'overdue') query = query.where('state', '=', 'open').where('due_on', '<', today);
  if (q.filter === 'closed') query = query.where('state', '=', 'closed');
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('due_on', q.filter === 'closed' ? 'desc' : 'asc')
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** Every follow-up of an item, in the order they were opened. */
export function itemSupervisions(tx: Tx, itemId: number): Promise<SupervisionRow[]> {
  return tx.selectFrom('supervisions').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}
