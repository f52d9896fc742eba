import type { SessionView } from '../../../shared/schemas/auth.ts';
import { type AppContext, inTransaction, type Who } from '../../context.ts';
import { addMs, MINUTE } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { can, reachCoversOrg, reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { recordLogin } from '../auth/login-log.repository.ts';
import { userReachFilter } from '../users/users.repository.ts';
import { loadTarget } from '../users/users.service.ts';
import { deleteSession, deleteUserSessions, liveSessions } from './sessions.repository.ts';

type LiveRow = Awaited<ReturnType<ReturnType<typeof liveSessions>['execute']>>[number];

export function presentSession(row: LiveRow, actor: Actor): SessionView {
  return {
    // The public id is a prefix of the stored hash: enough to address, useless as a credential.
    id: row.id.slice(0, 16),
    userId: row.user_id,
    login: row.login,
    realName: row.real_name,
    ip: row.ip,
    userAgent: row.user_agent,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    current: row.id === actor.sessionId,
  };
}

async function liveWindow(ctx: AppContext) {
  const settings = await ctx.settings.get();
  const now = ctx.clock.now();
  return { now: now.toISOString(), idleSince: addMs(now, -settings.sessionIdleMinutes * MINUTE) };
}

export async function listMySessions(ctx: AppContext, actor: Actor) {
  const w = await liveWindow(ctx);
  const rows = await liveSessions(ctx.db.kysely, w.now, w.idleSince)
    .where('sessions.user_id', '=', actor.id)
    .orderBy('sessions.created_at', 'desc')
    .execute();
  return rows.map((r) => presentSession(r, actor));
}

/** Online users within the reach of `session.manage`. */
export async function listOnline(ctx: AppContext, actor: Actor, page: number, pageSize: number, q?: string) {
  if (!can(actor, 'session.manage')) throw new AppError('FORBIDDEN');
  const w = await liveWindow(ctx);
  const reach = reachOf(actor, 'session.manage');
  let base = liveSessions(ctx.db.kysely, w.now, w.idleSince).where((eb) =>
    eb.exists(
      eb
        .selectFrom('users')
        .select('users.id')
        .whereRef('users.id', '=', 'sessions.user_id')
        .where(userReachFilter(reach, actor.id)),
    ),
  );
  if (q)
    base = base.where((eb) =>
      eb.or([eb('users.login', 'like', `%${q}%`), eb('users.real_name', 'like', `%${q}%`)]),
    );
  const [rows, count] = await Promise.all([
    base
      .orderBy('sessions.last_seen_at', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('c'))
      .executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map((r) => presentSession(r, actor)), total: Number(count.c) };
}

async function findByPublicId(ctx: AppContext, publicId: string) {
  const w = await liveWindow(ctx);
  return liveSessions(ctx.db.kysely, w.now, w.idleSince)
    .where('sessions.id', 'like', `${publicId}%`)
    .executeTakeFirst();
}

export async function revokeMySession(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  publicId: string,
): Promise<void> {
  const row = await findByPublicId(ctx, publicId);
  if (!row || row.user_id !== actor.id) throw new AppError('NOT_FOUND', '会话不存在或已失效');
  await inTransaction(ctx, who, async (tx, audit) => {
    await deleteSession(tx, row.id);
    await audit({
      action: 'session.revoke',
      targetType: 'session',
      targetId: publicId,
      summary: { ip: row.ip },
    });
  });
}

export async function forceLogoutSession(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  publicId: string,
): Promise<void> {
  if (!can(actor, 'session.manage')) throw new AppError('FORBIDDEN');
  const row = await findByPublicId(ctx, publicId);
  if (!row) throw new AppError('NOT_FOUND', '会话不存在或已失效');
  const user = await ctx.db.kysely
    .selectFrom('users')
    .selectAll()
    .where('id', '=', row.user_id)
    .executeTakeFirstOrThrow();
  const target = await loadTarget(ctx.db.kysely, user);
  const reach = reachOf(actor, 'session.manage');
  if (!target.orgs.some((o) => reachCoversOrg(reach, o)))
    throw new AppError('NOT_FOUND', '会话不存在或已失效');
  if (row.user_id === actor.id) throw new AppError('FORBIDDEN', '不能强制自己下线，请使用“退出登录”');
  await inTransaction(ctx, who, async (tx, audit) => {
    await deleteSession(tx, row.id);
    await recordLogin(tx, {
      at: ctx.clock.iso(),
      login: row.login.toLowerCase(),
      userId: row.user_id,
      ip: row.ip,
      userAgent: row.user_agent,
      result: 'forced_logout',
    });
    await audit({
      action: 'session.force_logout',
      targetType: 'user',
      targetId: row.user_id,
      summary: { session: publicId, login: row.login },
    });
  });
}

export async function forceLogoutUser(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  userId: number,
): Promise<void> {
  if (userId === actor.id) throw new AppError('FORBIDDEN', '不能强制自己下线，请使用“退出登录”');
  await inTransaction(ctx, who, async (tx, audit) => {
    await deleteUserSessions(tx, userId);
    await audit({
      action: 'session.force_logout',
      targetType: 'user',
      targetId: userId,
      summary: { all: true },
    });
  });
}
