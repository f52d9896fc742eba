import type { Me } from '../../../shared/schemas/auth.ts';
import { type AppContext, inTransaction, type Tx, type Who } from '../../context.ts';
import { addMs, DAY, HOUR, MINUTE } from '../../lib/clock.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { permissionsOf, totpRequiredFor } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import {
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  insertSession,
  loadGrants,
  touchSession,
} from '../sessions/sessions.repository.ts';
import type { Settings } from '../settings/settings.service.ts';
import { clearFailures, lockedUntil, recordLogin, registerFailure } from './login-log.repository.ts';
import { assertPasswordPolicy, burnPasswordCheck, hashPassword, verifyPassword } from './password.ts';
import { generateTotpSecret, matchTotp, totpUri } from './totp.ts';

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

export type LoginOutcome = { status: 'totp_required'; token: string } | { status: 'ok'; token: string };

const TOTP_CHALLENGE_MS = 5 * MINUTE;
const MAX_TOTP_ATTEMPTS = 5;
/** last_seen_at is written at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = MINUTE;

/**
 * Inserts a session inside the caller's transaction. Settings are passed in, read before the
 * transaction: on SQLite a read outside the open transaction would wait for its connection.
 */
async function createSession(
  ctx: AppContext,
  tx: Parameters<typeof insertSession>[0],
  settings: Settings,
  userId: number,
  stage: 'totp' | 'full',
  client: ClientInfo,
): Promise<string> {
  const token = randomToken();
  const now = ctx.clock.now();
  await insertSession(tx, {
    id: sha256(token),
    user_id: userId,
    stage,
    csrf_token: randomToken(24),
    ip: client.ip,
    user_agent: client.userAgent.slice(0, 300),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: addMs(now, stage === 'totp' ? TOTP_CHALLENGE_MS : settings.sessionAbsoluteHours * HOUR),
    totp_attempts: 0,
  });
  return token;
}

function lockedError(settings: Settings): AppError {
  return new AppError(
    'LOGIN_LOCKED',
    `登录失败次数过多，该账号已临时锁定，请${settings.lockoutMinutes}分钟后再试`,
  );
}

export async function login(
  ctx: AppContext,
  loginName: string,
  password: string,
  client: ClientInfo,
): Promise<LoginOutcome> {
  const settings = await ctx.settings.get();
  const key = loginName.trim().toLowerCase();
  const now = ctx.clock.now();
  const db = ctx.db.kysely;
  const log = (result: string, userId: number | null, tx: Tx = db) =>
    recordLogin(tx, {
      at: now.toISOString(),
      login: key,
      userId,
      ip: client.ip,
      userAgent: client.userAgent,
      result,
    });

  if (await lockedUntil(db, key, now.toISOString())) {
    await log('locked', null);
    throw lockedError(settings);
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'login', 'password_hash', 'enabled', 'totp_enabled', 'demo'])
    .where((eb) => eb(eb.fn('lower', ['login']), '=', key))
    .executeTakeFirst();
  const passwordOk = user
    ? await verifyPassword(user.password_hash, password)
    : await burnPasswordCheck(password);

  // Demo accounts exist only in demo mode: a production start never lets them in.
  const usable = user?.enabled === 1 && !(user.demo === 1 && !ctx.config.demo);
  if (!user || !passwordOk || !usable) {
    const locked = await registerFailure(
      db,
      key,
      now,
      settings.lockoutThreshold,
      settings.lockoutMinutes * MINUTE,
    );
    await log(user && passwordOk ? 'disabled' : locked ? 'locked' : 'bad_credentials', user?.id ?? null);
    if (locked) throw lockedError(settings);
    throw new AppError('LOGIN_FAILED');
  }

  return inTransaction(
    ctx,
    { actor: { id: user.id, login: user.login }, ip: client.ip },
    async (tx, audit) => {
      // With a second factor the failure count is cleared only once the code is right, so a
      // known password does not reset the budget for guessing codes.
      if (user.totp_enabled) {
        await log('totp_required', user.id, tx);
        return {
          status: 'totp_required',
          token: await createSession(ctx, tx, settings, user.id, 'totp', client),
        };
      }
      await tx
        .updateTable('users')
        .set({ last_login_at: now.toISOString() })
        .where('id', '=', user.id)
        .execute();
      await clearFailures(tx, key);
      await log('success', user.id, tx);
      await audit({
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        summary: { factor: 'password' },
      });
      return { status: 'ok', token: await createSession(ctx, tx, settings, user.id, 'full', client) };
    },
  );
}

