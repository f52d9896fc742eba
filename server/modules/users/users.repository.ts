import { type ExpressionBuilder, sql } from 'kysely';
import type { UserListQuery } from '../../../shared/schemas/users.ts';
import type { Tx } from '../../context.ts';
import type { Database, UserRow } from '../../db/schema.ts';
import type { Reach } from '../access/actor.ts';
import { orgReachFilter } from '../orgs/orgs.repository.ts';

type UsersEb = ExpressionBuilder<Database, 'users'>;

/** Users reached: a membership in an organisation within reach, or the actor itself for `self`. */
export function userReachFilter(reach: Reach, actorId: number) {
  return (eb: UsersEb) => {
    if (reach.all) return sql<boolean>`1=1`;
    const viaOrg = eb.exists(
      eb
        .selectFrom('memberships as rm')
        .innerJoin('organizations as ro', 'ro.id', 'rm.org_id')
        .select(sql`1`.as('one'))
        .whereRef('rm.user_id', '=', 'users.id')
        .where(orgReachFilter(reach, 'ro')),
    );
    return reach.self ? eb.or([viaOrg, eb('users.id', '=', actorId)]) : viaOrg;
  };
}

export function queryUsers(tx: Tx, reach: Reach, actorId: number, q: Omit<UserListQuery, 'page' | 'pageSize'>, orgPath?: string) {
  let query = tx.selectFrom('users').where(userReachFilter(reach, actorId));
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['users.login']), 'like', like), eb('users.real_name', 'like', like), eb('users.mobile', 'like', like)]),
    );
  }
  if (q.orgId !== undefined) {
    const orgId = q.orgId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as fm')
          .innerJoin('organizations as fo', 'fo.id', 'fm.org_id')
          .select(sql`1`.as('one'))
          .whereRef('fm.user_id', '=', 'users.id')
          .where((e) => (q.subtree && orgPath ? e('fo.path', 'like', `${orgPath}%`) : e('fo.id', '=', orgId))),
      ),
    );
  }
  if (q.enabled !== undefined) query = query.where('users.enabled', '=', q.enabled ? 1 : 0);
  if (q.memberLevel) query = query.where('users.member_level', '=', q.memberLevel);
  if (q.specialOfficer !== undefined) query = query.where('users.special_officer', '=', q.specialOfficer ? 1 : 0);
  if (q.role) {
    const role = q.role;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('role_grants as fg').select(sql`1`.as('one')).whereRef('fg.user_id', '=', 'users.id').where('fg.role', '=', role)),
    );
  }
  return query;
}

export async function countUsers(query: ReturnType<typeof queryUsers>): Promise<number> {
  const r = await query.select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow();
  return Number(r.c);
}

export interface UserExtras {
  memberships: Map<number, { orgId: number; orgName: string; title: string }[]>;
  roles: Map<number, string[]>;
  /** Current lockouts by lower-cased login. */
  locks: Map<string, string>;
  /** Organisations (id and path) of each user, for policy checks on the page. */
  orgPaths: Map<number, { id: number; path: string }[]>;
}

/** Memberships, roles and lockouts for a page of users, in three queries. */
export async function loadUserExtras(tx: Tx, users: Pick<UserRow, 'id' | 'login'>[], now: string): Promise<UserExtras> {
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
      .select(['memberships.user_id', 'memberships.org_id', 'memberships.title', 'organizations.name', 'organizations.path'])
      .where('memberships.user_id', 'in', userIds)
      .orderBy('memberships.sort_order')
      .execute(),
    tx.selectFrom('role_grants').select(['user_id', 'role']).where('user_id', 'in', userIds).execute(),
    tx
      .selectFrom('login_throttle')
      .select(['login', 'locked_until'])
      .where('login', 'in', users.map((u) => u.login.toLowerCase()))
      .where('locked_until', '>', now)
      .execute(),
  ]);
  for (const l of ls) if (l.locked_until) locks.set(l.login, l.locked_until);
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

export async function replaceMemberships(tx: Tx, userId: number, memberships: { orgId: number; title: string }[]): Promise<void> {
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
