import {
  type AdoptionBody,
  type AdoptionForm,
  FEEDBACK_STATES,
  type FeedbackKind,
  feedbackSummary,
  type ImplementationStatus,
  type InstructionRank,
} from '../../../shared/feedback.ts';
import { chineseDate } from '../../../shared/issues.ts';
import type { FeedbackInput, FeedbackView } from '../../../shared/schemas/feedback.ts';
import type { ItemState } from '../../../shared/workflow/items.ts';
import { type AppContext, type AuditFn, inTransaction, type Tx, type Who } from '../../context.ts';
import type { FeedbackRow, ItemRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { issueLabel } from '../issues/issue-label.ts';
import { loadIssueDesks } from '../issues/issues.policy.ts';
import { desksOf } from '../items/desks.ts';
import { appendEvent, authorUserIds, findItem } from '../items/items.repository.ts';
import { notify } from '../notifications/notifications.service.ts';
import { rescoreItem } from '../scores/scores.service.ts';

/** The CPPCCs whose items' feedback the actor records (信息处, `feedback.record`). */
export async function feedbackDesks(tx: Tx, actor: Actor): Promise<Set<number>> {
  return new Set((await desksOf(tx, actor, 'feedback.record')).map((d) => d.id));
}

/** Feedback is recorded by the office that received the item, once the item has gone out. */
export function mayRecord(item: Pick<ItemRow, 'status' | 'target_org_id'>, desks: Set<number>): boolean {
  return (
    item.target_org_id !== null &&
    desks.has(item.target_org_id) &&
    (FEEDBACK_STATES as readonly string[]).includes(item.status)
  );
}

function columns(input: FeedbackInput) {
  const none = {
    body: null,
    body_name: '',
    form: null,
    publication: '',
    leader_name: '',
    rank: null,
    status: null,
    text: '',
  };
  if (input.kind === 'adoption')
    return {
      ...none,
      body: input.body,
      body_name: input.body === 'other' ? input.bodyName : '',
      form: input.form,
      publication: input.publication,
    };
  if (input.kind === 'instruction')
    return { ...none, leader_name: input.leaderName, rank: input.rank, text: input.text };
  return { ...none, status: input.status, text: input.text };
}

export function summaryOf(
  row: Pick<
    FeedbackRow,
    'kind' | 'body' | 'body_name' | 'form' | 'publication' | 'leader_name' | 'rank' | 'status'
  >,
) {
  return feedbackSummary({
    kind: row.kind as FeedbackKind,
    body: row.body as AdoptionBody | null,
    bodyName: row.body_name,
    form: row.form as AdoptionForm | null,
    publication: row.publication,
    leaderName: row.leader_name,
    rank: row.rank as InstructionRank | null,
    status: row.status as ImplementationStatus | null,
  });
}

function checkDate(item: ItemRow, occurredOn: string, now: Date): void {
  if (occurredOn > cstDate(now)) throw new AppError('VALIDATION_FAILED', '反馈日期不能晚于今天');
  const since = item.first_submitted_at ? cstDate(new Date(item.first_submitted_at)) : null;
  if (since && occurredOn < since) throw new AppError('VALIDATION_FAILED', '反馈日期不能早于信息报送日期');
}

/** Inserts one feedback row on one item, with its item event, audit row and the authors' notice. */
export async function insertFeedback(
  tx: Tx,
  audit: AuditFn,
  actor: Actor,
  item: ItemRow,
  input: FeedbackInput,
  issueId: number | null,
  at: string,
): Promise<number> {
  const values = {
    item_id: item.id,
    kind: input.kind,
    occurred_on: input.occurredOn,
    ...columns(input),
    note: input.note,
    issue_id: issueId,
    recorded_by: actor.id,
    created_at: at,
    revoked_at: null,
    revoked_by: null,
    revoke_reason: '',
  };
  const { id } = await tx
    .insertInto('item_feedback')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  const summary = summaryOf(values);
  await rescoreItem(tx, item.id);
  await appendEvent(tx, {
    itemId: item.id,
    action: 'feedback',
    from: item.status as ItemState,
    to: item.status as ItemState,
    actorId: actor.id,
    note: summary,
    at,
  });
  await audit({
    action: 'feedback.record',
    targetType: 'item',
    targetId: item.id,
    summary: { feedbackId: id, kind: input.kind, summary, occurredOn: input.occurredOn, issueId },
  });
  const authors = [item.created_by, ...(await authorUserIds(tx, item.id))];
  await notify(
    tx,
    authors,
    {
      kind: 'item_feedback',
      title: `信息《${item.title}》：${summary}`,
      body:
        input.kind === 'adoption'
          ? `${chineseDate(input.occurredOn)}采用`
          : `${chineseDate(input.occurredOn)}　${'text' in input ? input.text.slice(0, 60) : ''}`,
      itemId: item.id,
    },
    at,
  );
  return id;
}

export async function recordFeedback(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  itemId: number,
  input: FeedbackInput,
): Promise<number> {
  const now = ctx.clock.now();
  return inTransaction(ctx, who, async (tx, audit) => {
    const item = await findItem(tx, itemId);
    if (!item) throw new AppError('NOT_FOUND', '信息不存在或您无权查看');
    if (!mayRecord(item, await feedbackDesks(tx, actor)))
      throw new AppError('FORBIDDEN', '只有接收该信息的信息处可以登记反馈，且信息须已编发、上报或转办');
    checkDate(item, input.occurredOn, now);
    return insertFeedback(tx, audit, actor, item, input, null, now.toISOString());
  });
}

/** Feedback on a whole issue (期): recorded on each of its items, each naming the issue. */
export async function recordIssueFeedback(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  issueId: number,
  input: FeedbackInput,
): Promise<number> {
  const now = ctx.clock.now();
  return inTransaction(ctx, who, async (tx, audit) => {
    const issue = await tx.selectFrom('issues').selectAll().where('id', '=', issueId).executeTakeFirst();
    const desks = await loadIssueDesks(tx, actor);
    if (!issue || !(desks.compile.has(issue.org_id) || desks.sign.has(issue.org_id)))
      throw new AppError('NOT_FOUND', '该期刊物不存在或您无权查看');
    if (!(await feedbackDesks(tx, actor)).has(issue.org_id))
      throw new AppError('FORBIDDEN', '只有本级信息处可以登记反馈');
    if (issue.status !== 'issued') throw new AppError('VALIDATION_FAILED', '只有已签发的刊物可以登记反馈');
    if (issue.signed_at && input.occurredOn < cstDate(new Date(issue.signed_at)))
      throw new AppError('VALIDATION_FAILED', '反馈日期不能早于签发日期');
    if (input.occurredOn > cstDate(now)) throw new AppError('VALIDATION_FAILED', '反馈日期不能晚于今天');
    const items = await tx
      .selectFrom('issue_items')
      .select('item_id')
      .where('issue_id', '=', issueId)
      .orderBy('position')
      .execute();
    for (const { item_id } of items)
      await insertFeedback(
        tx,
        audit,
        actor,
        (await findItem(tx, item_id)) as ItemRow,
        input,
        issueId,
        now.toISOString(),
      );
    return items.length;
  });
}

/** A mistaken record is revoked (撤销) with a reason, never deleted: the record stays on file. */
export async function revokeFeedback(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  reason: string,
): Promise<void> {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const row = await tx.selectFrom('item_feedback').selectAll().where('id', '=', id).executeTakeFirst();
    const item = row ? await findItem(tx, row.item_id) : undefined;
    if (!row || !item) throw new AppError('NOT_FOUND', '反馈记录不存在');
    if (item.target_org_id === null || !(await feedbackDesks(tx, actor)).has(item.target_org_id))
      throw new AppError('FORBIDDEN', '只有接收该信息的信息处可以撤销反馈记录');
    if (row.revoked_at !== null) throw new AppError('CONFLICT', '该反馈记录已撤销');
    const r = await tx
      .updateTable('item_feedback')
      .set({ revoked_at: at, revoked_by: actor.id, revoke_reason: reason })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该反馈记录已撤销');
    await rescoreItem(tx, item.id);
    await appendEvent(tx, {
      itemId: item.id,
      action: 'feedback',
      from: item.status as ItemState,
      to: item.status as ItemState,
      actorId: actor.id,
      reason,
      note: `撤销反馈记录：${summaryOf(row)}`,
      at,
    });
    await audit({
      action: 'feedback.revoke',
      targetType: 'item',
      targetId: item.id,
      summary: { feedbackId: id, reason },
    });
  });
}

