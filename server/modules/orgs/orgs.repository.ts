import { sql } from 'kysely';
import type { Tx } from '../../context.ts';
import type { OrgRow } from '../../db/schema.ts';
import type { Reach } from '../access/actor.ts';

export function findOrg(tx: Tx, id: number): Promise<OrgRow | undefined> {
  return tx.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A WHERE fragment limiting organisations (aliased `alias`) to a reach. */
export function orgReachFilter(reach: Reach, alias = 'organizations') {
  return sql<boolean>`(${sql.join(
    [
      sql`${reach.all ? sql`1=1` : sql`1=0`}`,
      ...(reach.orgIds.length ? [sql`${sql.ref(`${alias}.id`)} in (${sql.join(reach.orgIds)})`] : []),
      ...reach.subtreePaths.map((p) => sql`${sql.ref(`${alias}.path`)} like ${`${p}%`}`),
    ],
    sql` or `,
  )})`;
}

export async function listOrgs(tx: Tx, reach: Reach): Promise<(OrgRow & { member_count: number })[]> {
  const rows = await tx
    .selectFrom('organizations')
    .selectAll('organizations')
    .select((eb) =>
      eb
        .selectFrom('memberships')
        .select(eb.fn.countAll<number>().as('c'))
        .whereRef('memberships.org_id', '=', 'organizations.id')
        .as('member_count'),
    )
    .where(orgReachFilter(reach))
    .orderBy('path')
    .execute();
  return rows.map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) }));
}

export async function insertOrg(
  tx: Tx,
  values: Omit<OrgRow, 'id' | 'path'>,
  parentPath: string,
): Promise<OrgRow> {
  const { id } = await tx
    .insertInto('organizations')
    .values({ ...values, path: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parentPath}${id}/`;
  await tx.updateTable('organizations').set({ path }).where('id', '=', id).execute();
  return { ...values, id, path };
}

/** Rewrites the paths of a subtree after a move. */
export async function rewriteSubtreePaths(tx: Tx, oldPrefix: string, newPrefix: string): Promise<void> {
  await tx
    .updateTable('organizations')
    .set({ path: sql`${newPrefix} || substr(path, ${oldPrefix.length + 1})` })
    .where('path', 'like', `${oldPrefix}%`)
    .execute();
}

export async function countReferences(tx: Tx, id: number) {
  const one = async (
    table: 'organizations' | 'memberships' | 'role_grants',
    column: 'parent_id' | 'org_id',
  ) => {
    const r = await tx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('c'))
      .where(column, '=', id)
      .executeTakeFirstOrThrow();
    return Number(r.c);
  };
  return {
    children: await one('organizations', 'parent_id'),
    members: await one('memberships', 'org_id'),
    grants: await one('role_grants', 'org_id'),
  };
}

export async function countActiveChildren(tx: Tx, id: number): Promise<number> {
  const r = await tx
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('c'))
    .where('parent_id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.c);
}
