import type { DisclosurePrepareInput } from '../../../shared/schemas/portal.ts';
import type { ItemState } from '../../../shared/workflow/items.ts';
import { type AppContext, inTransaction, type Tx, type Who } from '../../context.ts';
import type { DisclosureRow, ItemRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { appendEvent, authorUserIds, findItem } from '../items/items.repository.ts';
import { notify } from '../notifications/notifications.service.ts';
import { assertDesk, disclosureDesks, eligibilityRefusal, issuedIn } from './disclosures.policy.ts';
import { insertLive, liveDisclosure, topicWords } from './disclosures.repository.ts';
import { type Refusals, updateIfUnchanged } from './guarded-update.ts';
import { assertNoPrivateData } from './private-data.ts';

/** Loads the item and checks it may be disclosed at all; returns the publication that carried it. */
async function eligibleItem(tx: Tx, itemId: number): Promise<{ item: ItemRow; publication: string }> {
  const item = await findItem(tx, itemId);
  if (!item) throw new AppError('NOT_FOUND', '信息不存在或您无权查看');
  const issued = await issuedIn(tx, item.id);
  const refusal = eligibilityRefusal(item, issued !== null);
  if (refusal) throw refusal;
  return { item, publication: issued?.publication ?? '' };
}

const STALE = '公开文本已被他人修改或已有新的记录，请刷新后再操作';
/** A change that lost the race to another one (see guarded-update.ts). */
const REFUSALS: Refusals = { state: 'DISCLOSURE_STATE', conflict: STALE };

function assertVersion(live: DisclosureRow | undefined, version: number | null): void {
  if ((live?.version ?? null) !== version) throw new AppError('CONFLICT', STALE);
}

/** Office staff save the public version as a draft (待批准); a disclosed text is not changed in place. */
export async function prepareDisclosure(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  itemId: number,
  input: DisclosurePrepareInput,
): Promise<void> {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const { item } = await eligibleItem(tx, itemId);
    assertDesk(item, (await disclosureDesks(tx, actor)).prepare, '只有接收该信息的信息处可以拟定公开文本');
    const live = await liveDisclosure(tx, item.id);
    if (live?.status === 'disclosed')
      throw new AppError(
        'DISCLOSURE_STATE',
        '该信息已公开，公开文本不能直接修改；如需修改，请先撤销公开再重新拟定',
      );
    assertVersion(live, input.version);
    let id: number;
    if (live) {
      await updateIfUnchanged(
        tx,
        'disclosures',
        { id: live.id, version: live.version, status: 'draft' },
        { title: input.title, text: input.text, prepared_by: actor.id, prepared_at: at, updated_at: at },
        REFUSALS,
      );
      id = live.id;
    } else {
      id = await insertLive(tx, {
        item_id: item.id,
        org_id: item.target_org_id as number,
        status: 'draft',
        title: input.title,
        text: input.text,
        category: '',
        topic: '',
        publication: '',
        prepared_by: actor.id,
        prepared_at: at,
        withdraw_reason: '',
        version: 1,
        updated_at: at,
      });
    }
    await audit({
      action: 'disclosure.prepare',
      targetType: 'item',
      targetId: item.id,
      summary: { disclosureId: id, title: input.title, chars: input.text.length },
    });
  });
}

/**
 * The director approves the public version as shown (editing it in the same step is allowed):
 * consent and issue are checked again, the text must name no one, the category and publication
 * are fixed as public words, the item's timeline and its authors are told.
 */