export async function presentFeedback(tx: Tx, rows: FeedbackRow[]): Promise<FeedbackView[]> {
  if (rows.length === 0) return [];
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.recorded_by, r.revoked_by]).filter((x): x is number => x !== null)),
  ];
  const users = new Map(
    (await tx.selectFrom('users').select(['id', 'real_name']).where('id', 'in', userIds).execute()).map(
      (u) => [u.id, u.real_name],
    ),
  );
  const files = await tx
    .selectFrom('feedback_files')
    .select(['id', 'feedback_id', 'file_name', 'size', 'sha256', 'created_at'])
    .where(
      'feedback_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  const issueLabels = new Map<number, string>();
  for (const issueId of new Set(rows.flatMap((r) => (r.issue_id === null ? [] : [r.issue_id])))) {
    const issue = await tx
      .selectFrom('issues')
      .selectAll()
      .where('id', '=', issueId)
      .executeTakeFirstOrThrow();
    issueLabels.set(issueId, await issueLabel(tx, issue));
  }
  const ref = (id: number) => ({ id, name: users.get(id) ?? '' });
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    kind: r.kind as FeedbackKind,
    occurredOn: r.occurred_on,
    body: r.body as AdoptionBody | null,
    bodyName: r.body_name,
    form: r.form as AdoptionForm | null,
    publication: r.publication,
    leaderName: r.leader_name,
    rank: r.rank as InstructionRank | null,
    status: r.status as ImplementationStatus | null,
    text: r.text,
    note: r.note,
    summary: summaryOf(r),
    viaIssue: r.issue_id === null ? null : { id: r.issue_id, label: issueLabels.get(r.issue_id) ?? '' },
    recordedBy: ref(r.recorded_by),
    createdAt: r.created_at,
    revoked:
      r.revoked_at === null || r.revoked_by === null
        ? null
        : { by: ref(r.revoked_by), at: r.revoked_at, reason: r.revoke_reason },
    files: files
      .filter((f) => f.feedback_id === r.id)
      .map((f) => ({
        id: f.id,
        fileName: f.file_name,
        size: f.size,
        sha256: f.sha256,
        createdAt: f.created_at,
      })),
  }));
}
