import { CPPCC_TYPES, type OrgType } from '../../../shared/orgs.ts';
import { REFERRAL_ORG_TYPES } from '../../../shared/referrals.ts';
import { ADMIN_ROLES, ROLES, type Role, type Scope } from '../../../shared/roles.ts';

/** Roles that sit in a CPPCC's own information office or leadership. */
const CPPCC_ONLY: readonly Role[] = ['editor', 'director', 'leader', 'secgen', 'chair'];

/**
 * 三员分立 and role placement. Returns a Chinese reason when the grant is not allowed, or null.
 * - an administrator role (system / security / audit) is the holder's only kind of role:
 *   no two of the three, and no business role beside it (none of them reads business content);
 * - information-office and leadership roles are granted on a CPPCC organisation;
 * - external recipient bodies never log in.
 */
export function grantRefusal(
  role: Role,
  orgType: OrgType,
  scope: Scope,
  heldRoles: readonly Role[],
): string | null {
  const isAdmin = ROLES[role].admin;
  const heldAdmin = heldRoles.filter((r) => (ADMIN_ROLES as readonly Role[]).includes(r));
  if (isAdmin && heldRoles.some((r) => r !== role)) {
    return `三员分立：该用户已担任“${heldRoles
      .filter((r) => r !== role)
      .map((r) => ROLES[r].label)
      .join('、')}”，不能再授予“${ROLES[role].label}”`;
  }
  if (!isAdmin && heldAdmin.length > 0) {
    return `三员分立：该用户是“${ROLES[heldAdmin[0]!].label}”，不能再授予业务角色`;
  }
  if (orgType === 'recipient') return '外部报送对象不设用户，不能授予角色';
  if (CPPCC_ONLY.includes(role) && !CPPCC_TYPES.includes(orgType)) {
    return `“${ROLES[role].label}”只能在省、市、县政协授予`;
  }
  if (role === 'member' && scope !== 'self') return '委员角色的数据范围只能是“本人”';
  if (role === 'handler' && !REFERRAL_ORG_TYPES.includes(orgType))
    return '“承办单位联络员”只能在机关部门、专门委员会或市、县政协授予';
  return null;
}
