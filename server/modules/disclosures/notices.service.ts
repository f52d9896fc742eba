import type { NoticeInput, NoticeUpdate } from '../../../shared/schemas/portal.ts';
import { type AppContext, inTransaction, type Tx, type Who } from '../../context.ts';
import type { NoticeRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { desksOf, type OrgRef } from '../items/desks.ts';
import { type Refusals, updateIfUnchanged } from './guarded-update.ts';
import { findNotice } from './notices.repository.ts';

/** The CPPCCs whose portal notices the actor writes (信息处, `portal.manage`). */
export function noticeDesks(tx: Tx, actor: Actor): Promise<OrgRef[]> {
  return desksOf(tx, actor, 'portal.manage');
}

/** A notice of one of the actor's desks; 404 alike when missing or someone else's. */
export async function loadNotice(tx: Tx, actor: Actor, id: number): Promise<NoticeRow> {
  const row = await findNotice(tx, id);
  const desks = await noticeDesks(tx, actor);
  if (!row || !desks.some((d) => d.id === row.org_id))
    throw new AppError('NOT_FOUND', '公告不存在或您无权查看');
  return row;
}

const STALE = '该公告已被他人修改，请刷新后再操作';
/** A change that lost the race to another one (see guarded-update.ts). */
const REFUSALS: Refusals = { state: 'NOTICE_STATE', conflict: STALE };

function assertVersion(row: NoticeRow, version: number): void {
  if (row.version !== version) throw new AppError('CONFLICT', STALE);
}

/** A new notice starts as a draft (草稿), visible only to the office. */
export async function createNotice(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  input: NoticeInput,
): Promise<number> {
  const at = ctx.clock.iso();
  return inTransaction(ctx, who, async (tx, audit) => {
    if (!(await noticeDesks(tx, actor)).some((d) => d.id === input.orgId))
      throw new AppError('FORBIDDEN', '只能为本级政协发布公告');
    const { id } = await tx
      .insertInto('notices')
      .values({
        org_id: input.orgId,
        status: 'draft',
        title: input.title,
        body: input.body,
        publish_on: input.publishOn,
        pinned: input.pinned ? 1 : 0,
        created_by: actor.id,
        created_at: at,
        updated_by: actor.id,
        updated_at: at,
        withdraw_reason: '',
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'notice.create',
      targetType: 'notice',
      targetId: id,
      summary: { title: input.title },
    });
    return id;
  });
}

/** Drafts and published notices may be corrected; a withdrawn one stays as it was. */
export async function updateNotice(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: NoticeUpdate,
): Promise<void> {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const row = await loadNotice(tx, actor, id);
    if (row.status === 'withdrawn') throw new AppError('NOTICE_STATE', '该公告已撤下，不能再修改');
    assertVersion(row, input.version);
    await updateIfUnchanged(
      tx,
      'notices',
      row,
      {
        title: input.title,
        body: input.body,
        publish_on: input.publishOn,
        pinned: input.pinned ? 1 : 0,
        updated_by: actor.id,
        updated_at: at,
      },
      REFUSALS,
    );
    await audit({
      action: 'notice.update',
      targetType: 'notice',
      targetId: id,
      summary: { title: input.title, status: row.status },
    });
  });
}

/** Publishes a draft; it appears on the portal from its publish day (Beijing calendar). */
export async function publishNotice(ctx: AppContext, actor: Actor, who: Who, id: number, version: number) {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const row = await loadNotice(tx, actor, id);
    if (row.status !== 'draft') throw new AppError('NOTICE_STATE', '只有草稿状态的公告可以发布');
    assertVersion(row, version);
    await updateIfUnchanged(
      tx,
      'notices',
      { id, version: row.version, status: 'draft' },
      { status: 'published', published_by: actor.id, published_at: at },
      REFUSALS,
    );
    await audit({
      action: 'notice.publish',
      targetType: 'notice',
      targetId: id,
      summary: { title: row.title, publishOn: row.publish_on },
    });
  });
}

/** Takes a notice off the portal (or drops a draft) with a reason; the record stays. */
export async function withdrawNotice(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: { reason: string; version: number },
) {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const row = await loadNotice(tx, actor, id);
    if (row.status === 'withdrawn') throw new AppError('NOTICE_STATE', '该公告已撤下');
    assertVersion(row, input.version);
    await updateIfUnchanged(
      tx,
      'notices',
      row,
      { status: 'withdrawn', withdrawn_by: actor.id, withdrawn_at: at, withdraw_reason: input.reason },
      REFUSALS,
    );
    await audit({
      action: 'notice.withdraw',
      targetType: 'notice',
      targetId: id,
      summary: { title: row.title, was: row.status, reason: input.reason },
    });
  });
}
