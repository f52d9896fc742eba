import { chineseDate } from '../../../shared/issues.ts';
import type { SupervisionCloseInput, SupervisionCreateInput } from '../../../shared/schemas/referrals.ts';
import type { ItemState } from '../../../shared/workflow/items.ts';
import { type AppContext, type AuditFn, inTransaction, type Tx, type Who } from '../../context.ts';
import type { ItemRow, SupervisionRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError, unlessDuplicate } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { feedbackDesks, insertFeedback, summaryOf } from '../feedback/feedback.service.ts';
import { appendEvent, findItem } from '../items/items.repository.ts';
import { notify } from '../notifications/notifications.service.ts';
import { assertReferrable, handlersOf } from '../referrals/referrals.policy.ts';

/**
 * 督办: the office follows up a leader's instruction (批示) with the departments responsible, a
 * deadline and notes; reminds them (催办) and closes it with the result (落实情况), which may also
 * be recorded as implementation feedback on the item.
 */

export const notVisible = () => new AppError('NOT_FOUND', '督办事项不存在或您无权查看');

/** The supervision if the actor records feedback for its desk (the office's own list). */
export async function loadSupervision(tx: Tx, actor: Actor, id: number) {
  const row = await tx.selectFrom('supervisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !(await feedbackDesks(tx, actor)).has(row.desk_id)) throw notVisible();
  return { row, item: (await findItem(tx, row.item_id)) as ItemRow };
}

async function unitsOf(tx: Tx, supervisionId: number) {
  return tx
    .selectFrom('supervision_units')
    .innerJoin('organizations', 'organizations.id', 'supervision_units.org_id')
    .select(['organizations.id', 'organizations.name', 'organizations.path'])
    .where('supervision_id', '=', supervisionId)
    .orderBy('organizations.id')
    .execute();
}

/** The departments' handlers of a supervision: told of it, of each 催办 and of each reminder. */
export async function unitHandlers(tx: Tx, supervisionId: number): Promise<number[]> {
  const ids: number[] = [];
  for (const u of await unitsOf(tx, supervisionId)) ids.push(...(await handlersOf(tx, u)));
  return [...new Set(ids)];
}

async function supervisionEvent(
  tx: Tx,
  audit: AuditFn,
  a: { actor: Actor; item: ItemRow; id: number; action: string; note: string; summary: object; at: string },
) {
  await appendEvent(tx, {
    itemId: a.item.id,
    action: 'supervise',
    from: a.item.status as ItemState,
    to: a.item.status as ItemState,
    actorId: a.actor.id,
    note: a.note,
    at: a.at,
  });
  await audit({
    action: a.action,
    targetType: 'item',
    targetId: a.item.id,
    summary: { supervisionId: a.id, ...a.summary },
  });
}

export async function createSupervision(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  itemId: number,
  input: SupervisionCreateInput,
): Promise<number> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (input.dueOn < cstDate(now)) throw new AppError('VALIDATION_FAILED', '督办期限不能早于今天');
  return inTransaction(ctx, who, async (tx, audit) => {
    const item = await findItem(tx, itemId);
    if (!item) throw new AppError('NOT_FOUND', '信息不存在或您无权查看');
    const desk = item.target_org_id;
    if (desk === null || !(await feedbackDesks(tx, actor)).has(desk))
      throw new AppError('FORBIDDEN', '只有接收该信息的信息处可以立项督办');
    const instruction = await tx
      .selectFrom('item_feedback')
      .selectAll()
      .where('id', '=', input.feedbackId)
      .where('item_id', '=', item.id)
      .where('kind', '=', 'instruction')
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!instruction) throw new AppError('VALIDATION_FAILED', '请选择该信息上有效的领导批示');
    const taken = await tx
      .selectFrom('supervisions')
      .select('id')
      .where('feedback_id', '=', instruction.id)
      .executeTakeFirst();
    const duplicate = () => new AppError('DUPLICATE', '该批示已立项督办');
    if (taken) throw duplicate();
    const units = [];
    for (const orgId of input.orgIds) units.push(await assertReferrable(tx, desk, orgId));
    // A simultaneous follow-up of the same instruction passes the check too; the unique
    // feedback_id lets one through and the other is refused in the same words.
    const { id } = await unlessDuplicate(
      tx
        .insertInto('supervisions')
        .values({
          item_id: item.id,
          desk_id: desk,
          feedback_id: instruction.id,
          state: 'open',
          due_on: input.dueOn,
          note: input.note,
          created_by: actor.id,
          created_at: at,
          remind_count: 0,
          last_reminded_at: null,
          result: '',
          closed_on: null,
          closed_by: null,
          implementation_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
      duplicate,
    );
    if (units.length)
      await tx
        .insertInto('supervision_units')
        .values(units.map((u) => ({ supervision_id: id, org_id: u.id })))
        .execute();
    const unitNames = units.map((u) => u.name).join('、');
    await supervisionEvent(tx, audit, {
      actor,
      item,
      id,
      action: 'supervision.create',
      note: `立项督办（${summaryOf(instruction)}）${unitNames ? `，责任单位${unitNames}` : ''}，限${chineseDate(input.dueOn)}前落实`,
      summary: { feedbackId: instruction.id, orgIds: input.orgIds, dueOn: input.dueOn, note: input.note },
      at,
    });
    await notify(
      tx,
      await unitHandlers(tx, id),
      {
        kind: 'referral_task',
        title: `督办事项：《${item.title}》`,
        body: `${summaryOf(instruction)}，请于${chineseDate(input.dueOn)}前落实${input.note ? `。${input.note.slice(0, 60)}` : ''}`,
        itemId: null,
      },
      at,
    );
    return id;
  });
}

function assertOpen(row: SupervisionRow): void {
  if (row.state !== 'open') throw new AppError('SUPERVISION_STATE', '该督办事项已办结');
}

/** 催办: a manual reminder to the departments responsible, on record each time. */
export async function remindSupervision(ctx: AppContext, actor: Actor, who: Who, id: number, note: string) {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const { row, item } = await loadSupervision(tx, actor, id);
    assertOpen(row);
    const r = await tx
      .updateTable('supervisions')
      .set({ remind_count: row.remind_count + 1, last_reminded_at: at })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .where('remind_count', '=', row.remind_count)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('SUPERVISION_STATE');
    await supervisionEvent(tx, audit, {
      actor,
      item,
      id,
      action: 'supervision.remind',
      note: `催办（第${row.remind_count + 1}次）${note ? `：${note}` : ''}`,
      summary: { note },
      at,
    });
    await notify(
      tx,
      await unitHandlers(tx, id),
      {
        kind: 'referral_task',
        title: `催办：《${item.title}》`,
        body: `督办期限${chineseDate(row.due_on)}${note ? `。${note}` : ''}`,
        itemId: null,
      },
      at,
    );
  });
}

