import { type ExpressionBuilder, sql } from 'kysely';
import type { UserListQuery } from '../../../shared/schemas/users.ts';
import type { Tx } from '../../context.ts';
import type { Database, UserRow } from '../../db/schema.ts';
import type { Reach } from '../access/actor.ts';
import { orgReachFilter } from '../orgs/orgs.repository.ts';

type UsersEb = ExpressionBuilder<Database, 'users'>;

/**
 * Users reached: a membership in an organisation within reach, or the actor itself for `self`.
 * Written as nested `IN (subquery)`, organisations innermost, so both databases evaluate each
 * subquery once and walk from the few organisations to their members.
 */
export function userReachFilter(reach: Reach, actorId: number) {
  return (eb: UsersEb) => {
    if (reach.all) return sql<boolean>`1=1`;
    const viaOrg = eb(
      'users.id',
      'in',
      eb
        .selectFrom('memberships as rm')
        .select('rm.user_id')
        .where(
          'rm.org_id',
          'in',
          eb.selectFrom('organizations').select('organizations.id').where(orgReachFilter(reach)),
        ),
    );
    return reach.self ? eb.or([viaOrg, eb('users.id', '=', actorId)]) : viaOrg;
  };
}

export function queryUsers(
  tx: Tx,
  reach: Reach,
  actorId: number,
  q: Omit<UserListQuery, 'page' | 'pageSize'>,
  orgPath?: string,
) {
  let query = tx.selectFrom('users').where(userReachFilter(reach, actorId));
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['users.login']), 'like', like),
        eb('users.real_name', 'like', like),
        eb('users.mobile', 'like', like),
      ]),
    );
  }
  if (q.orgId !== undefined) {
    // Organisations first, then their memberships: both databases then walk the small side.
    const orgIds = tx
      .selectFrom('organizations as fo')
      .select('fo.id')
      .where((e) => (q.subtree && orgPath ? e('fo.path', 'like', `${orgPath}%`) : e('fo.id', '=', q.orgId!)));
    query = query.where(
      'users.id',
      'in',
      tx.selectFrom('memberships as fm').select('fm.user_id').where('fm.org_id', 'in', orgIds),
    );
  }
  if (q.enabled !== undefined) query = query.where('users.enabled', '=', q.enabled ? 1 : 0);
  if (q.memberLevel) query = query.where('users.member_level', '=', q.memberLevel);
  if (q.specialOfficer !== undefined)
    query = query.where('users.special_officer', '=', q.specialOfficer ? 1 : 0);
  if (q.role) {
    query = query.where(
      'users.id',
      'in',
      tx.selectFrom('role_grants as fg').select('fg.user_id').where('fg.role', '=', q.role),
    );
  }
  return query;
}

export async function countUsers(query: ReturnType<typeof queryUsers>): Promise<number> {
  const r = await query.select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow();
  return Number(r.c);
}

/** Columns a user view needs; never the password hash or the TOTP secret. */
export const USER_VIEW_COLUMNS = [
  'users.id',
  'users.login',
  'users.real_name',
  'users.mobile',
  'users.enabled',
  'users.member_level',
  'users.member_term',
  'users.member_sector',
  'users.member_party',
  'users.member_standing',
  'users.special_officer',
  'users.totp_enabled',
  'users.last_login_at',
  'users.created_at',
  'users.version',
] as const;
export type UserViewRow = Pick<
  UserRow,
  | 'id'
  | 'login'
  | 'real_name'
  | 'mobile'
  | 'enabled'
  | 'member_level'
  | 'member_term'
  | 'member_sector'
  | 'member_party'
  | 'member_standing'
  | 'special_officer'
  | 'totp_enabled'
  | 'last_login_at'
  | 'created_at'
  | 'version'
>;

export interface UserExtras {
  memberships: Map<number, { orgId: number; orgName: string; title: string }[]>;
  roles: Map<number, string[]>;
  /** Current lockouts by lower-cased login. */
  locks: Map<string, string>;
  /** Organisations (id and path) of each user, for policy checks on the page. */
  orgPaths: Map<number, { id: number; path: string }[]>;
}

/** Memberships, roles and lockouts for a page of users, in three queries. */
export async function loadUserExtras(
  tx: Tx,
  users: Pick<UserRow, 'id' | 'login'>[],
  now: string,
): Promise<UserExtras> {
  const memberships = new Map<number, { orgId: number; orgName: string; title: string }[]>();
  const roles = new Map<number, string[]>();
  const locks = new Map<string, string>();
  const orgPaths = new Map<number, { id: number; path: string }[]>();
  if (users.length === 0) return { memberships, roles, locks, orgPaths };
  const userIds = users.map((u) => u.id);
  const [ms, gs, ls] = await Promise.all([
    tx
      .selectFrom('memberships')
      .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
      .select([
        'memberships.user_id',
        'memberships.org_id',
        'memberships.title',
        'organizations.name',
        'organizations.path',
      ])
      .select('memberships.sort_order')
      .where('memberships.user_id', 'in', userIds)
      .execute(),
    tx.selectFrom('role_grants').select(['user_id', 'role']).where('user_id', 'in', userIds).execute(),
    tx
      .selectFrom('login_throttle')
      .select(['login', 'locked_until'])
      .where(
        'login',
        'in',
        users.map((u) => u.login.toLowerCase()),
      )
      .where('locked_until', '>', now)
      .execute(),
  ]);
  for (const l of ls) if (l.locked_until) locks.set(l.login, l.locked_until);
  ms.sort((a, b) => a.sort_order - b.sort_order);
  for (const m of ms) {
    const list = memberships.get(m.user_id) ?? [];
    list.push({ orgId: m.org_id, orgName: m.name, title: m.title });
    memberships.set(m.user_id, list);
    orgPaths.set(m.user_id, [...(orgPaths.get(m.user_id) ?? []), { id: m.org_id, path: m.path }]);
  }
  for (const g of gs) {
    const list = roles.get(g.user_id) ?? [];
    if (!list.includes(g.role)) list.push(g.role);
    roles.set(g.user_id, list);
  }
  return { memberships, roles, locks, orgPaths };
}

export function findUser(tx: Tx, id: number): Promise<UserRow | undefined> {
  return tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByLogin(tx: Tx, login: string): Promise<UserRow | undefined> {
  return tx
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
    .executeTakeFirst();
}

export async function replaceMemberships(
  tx: Tx,
  userId: number,
  memberships: { orgId: number; title: string }[],
): Promise<void> {
  await tx.deleteFrom('memberships').where('user_id', '=', userId).execute();
  if (memberships.length === 0) return;
  await tx
    .insertInto('memberships')
    .values(memberships.map((m, i) => ({ user_id: userId, org_id: m.orgId, title: m.title, sort_order: i })))
    .execute();
}

export async function rolesOf(tx: Tx, userId: number): Promise<string[]> {
  const rows = await tx.selectFrom('role_grants').select('role').where('user_id', '=', userId).execute();
  return [...new Set(rows.map((r) => r.role))];
}
