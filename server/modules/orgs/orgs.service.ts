import { ORG_CHILD_TYPES, ORG_TYPES, type OrgType } from '../../../shared/orgs.ts';
import type { OrgInput, OrgUpdate } from '../../../shared/schemas/orgs.ts';
import { type AppContext, inTransaction, type Who } from '../../context.ts';
import type { OrgRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { reachCoversOrg, reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { changes } from '../audit/audit.service.ts';
import {
  countActiveChildren,
  countReferences,
  findOrg,
  insertOrg,
  rewriteSubtreePaths,
} from './orgs.repository.ts';

function assertChildType(parent: OrgRow | null, type: OrgType): void {
  if (!parent) {
    if (type !== 'cppcc_province') throw new AppError('VALIDATION_FAILED', '顶层组织只能是省政协');
    return;
  }
  if (!ORG_CHILD_TYPES[parent.type as OrgType].includes(type)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `“${ORG_TYPES[parent.type as OrgType]}”下不能设立“${ORG_TYPES[type]}”`,
    );
  }
}

/** Loads an organisation the actor may manage; 404 when it is missing or out of reach. */
async function loadManaged(ctx: AppContext, actor: Actor, id: number): Promise<OrgRow> {
  const org = await findOrg(ctx.db.kysely, id);
  if (!org || !reachCoversOrg(reachOf(actor, 'org.manage'), org))
    throw new AppError('NOT_FOUND', '组织不存在或您无权管理');
  return org;
}

export async function createOrg(ctx: AppContext, actor: Actor, who: Who, input: OrgInput): Promise<OrgRow> {
  const reach = reachOf(actor, 'org.manage');
  let parent: OrgRow | null = null;
  if (input.parentId === null) {
    if (!reach.all) throw new AppError('FORBIDDEN', '只有全省范围的系统管理员可以建立顶层组织');
    const root = await ctx.db.kysely
      .selectFrom('organizations')
      .select('id')
      .where('parent_id', 'is', null)
      .executeTakeFirst();
    if (root) throw new AppError('DUPLICATE', '全省只能有一个顶层组织（省政协）');
  } else {
    parent = await loadManaged(ctx, actor, input.parentId);
    if (!parent.active) throw new AppError('VALIDATION_FAILED', '上级组织已停用，不能在其下新建组织');
  }
  assertChildType(parent, input.type);
  const now = ctx.clock.iso();
  return inTransaction(ctx, who, async (tx, audit) => {
    const org = await insertOrg(
      tx,
      {
        parent_id: parent?.id ?? null,
        name: input.name,
        short_name: input.shortName,
        type: input.type,
        sort_order: input.sortOrder,
        active: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      },
      parent?.path ?? '/',
    );
    await audit({
      action: 'org.create',
      targetType: 'org',
      targetId: org.id,
      summary: { after: { name: org.name, type: org.type, parentId: org.parent_id } },
    });
    return org;
  });
}

export async function updateOrg(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: OrgUpdate,
): Promise<OrgRow> {
  const org = await loadManaged(ctx, actor, id);
  if (org.version !== input.version) throw new AppError('CONFLICT');
  const patch: Partial<OrgRow> = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.shortName !== undefined) patch.short_name = input.shortName;
  if (input.sortOrder !== undefined) patch.sort_order = input.sortOrder;

  let newParent: OrgRow | null = null;
  if (input.parentId !== undefined && input.parentId !== org.parent_id) {
    if (org.parent_id === null) throw new AppError('VALIDATION_FAILED', '顶层组织不能移动');
    newParent = await loadManaged(ctx, actor, input.parentId);
    if (newParent.path.startsWith(org.path))
      throw new AppError('VALIDATION_FAILED', '不能把组织移动到它自己或它的下级之下');
    if (!newParent.active) throw new AppError('VALIDATION_FAILED', '目标上级组织已停用');
    assertChildType(newParent, org.type as OrgType);
    patch.parent_id = newParent.id;
  }
  if (input.active !== undefined && (input.active ? 1 : 0) !== org.active) {
    if (!input.active && (await countActiveChildren(ctx.db.kysely, id)) > 0) {
      throw new AppError('VALIDATION_FAILED', '该组织下还有启用中的下级组织，请先停用下级组织');
    }
    if (input.active && org.parent_id !== null) {
      const parent = await findOrg(ctx.db.kysely, org.parent_id);
      if (parent && !parent.active)
        throw new AppError('VALIDATION_FAILED', '上级组织已停用，请先启用上级组织');
    }
    patch.active = input.active ? 1 : 0;
  }

  return inTransaction(ctx, who, async (tx, audit) => {
    const result = await tx
      .updateTable('organizations')
      .set({ ...patch, version: org.version + 1, updated_at: ctx.clock.iso() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
    if (newParent) await rewriteSubtreePaths(tx, org.path, `${newParent.path}${org.id}/`);
    await audit({ action: 'org.update', targetType: 'org', targetId: id, summary: changes(org, patch) });
    return (await findOrg(tx, id))!;
  });
}

/** Deletes an organisation nothing refers to; anything referenced can only be deactivated. */
export async function deleteOrg(ctx: AppContext, actor: Actor, who: Who, id: number): Promise<void> {
  const org = await loadManaged(ctx, actor, id);
  const refs = await countReferences(ctx.db.kysely, id);
  if (refs.children + refs.members + refs.grants > 0) {
    throw new AppError(
      'IN_USE',
      `该组织已被引用（下级组织${refs.children}个、成员${refs.members}人、角色授权${refs.grants}项），不能删除，可改为停用`,
      refs,
    );
  }
  await inTransaction(ctx, who, async (tx, audit) => {
    await tx.deleteFrom('organizations').where('id', '=', id).execute();
    await audit({
      action: 'org.delete',
      targetType: 'org',
      targetId: id,
      summary: { before: { name: org.name, type: org.type } },
    });
  });
}
