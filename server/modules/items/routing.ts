import type { Tx } from '../../context.ts';
import { cppccsOf, type OrgRef } from './desks.ts';

export interface Route {
  target: OrgRef | null;
  /** `override` when an administrator's rule decided, `default` for the nearest CPPCC. */
  rule: 'default' | 'override';
}

/**
 * Where items from an organisation go: an administrator's rule for the organisation or the
 * nearest organisation above it that has one (the most specific wins); otherwise the
 * information office of the nearest CPPCC at or above it (a provincial unit → 省政协,
 * a city's member → that city's CPPCC).
 */
export async function routeOf(tx: Tx, orgId: number): Promise<Route> {
  const org = await tx
    .selectFrom('organizations')
    .select(['id', 'path'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org) return { target: null, rule: 'default' };
  const ancestors = org.path.split('/').filter(Boolean).map(Number);
  const rules = await tx
    .selectFrom('routing_rules')
    .innerJoin('organizations as s', 's.id', 'routing_rules.source_org_id')
    .innerJoin('organizations as t', 't.id', 'routing_rules.target_org_id')
    .select(['s.path as sourcePath', 't.id', 't.name', 't.path', 't.active'])
    .where('routing_rules.source_org_id', 'in', ancestors)
    .execute();
  const rule = rules.sort((a, b) => b.sourcePath.length - a.sourcePath.length)[0];
  if (rule?.active) return { target: { id: rule.id, name: rule.name, path: rule.path }, rule: 'override' };
  const map = await cppccsOf(tx, [org.path]);
  return { target: map.get(org.path) ?? null, rule: 'default' };
}