/** Second step: a TOTP code upgrades the pending session to a new, full one (new token). */
export async function completeTotp(
  ctx: AppContext,
  pendingToken: string,
  code: string,
  client: ClientInfo,
): Promise<string> {
  const settings = await ctx.settings.get();
  const db = ctx.db.kysely;
  const now = ctx.clock.now();
  const session = await findSessionWithUser(db, sha256(pendingToken));
  if (session?.stage !== 'totp' || session.expires_at <= now.toISOString()) {
    throw new AppError('UNAUTHENTICATED', '验证已超时，请重新输入登录名和密码');
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'login', 'totp_secret', 'totp_last_step'])
    .where('id', '=', session.user_id)
    .executeTakeFirstOrThrow();
  const step = user.totp_secret
    ? matchTotp(user.totp_secret, code, now.getTime(), user.totp_last_step)
    : null;
  const key = user.login.toLowerCase();
  const log = (result: string, tx: Tx = db) =>
    recordLogin(tx, {
      at: now.toISOString(),
      login: key,
      userId: user.id,
      ip: client.ip,
      userAgent: client.userAgent,
      result,
    });
  if (step === null) {
    const attempts = session.totp_attempts + 1;
    await log('totp_failed');
    // Wrong codes count toward the account lockout like wrong passwords do.
    const locked = await registerFailure(
      db,
      key,
      now,
      settings.lockoutThreshold,
      settings.lockoutMinutes * MINUTE,
    );
    if (locked) {
      await deleteSession(db, session.id);
      throw lockedError(settings);
    }
    if (attempts >= MAX_TOTP_ATTEMPTS) {
      await deleteSession(db, session.id);
      throw new AppError('UNAUTHENTICATED', '动态验证码错误次数过多，请重新登录');
    }
    await db.updateTable('sessions').set({ totp_attempts: attempts }).where('id', '=', session.id).execute();
    throw new AppError('TOTP_INVALID');
  }
  return inTransaction(
    ctx,
    { actor: { id: user.id, login: user.login }, ip: client.ip },
    async (tx, audit) => {
      await deleteSession(tx, session.id);
      await tx
        .updateTable('users')
        .set({ totp_last_step: step, last_login_at: now.toISOString() })
        .where('id', '=', user.id)
        .execute();
      await clearFailures(tx, key);
      await log('success', tx);
      await audit({
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        summary: { factor: 'password+totp' },
      });
      return createSession(ctx, tx, settings, user.id, 'full', client);
    },
  );
}

/**
 * Loads the actor behind a session token, enforcing idle and absolute expiry. A session read
 * in the last moments is served from the instance's actor cache (see ActorCache).
 */
export async function authenticate(ctx: AppContext, token: string): Promise<Actor | null> {
  const db = ctx.db.kysely;
  const id = sha256(token);
  const now = ctx.clock.now();
  const settings = await ctx.settings.get();
  const idleLimit = addMs(now, -settings.sessionIdleMinutes * MINUTE);
  const expired = (expiresAt: string, lastSeenAt: string) =>
    expiresAt <= now.toISOString() || lastSeenAt <= idleLimit;

  const cached = ctx.actors.get(id);
  if (cached && !expired(cached.actor.sessionExpiresAt, cached.lastSeenAt)) {
    if (now.getTime() - Date.parse(cached.lastSeenAt) <= TOUCH_EVERY_MS) return cached.actor;
  }

  const s = await findSessionWithUser(db, id);
  if (s?.stage !== 'full' || !s.enabled) return null;
  if (s.demo === 1 && !ctx.config.demo) return null;
  if (expired(s.expires_at, s.last_seen_at)) {
    await deleteSession(db, id);
    ctx.actors.delete(id);
    return null;
  }
  let lastSeenAt = s.last_seen_at;
  if (now.getTime() - Date.parse(s.last_seen_at) > TOUCH_EVERY_MS) {
    lastSeenAt = now.toISOString();
    await touchSession(db, id, lastSeenAt);
  }
  const grants = await loadGrants(db, s.user_id);
  const actor: Actor = {
    id: s.user_id,
    login: s.login,
    realName: s.real_name,
    demo: s.demo === 1,
    mustChangePassword: s.must_change_password === 1,
    passwordChangedAt: s.password_changed_at ?? s.created_at_user,
    totpEnabled: s.totp_enabled === 1,
    grants,
    sessionId: id,
    csrfToken: s.csrf_token,
    sessionExpiresAt: s.expires_at,
  };
  ctx.actors.set(id, { actor, lastSeenAt, loadedAt: Date.now() });
  return actor;
}

export async function requirementsOf(ctx: AppContext, actor: Actor): Promise<Me['requirements']> {
  const settings = await ctx.settings.get();
  return {
    passwordChange:
      actor.mustChangePassword ||
      (settings.passwordMaxAgeDays > 0 &&
        actor.passwordChangedAt < addMs(ctx.clock.now(), -settings.passwordMaxAgeDays * DAY)),
    totpEnroll: !actor.totpEnabled && totpRequiredFor(actor, settings.totpRequiredRoles),
  };
}

