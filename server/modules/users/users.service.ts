import { type OrgType, orgAcceptsUsers } from '../../../shared/orgs.ts';
import type { UserInput, UserListQuery, UserUpdate } from '../../../shared/schemas/users.ts';
import { type AppContext, inTransaction, type Tx, type Who } from '../../context.ts';
import { readGeneration } from '../../db/generation.ts';
import type { UserRow } from '../../db/schema.ts';
import { MINUTE } from '../../lib/clock.ts';
import { randomPassword } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { can, reachCoversOrg, reachOf } from '../access/access.policy.ts';
import type { Actor, Reach } from '../access/actor.ts';
import { changes } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/password.ts';
import { findOrg } from '../orgs/orgs.repository.ts';
import { deleteUserSessions } from '../sessions/sessions.repository.ts';
import { isOtherAdmin, reachesUser, type UserTarget } from './users.policy.ts';
import {
  countUsers,
  findUser,
  findUserByLogin,
  loadUserExtras,
  queryUsers,
  replaceMemberships,
  rolesOf,
  USER_VIEW_COLUMNS,
  type UserExtras,
  type UserViewRow,
} from './users.repository.ts';

type UserPage = { rows: UserViewRow[]; total: number; extras: UserExtras };

/**
 * One page of users within the actor's `user.read` reach. Pages are cached by the data
 * generation (any committed change, on any instance, retires them) and by the minute (lockouts
 * expire with time alone).
 */
