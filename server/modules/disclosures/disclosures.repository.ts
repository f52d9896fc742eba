import type { Insertable } from 'kysely';
import type { DisclosureStatus } from '../../../shared/schemas/portal.ts';
import type { Tx } from '../../context.ts';
import type { DisclosureRow, DisclosuresTable } from '../../db/schema.ts';
import { AppError, unlessDuplicate } from '../../lib/errors.ts';

/** The record that is not withdrawn (a draft or the disclosed version), if any. */
export function liveDisclosure(tx: Tx, itemId: number): Promise<DisclosureRow | undefined> {
  return tx
    .selectFrom('disclosures')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}

/** A page of the records of the given CPPCCs, most recently changed first, and their count. */
export async function pageOfDisclosures(
  tx: Tx,
  orgIds: number[],
  query: { page: number; pageSize: number; status?: DisclosureStatus | undefined },
): Promise<{ rows: DisclosureRow[]; total: number }> {
  let q = tx.selectFrom('disclosures').where('org_id', 'in', orgIds);
  if (query.status) q = q.where('status', '=', query.status);
  const [{ n }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return { rows, total: Number(n) };
}

/** The item's topic as public words: the first-level category and the topic under it. */
export async function topicWords(
  tx: Tx,
  topicId: number | null,
): Promise<{ category: string; topic: string }> {
  if (topicId === null) return { category: '', topic: '' };
  const t = await tx
    .selectFrom('topics')
    .select(['name', 'parent_id'])
    .where('id', '=', topicId)
    .executeTakeFirst();
  if (!t) return { category: '', topic: '' };
  if (t.parent_id === null) return { category: t.name, topic: '' };
  const parent = await tx
    .selectFrom('topics')
    .select('name')
    .where('id', '=', t.parent_id)
    .executeTakeFirst();
  return { category: parent?.name ?? t.name, topic: parent ? t.name : '' };
}

/** Inserts a live record; a concurrent insert for the same item loses on the unique index. */
export async function insertLive(tx: Tx, values: Insertable<DisclosuresTable>) {
  const { id } = await unlessDuplicate(
    tx.insertInto('disclosures').values(values).returning('id').executeTakeFirstOrThrow(),
    () => new AppError('CONFLICT', '该信息已有公开记录，请刷新后再操作'),
  );
  return id;
}