export async function presentMe(ctx: AppContext, actor: Actor): Promise<Me> {
  return {
    id: actor.id,
    login: actor.login,
    realName: actor.realName,
    grants: actor.grants.map((g) => ({
      id: g.id,
      role: g.role,
      orgId: g.orgId,
      orgName: g.orgName,
      scope: g.scope,
    })),
    permissions: permissionsOf(actor),
    totpEnabled: actor.totpEnabled,
    requirements: await requirementsOf(ctx, actor),
    csrfToken: actor.csrfToken,
    sessionExpiresAt: actor.sessionExpiresAt,
    demo: actor.demo,
  };
}

export async function logout(ctx: AppContext, actor: Actor, who: Who, client: ClientInfo): Promise<void> {
  await inTransaction(ctx, who, async (tx, audit) => {
    await deleteSession(tx, actor.sessionId);
    await recordLogin(tx, {
      at: ctx.clock.iso(),
      login: actor.login.toLowerCase(),
      userId: actor.id,
      ip: client.ip,
      userAgent: client.userAgent,
      result: 'logout',
    });
    await audit({ action: 'auth.logout', targetType: 'user', targetId: actor.id, summary: {} });
  });
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  current: string,
  next: string,
): Promise<void> {
  const user = await ctx.db.kysely
    .selectFrom('users')
    .select(['password_hash', 'login'])
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, current))) throw new AppError('PASSWORD_WRONG');
  assertPasswordPolicy(next, user.login);
  if (await verifyPassword(user.password_hash, next))
    throw new AppError('PASSWORD_WEAK', '新密码不能与当前密码相同');
  const hash = await hashPassword(next);
  await inTransaction(ctx, who, async (tx, audit) => {
    await tx
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: 0,
        password_changed_at: ctx.clock.iso(),
        updated_at: ctx.clock.iso(),
      })
      .where('id', '=', actor.id)
      .execute();
    // Every other session of this user ends: whoever knew the old password is out.
    await deleteUserSessions(tx, actor.id, actor.sessionId);
    await audit({ action: 'auth.password_change', targetType: 'user', targetId: actor.id, summary: {} });
  });
}

/** Starts enrolment: stores a fresh secret (not yet enabled) and returns it for the app. */
export async function setupTotp(ctx: AppContext, actor: Actor): Promise<{ secret: string; uri: string }> {
  const secret = generateTotpSecret();
  await ctx.db.kysely
    .updateTable('users')
    .set({ totp_secret: secret, totp_enabled: 0 })
    .where('id', '=', actor.id)
    .where('totp_enabled', '=', 0)
    .execute();
  const row = await ctx.db.kysely
    .selectFrom('users')
    .select(['totp_enabled'])
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  if (row.totp_enabled) throw new AppError('CONFLICT', '已启用动态验证码，如需更换请先停用');
  return { secret, uri: totpUri(secret, actor.login) };
}

export async function enableTotp(ctx: AppContext, actor: Actor, who: Who, code: string): Promise<void> {
  const user = await ctx.db.kysely
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled', 'totp_last_step'])
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  if (user.totp_enabled) throw new AppError('CONFLICT', '已启用动态验证码');
  if (!user.totp_secret) throw new AppError('BAD_REQUEST', '请先获取绑定二维码');
  const step = matchTotp(user.totp_secret, code, ctx.clock.now().getTime(), user.totp_last_step);
  if (step === null) throw new AppError('TOTP_INVALID');
  await inTransaction(ctx, who, async (tx, audit) => {
    await tx
      .updateTable('users')
      .set({ totp_enabled: 1, totp_last_step: step })
      .where('id', '=', actor.id)
      .execute();
    await audit({ action: 'auth.totp_enable', targetType: 'user', targetId: actor.id, summary: {} });
  });
}

export async function disableTotp(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  password: string,
  code: string,
): Promise<void> {
  const settings = await ctx.settings.get();
  if (totpRequiredFor(actor, settings.totpRequiredRoles)) {
    throw new AppError('FORBIDDEN', '按安全策略，您的角色必须使用动态验证码，不能停用');
  }
  const user = await ctx.db.kysely
    .selectFrom('users')
    .select(['password_hash', 'totp_secret', 'totp_enabled', 'totp_last_step'])
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  if (!user.totp_enabled || !user.totp_secret) throw new AppError('CONFLICT', '尚未启用动态验证码');
  if (!(await verifyPassword(user.password_hash, password))) throw new AppError('PASSWORD_WRONG');
  if (matchTotp(user.totp_secret, code, ctx.clock.now().getTime(), user.totp_last_step) === null)
    throw new AppError('TOTP_INVALID');
  await inTransaction(ctx, who, async (tx, audit) => {
    await tx
      .updateTable('users')
      .set({ totp_enabled: 0, totp_secret: null })
      .where('id', '=', actor.id)
      .execute();
    await audit({ action: 'auth.totp_disable', targetType: 'user', targetId: actor.id, summary: {} });
  });
}
