import type { Tx } from '../../context.ts';
import type { NoticeRow } from '../../db/schema.ts';

export function findNotice(tx: Tx, id: number): Promise<NoticeRow | undefined> {
  return tx.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of the notices of the given CPPCCs, newest first, and their count. */
export async function pageOfNotices(
  tx: Tx,
  orgIds: number[],
  page: number,
  pageSize: number,
): Promise<{ rows: NoticeRow[]; total: number }> {
  const q = tx.selectFrom('notices').where('org_id', 'in', orgIds);
  const [{ n }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { rows, total: Number(n) };
}