export async function approveDisclosure(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  itemId: number,
  input: DisclosurePrepareInput,
): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await inTransaction(ctx, who, async (tx, audit) => {
    const { item, publication } = await eligibleItem(tx, itemId);
    assertDesk(
      item,
      (await disclosureDesks(tx, actor)).approve,
      '只有本级信息处处长（批准信息公开权限）可以批准公开',
    );
    const live = await liveDisclosure(tx, item.id);
    if (live?.status === 'disclosed') throw new AppError('DISCLOSURE_STATE', '该信息已经公开');
    assertVersion(live, input.version);
    await assertNoPrivateData(tx, item, input.title, input.text);
    const disclosedOn = cstDate(now);
    const approved = {
      status: 'disclosed',
      title: input.title,
      text: input.text,
      ...(await topicWords(tx, item.topic_id)),
      publication,
      disclosed_on: disclosedOn,
      year: Number(disclosedOn.slice(0, 4)),
      approved_by: actor.id,
      approved_at: at,
      updated_at: at,
    };
    let id: number;
    if (live) {
      await updateIfUnchanged(
        tx,
        'disclosures',
        { id: live.id, version: live.version, status: 'draft' },
        approved,
        REFUSALS,
      );
      id = live.id;
    } else {
      id = await insertLive(tx, {
        ...approved,
        item_id: item.id,
        org_id: item.target_org_id as number,
        prepared_by: actor.id,
        prepared_at: at,
        withdraw_reason: '',
        version: 1,
      });
    }
    // The item's record gained an event: its last change is now (its version, the text's, stays).
    await tx.updateTable('items').set({ updated_at: at }).where('id', '=', item.id).execute();
    await appendEvent(tx, {
      itemId: item.id,
      action: 'disclose',
      from: item.status as ItemState,
      to: item.status as ItemState,
      actorId: actor.id,
      note: `公开标题：${input.title}`,
      at,
    });
    await audit({
      action: 'disclosure.approve',
      targetType: 'item',
      targetId: item.id,
      summary: { disclosureId: id, title: input.title, disclosedOn },
    });
    await notify(
      tx,
      [item.created_by, ...(await authorUserIds(tx, item.id))],
      {
        kind: 'item_status',
        title: `信息《${item.title}》已在公开门户公开`,
        body: `公开标题：${input.title}`,
        itemId: item.id,
      },
      at,
    );
  });
}

/**
 * Withdraws the live record with a reason; it stays on file. A disclosed version vanishes from
 * the portal at once and only the director withdraws it; a draft may be dropped by its preparers.
 */
export async function withdrawDisclosure(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  itemId: number,
  input: { reason: string; version: number },
): Promise<void> {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const item = await findItem(tx, itemId);
    if (!item) throw new AppError('NOT_FOUND', '信息不存在或您无权查看');
    const live = await liveDisclosure(tx, item.id);
    if (!live) throw new AppError('DISCLOSURE_STATE', '该信息没有待批准或已公开的记录');
    const desks = await disclosureDesks(tx, actor);
    if (live.status === 'disclosed')
      assertDesk(item, desks.approve, '只有本级信息处处长（批准信息公开权限）可以撤销公开');
    else assertDesk(item, desks.prepare, '只有接收该信息的信息处可以撤销待批准的公开文本');
    assertVersion(live, input.version);
    // Guarded on the status read: the desk checked above is the one for that status.
    await updateIfUnchanged(
      tx,
      'disclosures',
      live,
      {
        status: 'withdrawn',
        withdrawn_by: actor.id,
        withdrawn_at: at,
        withdraw_reason: input.reason,
        updated_at: at,
      },
      REFUSALS,
    );
    if (live.status === 'disclosed') {
      await tx.updateTable('items').set({ updated_at: at }).where('id', '=', item.id).execute();
      await appendEvent(tx, {
        itemId: item.id,
        action: 'undisclose',
        from: item.status as ItemState,
        to: item.status as ItemState,
        actorId: actor.id,
        reason: input.reason,
        note: `撤下公开标题：${live.title}`,
        at,
      });
    }
    await audit({
      action: 'disclosure.withdraw',
      targetType: 'item',
      targetId: item.id,
      summary: { disclosureId: live.id, was: live.status, reason: input.reason },
    });
  });
}
