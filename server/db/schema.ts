import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. Timestamps are ISO-8601 UTC strings and flags are 0/1 integers in both SQLite
 * and PostgreSQL, so the same queries and comparisons serve both dialects.
 */
export interface OrganizationsTable {
  id: Generated<number>;
  parent_id: number | null;
  /** Materialised path of ids, `/1/5/12/`, for subtree queries. */
  path: string;
  name: string;
  short_name: string;
  type: string;
  sort_order: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  login: string;
  real_name: string;
  mobile: string;
  password_hash: string;
  must_change_password: number;
  enabled: number;
  totp_secret: string | null;
  totp_enabled: number;
  /** Last accepted TOTP time step, so a code is never accepted twice. */
  totp_last_step: number;
  member_level: string | null;
  member_term: string;
  member_sector: string;
  member_party: string;
  member_standing: number;
  special_officer: number;
  demo: number;
  last_login_at: string | null;
  password_changed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  user_id: number;
  org_id: number;
  title: string;
  sort_order: number;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  org_id: number;
  scope: string;
  granted_by: number | null;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  /** 'totp' while waiting for the second factor, then 'full'. */
  stage: string;
  csrf_token: string;
  ip: string;
  user_agent: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  totp_attempts: number;
}

export interface LoginThrottleTable {
  /** Lower-cased login as typed, whether or not such an account exists. */
  login: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface LoginLogTable {
  id: Generated<number>;
  at: string;
  login: string;
  user_id: number | null;
  ip: string;
  user_agent: string;
  result: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_login: string;
  action: string;
  target_type: string;
  target_id: string;
  summary: string;
  ip: string;
  result: string;
  prev_hash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface DataGenerationTable {
  id: number;
  value: number;
}

export interface Database {
  data_generation: DataGenerationTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  login_log: LoginLogTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}

export type OrgRow = Selectable<OrganizationsTable>;
export type NewOrg = Insertable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserPatch = Updateable<UsersTable>;
export type GrantRow = Selectable<RoleGrantsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
