import type { z } from 'zod';
import type { supervisionListQuery } from '../../../shared/schemas/referrals.ts';
import type { Tx } from '../../context.ts';
import type { SupervisionRow } from '../../db/schema.ts';
import type { Reach } from '../access/actor.ts';
import { orgReachFilter } from '../orgs/orgs.repository.ts';

/**
 * Follow-ups the actor reads: the office's of its desks, and a department's handler those naming
 * a department it handles for. Open and overdue ones by their deadline, the nearest first; closed
 * ones the latest deadline first.
 */
export async function listSupervisions(
  tx: Tx,
  scope: { desks: readonly number[]; handles: Reach },
  q: z.infer<typeof supervisionListQuery>,
  today: string,
): Promise<{ rows: SupervisionRow[]; total: number }> {
  const { desks, handles } = scope;
  const handlesAny = handles.all || handles.orgIds.length > 0 || handles.subtreePaths.length > 0;
  if (desks.length === 0 && !handlesAny) return { rows: [], total: 0 };
  let query = tx
    .selectFrom('supervisions')
    .where((eb) =>
      eb.or([
        ...(desks.length ? [eb('supervisions.desk_id', 'in', [...desks])] : []),
        ...(handlesAny
          ? [
              eb.exists(
                eb
                  .selectFrom('supervision_units')
                  .innerJoin('organizations', 'organizations.id', 'supervision_units.org_id')
                  .select('supervision_units.org_id')
                  .whereRef('supervision_units.supervision_id', '=', 'supervisions.id')
                  .where(orgReachFilter(handles)),
              ),
            ]
          : []),
      ]),
    );
  if (q.filter === 'open') query = query.where('supervisions.state', '=', 'open');
  if (q.filter === 'overdue')
    query = query.where('supervisions.state', '=', 'open').where('supervisions.due_on', '<', today);
  if (q.filter === 'closed') query = query.where('supervisions.state', '=', 'closed');
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
