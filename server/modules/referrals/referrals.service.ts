import { chineseDate } from '../../../shared/issues.ts';
import type { ReferralState } from '../../../shared/referrals.ts';
import type { ReferralCreateInput } from '../../../shared/schemas/referrals.ts';
import { addWorkingDays, buildCalendar, type WorkCalendar } from '../../../shared/workdays.ts';
import type { ItemState } from '../../../shared/workflow/items.ts';
import { type AppContext, type AuditFn, inTransaction, type Tx, type Who } from '../../context.ts';
import type { ItemRow, ReferralRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError, unlessDuplicate } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { appendEvent, findItem } from '../items/items.repository.ts';
import { notify } from '../notifications/notifications.service.ts';
import {
  assertReferrable,
  handlersOf,
  notVisible,
  type OrgLite,
  type ReferralSide,
  sideOf,
  standingOf,
} from './referrals.policy.ts';

/**
 * Items that may be referred: those that have gone out of the office — published in an issue,
 * forwarded upward, or referred (转办) instead of being published.
 */
export const REFERRAL_ITEM_STATES: readonly ItemState[] = ['published', 'forwarded', 'referred'];

export function mayRefer(status: string): boolean {
  return (REFERRAL_ITEM_STATES as readonly string[]).includes(status);
}

export async function calendarOf(ctx: AppContext): Promise<WorkCalendar> {
  return buildCalendar((await ctx.settings.get()).workCalendar);
}

/**
 * The referral, its item and department, and what the actor is to it; refused if neither side
 * (a revoked referral is the office's only, see sideOf).
 */
export async function loadForAction(tx: Tx, actor: Actor, id: number) {
  const row = await tx.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  const org = row ? await loadOrgAny(tx, row.org_id) : undefined;
  if (!row || !org) throw notVisible();
  const side = sideOf(await standingOf(tx, actor), row, org);
  if (!side.office && !side.handler) throw notVisible();
  const item = (await findItem(tx, row.item_id)) as ItemRow;
  return { row, org, side, item };
}