/** 办结 with the result; optionally also recorded as implementation feedback (落实情况) on the item. */
export async function closeSupervision(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: SupervisionCloseInput,
) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await inTransaction(ctx, who, async (tx, audit) => {
    const { row, item } = await loadSupervision(tx, actor, id);
    assertOpen(row);
    if (input.closedOn > cstDate(now)) throw new AppError('VALIDATION_FAILED', '办结日期不能晚于今天');
    if (input.closedOn < cstDate(new Date(row.created_at)))
      throw new AppError('VALIDATION_FAILED', '办结日期不能早于立项督办日期');
    const implementationId =
      input.implementation === null
        ? null
        : await insertFeedback(
            tx,
            audit,
            actor,
            item,
            {
              kind: 'implementation',
              status: input.implementation,
              text: input.result,
              occurredOn: input.closedOn,
              note: '督办办结',
            },
            null,
            at,
          );
    const r = await tx
      .updateTable('supervisions')
      .set({
        state: 'closed',
        result: input.result,
        closed_on: input.closedOn,
        closed_by: actor.id,
        implementation_id: implementationId,
      })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('SUPERVISION_STATE');
    await supervisionEvent(tx, audit, {
      actor,
      item,
      id,
      action: 'supervision.close',
      note: `督办办结：${input.result.slice(0, 100)}`,
      summary: { closedOn: input.closedOn, implementationId },
      at,
    });
  });
}
