import type { MemberLevel, UserView } from '../../../shared/schemas/users.ts';
import type { UserExtras, UserViewRow } from './users.repository.ts';

export function presentUser(row: UserViewRow, extras: UserExtras): UserView {
  return {
    id: row.id,
    login: row.login,
    realName: row.real_name,
    mobile: row.mobile,
    enabled: row.enabled === 1,
    memberships: extras.memberships.get(row.id) ?? [],
    member: row.member_level
      ? {
          level: row.member_level as MemberLevel,
          term: row.member_term,
          sector: row.member_sector,
          party: row.member_party,
          standing: row.member_standing === 1,
        }
      : null,
    specialOfficer: row.special_officer === 1,
    roles: (extras.roles.get(row.id) ?? []) as UserView['roles'],
    totpEnabled: row.totp_enabled === 1,
    lockedUntil: extras.locks.get(row.login.toLowerCase()) ?? null,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    version: row.version,
  };
}