/** The department even if it was deactivated after the referral was made. */
function loadOrgAny(tx: Tx, id: number): Promise<OrgLite | undefined> {
  return tx
    .selectFrom('organizations')
    .select(['id', 'name', 'type', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Moves the referral from `from` to `to` with `patch`, only if nobody moved it first; the event on
 * the item's timeline and the audit row go with it.
 */
export async function moveReferral(
  tx: Tx,
  audit: AuditFn,
  a: {
    actor: Actor;
    row: ReferralRow;
    item: ItemRow;
    from: readonly ReferralState[];
    to: ReferralState;
    patch: Partial<Omit<ReferralRow, 'id'>>;
    action: string;
    note: string;
    reason?: string;
    summary: Record<string, unknown>;
    at: string;
  },
): Promise<void> {
  if (!a.from.includes(a.row.state as ReferralState)) throw new AppError('REFERRAL_STATE');
  const r = await tx
    .updateTable('referrals')
    .set({ ...a.patch, state: a.to, updated_at: a.at })
    .where('id', '=', a.row.id)
    .where('state', '=', a.row.state)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new AppError('REFERRAL_STATE');
  await referralEvent(tx, audit, a);
}

export async function referralEvent(
  tx: Tx,
  audit: AuditFn,
  a: {
    actor: Actor;
    row: Pick<ReferralRow, 'id'>;
    item: ItemRow;
    action: string;
    note: string;
    reason?: string;
    summary: Record<string, unknown>;
    at: string;
  },
) {
  await appendEvent(tx, {
    itemId: a.item.id,
    action: 'handle',
    from: a.item.status as ItemState,
    to: a.item.status as ItemState,
    actorId: a.actor.id,
    note: a.note,
    ...(a.reason ? { reason: a.reason } : {}),
    at: a.at,
  });
  await audit({
    action: a.action,
    targetType: 'item',
    targetId: a.item.id,
    summary: { referralId: a.row.id, ...a.summary },
  });
}

/** 交办: one referral per department, due a number of working days after today. */
export async function createReferrals(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  itemId: number,
  input: ReferralCreateInput,
): Promise<number[]> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = cstDate(now);
  const dueOn = addWorkingDays(today, input.deadlineDays, await calendarOf(ctx));
  return inTransaction(ctx, who, async (tx, audit) => {
    const item = await findItem(tx, itemId);
    if (!item) throw new AppError('NOT_FOUND', '信息不存在或您无权查看');
    const standing = await standingOf(tx, actor);
    if (item.target_org_id === null || !standing.desks.has(item.target_org_id))
      throw new AppError('FORBIDDEN', '只有接收该信息的信息处可以交办');
    if (!mayRefer(item.status)) throw new AppError('REFERRAL_ITEM_STATE');
    const desk = item.target_org_id;
    const ids: number[] = [];
    for (const orgId of input.orgIds) {
      const org = await assertReferrable(tx, desk, orgId);
      const live = await tx
        .selectFrom('referrals')
        .select('id')
        .where('item_id', '=', item.id)
        .where('org_id', '=', org.id)
        .where('state', '<>', 'revoked')
        .executeTakeFirst();
      const duplicate = () =>
        new AppError('REFERRAL_DUPLICATE', `该信息已交办${org.name}，不能重复交办；如需改交，请先撤销原交办`);
      if (live) throw duplicate();
      // A simultaneous referral to the same department passes the check too; the unique index
      // (referrals_live_uq) lets one through and the other is refused in the same words.
      const { id } = await unlessDuplicate(
        tx
          .insertInto('referrals')
          .values({
            item_id: item.id,
            org_id: org.id,
            desk_id: desk,
            state: 'sent',
            note: input.note,
            sent_on: today,
            deadline_days: input.deadlineDays,
            due_on: dueOn,
            created_by: actor.id,
            created_at: at,
            signed_on: null,
            signer_name: '',
            signed_by: null,
            signed_proxy: 0,
            closed_at: null,
            closed_by: null,
            revoked_at: null,
            revoked_by: null,
            revoke_reason: '',
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow(),
        duplicate,
      );
      ids.push(id);
      await referralEvent(tx, audit, {
        actor,
        row: { id },
        item,
        action: 'referral.create',
        note: `交办${org.name}办理，限${input.deadlineDays}个工作日内办复（${chineseDate(dueOn)}前）`,
        summary: { orgId: org.id, deadlineDays: input.deadlineDays, dueOn, note: input.note },
        at,
      });
      await notify(
        tx,
        await handlersOf(tx, org),
        {
          kind: 'referral_task',
          title: `交办件：《${item.title}》`,
          body: `请于${chineseDate(dueOn)}前办复${input.note ? `。交办意见：${input.note.slice(0, 60)}` : ''}`,
          itemId: null,
        },
        at,
      );
    }
    return ids;
  });
}

/** A mistaken referral is revoked (撤销) with a reason, never deleted. */
export async function revokeReferral(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  reason: string,
): Promise<void> {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const { row, org, side, item } = await loadForAction(tx, actor, id);
    requireOffice(side, '只有交办的信息处可以撤销交办');
    await moveReferral(tx, audit, {
      actor,
      row,
      item,
      from: ['sent', 'signed', 'replied'],
      to: 'revoked',
      patch: { revoked_at: at, revoked_by: actor.id, revoke_reason: reason },
      action: 'referral.revoke',
      note: `撤销交办（${org.name}）`,
      reason,
      summary: { orgId: org.id, reason },
      at,
    });
    await notify(
      tx,
      await handlersOf(tx, org),
      { kind: 'referral_task', title: `交办件《${item.title}》已撤销`, body: reason, itemId: null },
      at,
    );
  });
}

export function requireOffice(side: ReferralSide, message: string): void {
  if (!side.office) throw new AppError('FORBIDDEN', message);
}
