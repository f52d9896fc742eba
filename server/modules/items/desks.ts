import { CPPCC_TYPES } from '../../../shared/orgs.ts';
import { type Permission, ROLE_KEYS, roleHas } from '../../../shared/roles.ts';
import type { Tx } from '../../context.ts';
import type { Actor } from '../access/actor.ts';

export interface OrgRef {
  id: number;
  name: string;
  path: string;
}

const idsOfPath = (path: string) => path.split('/').filter(Boolean).map(Number);

/**
 * The CPPCC at or above each path: the deepest `cppcc_*` organisation on it. One query for all
 * paths; a path with no CPPCC above it maps to nothing.
 */
export async function cppccsOf(tx: Tx, paths: readonly string[]): Promise<Map<string, OrgRef>> {
  const ids = [...new Set(paths.flatMap(idsOfPath))];
  const result = new Map<string, OrgRef>();
  if (ids.length === 0) return result;
  const rows = await tx
    .selectFrom('organizations')
    .select(['id', 'name', 'path'])
    .where('id', 'in', ids)
    .where('type', 'in', CPPCC_TYPES)
    .execute();
  for (const p of paths) {
    let best: OrgRef | undefined;
    for (const r of rows) if (p.startsWith(r.path) && (!best || r.path.length > best.path.length)) best = r;
    if (best) result.set(p, best);
  }
  return result;
}

/**
 * The CPPCCs whose intake the actor works (their "desks"): for each grant carrying the
 * permission with an organisation-wide scope, the CPPCC that grant's organisation belongs to.
 * A provincial editor works the provincial intake, not the cities' intakes below it.
 */
export async function desksOf(
  tx: Tx,
  actor: Pick<Actor, 'grants'>,
  permission: Permission,
): Promise<OrgRef[]> {
  const paths = actor.grants
    .filter((g) => g.scope !== 'self' && roleHas(g.role, permission))
    .map((g) => g.orgPath);
  const map = await cppccsOf(tx, paths);
  const unique = new Map<number, OrgRef>();
  for (const d of map.values()) unique.set(d.id, d);
  return [...unique.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The desks (id → name) where the actor holds any of the permissions. */
export async function desksWithAny(
  tx: Tx,
  actor: Pick<Actor, 'grants'>,
  permissions: readonly Permission[],
): Promise<Map<number, string>> {
  const desks = new Map<number, string>();
  for (const p of permissions) for (const d of await desksOf(tx, actor, p)) desks.set(d.id, d.name);
  return desks;
}

/** Office staff of a desk: holders of `permission` through a grant whose organisation's CPPCC is the desk. */
export async function staffOf(
  tx: Tx,
  deskId: number,
  permission: Permission = 'item.edit',
): Promise<{ id: number; name: string }[]> {
  const roles = ROLE_KEYS.filter((r) => roleHas(r, permission));
  const rows = await tx
    .selectFrom('role_grants')
    .innerJoin('organizations', 'organizations.id', 'role_grants.org_id')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id', 'users.real_name as name', 'organizations.path'])
    .where('role_grants.role', 'in', roles)
    .where('role_grants.scope', '<>', 'self')
    .where('users.enabled', '=', 1)
    .execute();
  const map = await cppccsOf(
    tx,
    rows.map((r) => r.path),
  );
  const staff = new Map<number, string>();
  for (const r of rows) if (map.get(r.path)?.id === deskId) staff.set(r.id, r.name);
  return [...staff].map(([id, name]) => ({ id, name })).sort((a, b) => a.id - b.id);
}

export function deskOf(tx: Tx, orgId: number): Promise<OrgRef | undefined> {
  return tx
    .selectFrom('organizations')
    .select(['id', 'name', 'path'])
    .where('id', '=', orgId)
    .executeTakeFirst();
}
