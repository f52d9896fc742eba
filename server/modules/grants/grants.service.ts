import type { OrgType } from '../../../shared/orgs.ts';
import type { Role } from '../../../shared/roles.ts';
import type { GrantInput, GrantView } from '../../../shared/schemas/grants.ts';
import { type AppContext, inTransaction, type Tx, type Who } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { can, reachCoversScope, reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { findOrg, orgReachFilter } from '../orgs/orgs.repository.ts';
import { rolesOf } from '../users/users.repository.ts';
import { loadReachableUser } from '../users/users.service.ts';
import { grantRefusal } from './grants.policy.ts';

function grantsQuery(tx: Tx) {
  return tx
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('organizations', 'organizations.id', 'role_grants.org_id')
    .leftJoin('users as granter', 'granter.id', 'role_grants.granted_by');
}

export async function listGrants(
  ctx: AppContext,
  actor: Actor,
  q: { page: number; pageSize: number; userId?: number; role?: Role; orgId?: number },
): Promise<{ data: GrantView[]; total: number }> {
  if (!can(actor, 'grant.read')) throw new AppError('FORBIDDEN');
  let base = grantsQuery(ctx.db.kysely).where(orgReachFilter(reachOf(actor, 'grant.read')));
  if (q.userId) base = base.where('role_grants.user_id', '=', q.userId);
  if (q.role) base = base.where('role_grants.role', '=', q.role);
  if (q.orgId) base = base.where('role_grants.org_id', '=', q.orgId);
  const [rows, count] = await Promise.all([
    base
      .select([
        'role_grants.id',
        'role_grants.user_id',
        'role_grants.role',
        'role_grants.org_id',
        'role_grants.scope',
        'role_grants.created_at',
        'users.login',
        'users.real_name',
        'organizations.name as org_name',
        'granter.real_name as granter_name',
      ])
      .orderBy('role_grants.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.c),
    data: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      userLogin: r.login,
      userRealName: r.real_name,
      role: r.role as Role,
      orgId: r.org_id,
      orgName: r.org_name,
      scope: r.scope as GrantView['scope'],
      grantedBy: r.granter_name ?? '系统初始化',
      createdAt: r.created_at,
    })),
  };
}

export async function createGrant(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  input: GrantInput,
): Promise<number> {
  if (!can(actor, 'grant.manage')) throw new AppError('FORBIDDEN');
  if (input.userId === actor.id) throw new AppError('SEPARATION_OF_DUTIES', '不能给自己授予角色');
  const { user } = await loadReachableUser(ctx, actor, input.userId, 'grant.manage');
  const org = await findOrg(ctx.db.kysely, input.orgId);
  const reach = reachOf(actor, 'grant.manage');
  if (!org || !reachCoversScope(reach, org, 'org'))
    throw new AppError('NOT_FOUND', '组织不存在或不在您的管理范围内');
  if (!org.active) throw new AppError('VALIDATION_FAILED', '该组织已停用，不能授予角色');
  if (!reachCoversScope(reach, org, input.scope)) {
    throw new AppError('FORBIDDEN', '授予的数据范围不能超出您本人的管理范围');
  }
  const held = (await rolesOf(ctx.db.kysely, user.id)) as Role[];
  const refusal = grantRefusal(input.role, org.type as OrgType, input.scope, held);
  if (refusal)
    throw new AppError(
      refusal.startsWith('三员分立') ? 'SEPARATION_OF_DUTIES' : 'VALIDATION_FAILED',
      refusal,
    );
  return inTransaction(ctx, who, async (tx, audit) => {
    const existing = await tx
      .selectFrom('role_grants')
      .select('id')
      .where('user_id', '=', user.id)
      .where('role', '=', input.role)
      .where('org_id', '=', org.id)
      .executeTakeFirst();
    if (existing) throw new AppError('DUPLICATE', '该用户在此组织已有该角色');
    const row = await tx
      .insertInto('role_grants')
      .values({
        user_id: user.id,
        role: input.role,
        org_id: org.id,
        scope: input.scope,
        granted_by: actor.id,
        created_at: ctx.clock.iso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'grant.create',
      targetType: 'user',
      targetId: user.id,
      summary: { after: { role: input.role, org: org.name, scope: input.scope } },
    });
    return row.id;
  });
}

export async function revokeGrant(ctx: AppContext, actor: Actor, who: Who, id: number): Promise<void> {
  if (!can(actor, 'grant.manage')) throw new AppError('FORBIDDEN');
  const grant = await ctx.db.kysely
    .selectFrom('role_grants')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  const org = grant ? await findOrg(ctx.db.kysely, grant.org_id) : undefined;
  if (
    !grant ||
    !org ||
    !reachCoversScope(reachOf(actor, 'grant.manage'), org, grant.scope as GrantInput['scope'])
  ) {
    throw new AppError('NOT_FOUND', '授权记录不存在或不在您的管理范围内');
  }
  if (grant.user_id === actor.id) throw new AppError('SEPARATION_OF_DUTIES', '不能撤销自己的角色');
  await inTransaction(ctx, who, async (tx, audit) => {
    await tx.deleteFrom('role_grants').where('id', '=', id).execute();
    await audit({
      action: 'grant.revoke',
      targetType: 'user',
      targetId: grant.user_id,
      summary: { before: { role: grant.role, org: org.name, scope: grant.scope } },
    });
  });
}
