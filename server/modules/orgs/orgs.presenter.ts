import type { OrgView } from '../../../shared/schemas/orgs.ts';
import type { OrgRow } from '../../db/schema.ts';

export function presentOrg(row: OrgRow & { member_count?: number }): OrgView {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    shortName: row.short_name,
    type: row.type as OrgView['type'],
    active: row.active === 1,
    sortOrder: row.sort_order,
    memberCount: row.member_count ?? 0,
    version: row.version,
  };
}