export async function listUsers(ctx: AppContext, actor: Actor, query: UserListQuery): Promise<UserPage> {
  if (!can(actor, 'user.read')) throw new AppError('FORBIDDEN');
  const db = ctx.db.kysely;
  const reach = reachOf(actor, 'user.read');
  const now = ctx.clock.now();
  const key = JSON.stringify([
    'users',
    reach,
    reach.self ? actor.id : 0,
    query,
    Math.floor(now.getTime() / MINUTE),
  ]);
  const generation = await readGeneration(db);
  const cached = ctx.reads.get(key, generation) as UserPage | undefined;
  if (cached) return cached;

  let orgPath: string | undefined;
  if (query.orgId !== undefined) orgPath = (await findOrg(db, query.orgId))?.path;
  const base = queryUsers(db, reach, actor.id, query, orgPath);
  // Two plain queries: a window count would make SQLite materialise and sort every match.
  const [total, rows] = await Promise.all([
    countUsers(base),
    base
      .select(USER_VIEW_COLUMNS)
      .orderBy('users.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const page = { rows, total, extras: await loadUserExtras(db, rows, now.toISOString()) };
  ctx.reads.set(key, generation, page);
  return page;
}

export async function loadTarget(tx: Tx, user: UserRow): Promise<UserTarget> {
  const orgs = await tx
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select(['organizations.id', 'organizations.path'])
    .where('memberships.user_id', '=', user.id)
    .execute();
  return { id: user.id, roles: await rolesOf(tx, user.id), orgs };
}

/** Loads a user the permission reaches; 404 otherwise, so existence is not revealed. */
export async function loadReachableUser(
  ctx: AppContext,
  actor: Actor,
  id: number,
  permission: 'user.read' | 'user.manage' | 'session.manage' | 'grant.manage',
): Promise<{ user: UserRow; target: UserTarget }> {
  const user = await findUser(ctx.db.kysely, id);
  if (!user) throw new AppError('NOT_FOUND', '用户不存在或您无权查看');
  const target = await loadTarget(ctx.db.kysely, user);
  if (!can(actor, permission) || !reachesUser(actor, permission, target)) {
    if (reachesUser(actor, 'user.read', target) && can(actor, 'user.read')) throw new AppError('FORBIDDEN');
    throw new AppError('NOT_FOUND', '用户不存在或您无权查看');
  }
  return { user, target };
}

/** Every organisation a user is put into must exist, be active, take users and lie within reach. */
export async function assertMemberships(
  tx: Tx,
  reach: Reach,
  memberships: { orgId: number }[],
): Promise<void> {
  const ids = memberships.map((m) => m.orgId);
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', '所属组织有重复');
  for (const id of ids) {
    const org = await findOrg(tx, id);
    if (!org || !reachCoversOrg(reach, org))
      throw new AppError('VALIDATION_FAILED', `所属组织（编号${id}）不存在或不在您的管理范围内`);
    if (!org.active) throw new AppError('VALIDATION_FAILED', `组织“${org.name}”已停用，不能加入成员`);
    if (!orgAcceptsUsers(org.type as OrgType))
      throw new AppError('VALIDATION_FAILED', `“${org.name}”是外部报送对象，不设用户账号`);
  }
}

export function profileColumns(input: Pick<UserInput, 'realName' | 'mobile' | 'member' | 'specialOfficer'>) {
  return {
    real_name: input.realName,
    mobile: input.mobile,
    member_level: input.member?.level ?? null,
    member_term: input.member?.term ?? '',
    member_sector: input.member?.sector ?? '',
    member_party: input.member?.party ?? '',
    member_standing: input.member?.standing ? 1 : 0,
    special_officer: input.specialOfficer ? 1 : 0,
  };
}

/** Inserts a user with a one-time password that must be changed at first login. */
export async function insertUser(
  tx: Tx,
  input: UserInput,
  passwordHash: string,
  now: string,
  demo = false,
): Promise<UserRow> {
  const row = await tx
    .insertInto('users')
    .values({
      login: input.login,
      ...profileColumns(input),
      password_hash: passwordHash,
      must_change_password: demo ? 0 : 1,
      enabled: 1,
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: 0,
      demo: demo ? 1 : 0,
      last_login_at: null,
      password_changed_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceMemberships(tx, row.id, input.memberships);
  return row;
}

export async function createUser(ctx: AppContext, actor: Actor, who: Who, input: UserInput) {
  if (!can(actor, 'user.manage')) throw new AppError('FORBIDDEN');
  await assertMemberships(ctx.db.kysely, reachOf(actor, 'user.manage'), input.memberships);
  if (await findUserByLogin(ctx.db.kysely, input.login))
    throw new AppError('DUPLICATE', `登录名“${input.login}”已被使用`);
  const temporaryPassword = randomPassword();
  const hash = await hashPassword(temporaryPassword);
  const user = await inTransaction(ctx, who, async (tx, audit) => {
    const row = await insertUser(tx, input, hash, ctx.clock.iso());
    await audit({
      action: 'user.create',
      targetType: 'user',
      targetId: row.id,
      summary: {
        after: { login: row.login, realName: row.real_name, orgs: input.memberships.map((m) => m.orgId) },
      },
    });
    return row;
  });
  return { user, temporaryPassword };
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: UserUpdate,
): Promise<UserRow> {
  const { user } = await loadReachableUser(ctx, actor, id, 'user.manage');
  if (user.version !== input.version) throw new AppError('CONFLICT');
  await assertMemberships(ctx.db.kysely, reachOf(actor, 'user.manage'), input.memberships);
  return inTransaction(ctx, who, async (tx, audit) => {
    const patch = profileColumns(input);
    const result = await tx
      .updateTable('users')
      .set({ ...patch, version: user.version + 1, updated_at: ctx.clock.iso() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
    const beforeOrgs = (
      await tx
        .selectFrom('memberships')
        .select('org_id')
        .where('user_id', '=', id)
        .orderBy('sort_order')
        .execute()
    ).map((m) => m.org_id);
    await audit({
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      summary: changes(
        { ...user, orgs: beforeOrgs },
        { ...patch, orgs: input.memberships.map((m) => m.orgId) },
      ),
    });
    await replaceMemberships(tx, id, input.memberships);
    return (await findUser(tx, id))!;
  });
}

export async function setUserEnabled(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  enabled: boolean,
): Promise<UserRow> {
  const { user, target } = await loadReachableUser(ctx, actor, id, 'user.manage');
  if (id === actor.id) throw new AppError('FORBIDDEN', '不能停用自己的账号');
  if (isOtherAdmin(actor, target))
    throw new AppError('SEPARATION_OF_DUTIES', '三员分立：不能停用其他管理员的账号');
  return inTransaction(ctx, who, async (tx, audit) => {
    await tx
      .updateTable('users')
      .set({ enabled: enabled ? 1 : 0, version: user.version + 1, updated_at: ctx.clock.iso() })
      .where('id', '=', id)
      .execute();
    if (!enabled) await deleteUserSessions(tx, id);
    await audit({
      action: 'user.enable',
      targetType: 'user',
      targetId: id,
      summary: { before: { enabled: user.enabled === 1 }, after: { enabled } },
    });
    return (await findUser(tx, id))!;
  });
}

export async function resetUserPassword(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
): Promise<string> {
  const { target } = await loadReachableUser(ctx, actor, id, 'user.manage');
  if (id === actor.id) throw new AppError('FORBIDDEN', '请通过“修改密码”修改自己的密码');
  if (isOtherAdmin(actor, target))
    throw new AppError('SEPARATION_OF_DUTIES', '三员分立：不能重置其他管理员的密码');
  return resetCredentials(ctx, who, id, {});
}

/**
 * A full credential reset: a one-time password that must be changed, the second factor
 * cleared (a lost authenticator is re-enrolled afterwards), every session ended, any lockout
 * lifted. Returns the one-time password.
 */
export async function resetCredentials(
  ctx: AppContext,
  who: Who,
  id: number,
  summary: Record<string, unknown>,
): Promise<string> {
  const temporaryPassword = randomPassword();
  const hash = await hashPassword(temporaryPassword);
  await inTransaction(ctx, who, async (tx, audit) => {
    const user = await tx
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: 1,
        totp_enabled: 0,
        totp_secret: null,
        updated_at: ctx.clock.iso(),
      })
      .where('id', '=', id)
      .returning('login')
      .executeTakeFirstOrThrow();
    await deleteUserSessions(tx, id);
    await tx.deleteFrom('login_throttle').where('login', '=', user.login.toLowerCase()).execute();
    await audit({ action: 'user.reset_password', targetType: 'user', targetId: id, summary });
  });
  return temporaryPassword;
}
