import { type Permission, ROLES, roleHas } from '../../../shared/roles.ts';
import type { Actor, Reach } from './actor.ts';

/** Union of every permission the actor's roles carry (for the menu). */
export function permissionsOf(actor: Pick<Actor, 'grants'>): Permission[] {
  const set = new Set<Permission>();
  for (const g of actor.grants) for (const p of ROLES[g.role].permissions) set.add(p);
  return [...set].sort();
}

export function can(actor: Pick<Actor, 'grants'>, permission: Permission): boolean {
  return actor.grants.some((g) => roleHas(g.role, permission));
}

/** Where `permission` reaches, from the grants whose role carries it. */
export function reachOf(actor: Pick<Actor, 'grants'>, permission: Permission): Reach {
  const reach: Reach = { all: false, orgIds: [], subtreePaths: [], self: false };
  for (const g of actor.grants) {
    if (!roleHas(g.role, permission)) continue;
    if (g.scope === 'all') reach.all = true;
    else if (g.scope === 'subtree') reach.subtreePaths.push(g.orgPath);
    else if (g.scope === 'org') reach.orgIds.push(g.orgId);
    else reach.self = true;
  }
  return reach;
}

/** Where any of the permissions reaches (the union of their reaches). */
export function reachOfAny(actor: Pick<Actor, 'grants'>, permissions: readonly Permission[]): Reach {
  const reaches = permissions.map((p) => reachOf(actor, p));
  return {
    all: reaches.some((r) => r.all),
    orgIds: [...new Set(reaches.flatMap((r) => r.orgIds))],
    subtreePaths: [...new Set(reaches.flatMap((r) => r.subtreePaths))],
    self: reaches.some((r) => r.self),
  };
}

/** Whether an organisation (given by id and path) lies within a reach. */
export function reachCoversOrg(reach: Reach, org: { id: number; path: string }): boolean {
  return reach.all || reach.orgIds.includes(org.id) || reach.subtreePaths.some((p) => org.path.startsWith(p));
}

/** Whether one reach lies entirely within another (a grantor cannot hand out more than it holds). */
export function reachCoversScope(
  reach: Reach,
  org: { id: number; path: string },
  scope: 'self' | 'org' | 'subtree' | 'all',
): boolean {
  if (reach.all) return true;
  if (scope === 'all') return false;
  if (scope === 'subtree') return reach.subtreePaths.some((p) => org.path.startsWith(p));
  return reachCoversOrg(reach, org);
}

/** Roles that require a second factor under the current settings. */
export function totpRequiredFor(actor: Pick<Actor, 'grants'>, requiredRoles: readonly string[]): boolean {
  return actor.grants.some((g) => requiredRoles.includes(g.role));
}
