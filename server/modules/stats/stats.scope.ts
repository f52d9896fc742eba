import { ROLE_KEYS, roleHas } from '../../../shared/roles.ts';
import type { Tx } from '../../context.ts';
import type { Actor } from '../access/actor.ts';
import { cppccsOf, type OrgRef } from '../items/desks.ts';

/**
 * Whose figures a reader sees (`stats.read`): through a grant reaching an organisation and the
 * units below it (office staff, leaders), the whole intake of the CPPCC that organisation belongs
 * to (its "desk", as the workbench counts desks) — for the office's and leaders' roles only;
 * through any other grant (a unit's liaison), the items of the units it reaches: its own unit,
 * or with 本组织及下级 that unit and those below it. Nothing of another CPPCC's intake.
 */
export interface StatsScope {
  desks: OrgRef[];
  units: OrgRef[];
}

/** Roles of a CPPCC's office and its leaders: their wide grants read the CPPCC's whole intake. */
const OFFICE_ROLES = ROLE_KEYS.filter(
  (r) =>
    roleHas(r, 'stats.read') &&
    (['item.edit', 'issue.review', 'issue.approve'] as const).some((p) => roleHas(r, p)),
);

export async function statsScopeOf(tx: Tx, actor: Pick<Actor, 'grants'>): Promise<StatsScope> {
  const grants = actor.grants.filter((g) => roleHas(g.role, 'stats.read'));
  const wideGrant = (g: (typeof grants)[number]) =>
    OFFICE_ROLES.includes(g.role) && (g.scope === 'subtree' || g.scope === 'all');
  const wide = await cppccsOf(
    tx,
    grants.filter(wideGrant).map((g) => g.orgPath),
  );
  const desks = new Map<number, OrgRef>();
  for (const d of wide.values()) desks.set(d.id, d);
  // Anyone else (a unit's liaison) reads the units the grant reaches: its own, or its own and those below.
  const units = new Map<number, OrgRef>();
  for (const g of grants) {
    if (wideGrant(g)) continue;
    units.set(g.orgId, { id: g.orgId, name: g.orgName, path: g.orgPath });
    if (g.scope === 'org') continue;
    const below = await tx
      .selectFrom('organizations')
      .select(['id', 'name', 'path'])
      .where('path', 'like', `${g.orgPath}%`)
      .execute();
    for (const o of below) units.set(o.id, o);
  }
  const byPath = (a: OrgRef, b: OrgRef) => a.path.localeCompare(b.path);
  return { desks: [...desks.values()].sort(byPath), units: [...units.values()].sort(byPath) };
}

export const scopeIsEmpty = (s: StatsScope) => s.desks.length === 0 && s.units.length === 0;
