import {
  ITEM_ACTIONS,
  ITEM_STATES,
  type ItemAction,
  type ItemActionDef,
  type ItemState,
  nextState,
} from '../../../shared/workflow/items.ts';
import { type AppContext, inTransaction, type Who } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { notify } from '../notifications/notifications.service.ts';
import { rescoreItem } from '../scores/scores.service.ts';
import { reindexItem } from './item-search.ts';
import { accessOf, type ItemAccess, loadDesks } from './items.policy.ts';
import { appendEvent, findItem } from './items.repository.ts';
import { effectOf, type Step, type TransitionRequest } from './transition.effects.ts';
import { notifyParties } from './transition.notify.ts';

export type { TransitionRequest } from './transition.effects.ts';

const REASON_LABELS: Partial<Record<ItemAction, string>> = {
  return: '退回理由',
  reject: '不予采用的理由',
  refer: '转办说明',
  deselect: '撤销拟用的理由',
  handover: '转交原因',
};

/**
 * Takes one action on one item, inside the caller's transaction: checks the table and the
 * actor's part, applies the action, bumps the row version (refusing a stale one) and appends
 * the event, the audit row and the notifications.
 */
export async function applyAction(s: Step, access: ItemAccess | null): Promise<ItemRow> {
  const { tx, item, req, now } = s;
  const def: ItemActionDef = ITEM_ACTIONS[req.action];
  if (access === null ? def.by !== 'system' : def.by === 'system' || !access.parties.has(def.by))
    throw new AppError('FORBIDDEN', `您不能对该信息执行“${def.label}”`);
  const from = item.status as ItemState;
  const to = nextState(req.action, from);
  if (to === undefined)
    throw new AppError(
      'ITEM_ACTION_NOT_ALLOWED',
      `该信息当前为“${ITEM_STATES[from]}”，不能执行“${def.label}”，请刷新页面查看最新状态`,
      { status: from, action: req.action },
    );
  if (req.version !== item.version) throw new AppError('ITEM_STALE', undefined, { version: item.version });
  const reason = req.reason.trim();
  if (def.reason && reason === '')
    throw new AppError('VALIDATION_FAILED', `请填写${REASON_LABELS[req.action]}`);

  // Claim the row first: of two people acting on the same version, the second waits here
  // (PostgreSQL row lock; SQLite's single writer) and then finds the version moved on.
  const at = now.toISOString();
  const claimed = await tx
    .updateTable('items')
    .set({ version: item.version + 1, updated_at: at })
    .where('id', '=', item.id)
    .where('version', '=', item.version)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1)
    throw new AppError('ITEM_STALE', undefined, { version: item.version });
  const effect = await effectOf({ ...s, req: { ...req, reason }, parties: access?.parties });
  await tx
    .updateTable('items')
    .set({ ...effect.patch, status: to })
    .where('id', '=', item.id)
    .execute();
  await reindexItem(tx, item.id);
  await appendEvent(tx, {
    itemId: item.id,
    action: req.action,
    from,
    to,
    actorId: s.actor?.id ?? null,
    reason,
    note: effect.note,
    at,
  });
  // Publication and referral score (after the event they are scored by is on record).
  if (req.action === 'publish' || req.action === 'refer') await rescoreItem(tx, item.id);
  await s.audit({
    action: `item.${req.action}`,
    targetType: 'item',
    targetId: item.id,
    summary: { from, to, ...(reason ? { reason } : {}), ...(effect.note ? { note: effect.note } : {}) },
  });
  if (effect.tell) await notify(tx, effect.tell.userIds, { ...effect.tell, itemId: item.id }, at);
  const updated = (await findItem(tx, item.id)) as ItemRow;
  await notifyParties(tx, s.actor, item, updated, req.action, reason, effect, at);
  return updated;
}

/** One action requested by a person through the API. */
export async function transitionItem(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  req: TransitionRequest,
): Promise<void> {
  const settings = await ctx.settings.get();
  await inTransaction(ctx, who, async (tx, audit) => {
    const item = await findItem(tx, id);
    const access = item ? await accessOf(tx, actor, item, await loadDesks(tx, actor)) : null;
    if (!item || !access?.visible) throw new AppError('NOT_FOUND', '信息不存在或您无权查看');
    await applyAction({ tx, actor, item, req, settings, now: ctx.clock.now(), audit }, access);
  });
}

/** Actions the platform takes itself: publishing and forwarding (publications), AB hand-over. */
export type SystemAction = 'publish' | 'forward' | 'handover';

/** One action taken by the platform on one item, in its own transaction. */
export async function systemTransition(
  ctx: AppContext,
  id: number,
  action: SystemAction,
  reason = '',
): Promise<ItemRow> {
  const settings = await ctx.settings.get();
  return inTransaction(ctx, { actor: null, ip: 'system' }, async (tx, audit) => {
    const item = await findItem(tx, id);
    if (!item) throw new AppError('NOT_FOUND', '信息不存在');
    return applyAction(
      {
        tx,
        actor: null,
        item,
        req: {
          action,
          version: item.version,
          reason,
          declarations: [],
          assigneeId: null,
          content: null,
          referOrgId: null,
        },
        settings,
        now: ctx.clock.now(),
        audit,
      },
      null,
    );
  });
}
