import { normalizeRecipients } from '../../../shared/issues.ts';
import type { IssueCreate, IssueUpdate, Recipient } from '../../../shared/schemas/issues.ts';
import { type AppContext, inTransaction, type Tx, type Who } from '../../context.ts';
import type { IssueRow, PublicationRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { type IssueDesks, issueVisible, loadIssueDesks } from './issues.policy.ts';
import { appendIssueEvent, claimIssue, findIssue, findPublication, lockItems } from './issues.repository.ts';

/** Loads an issue the actor may see, or answers as if it did not exist. */
export async function visibleIssue(
  tx: Tx,
  actor: Actor,
  id: number,
): Promise<{ issue: IssueRow; desks: IssueDesks }> {
  const issue = await findIssue(tx, id);
  const desks = await loadIssueDesks(tx, actor);
  if (!issue || !issueVisible(issue, desks)) throw new AppError('NOT_FOUND', '该期刊物不存在或您无权查看');
  return { issue, desks };
}

export function assertCompiler(issue: Pick<IssueRow, 'org_id'>, desks: IssueDesks): void {
  if (!desks.compile.has(issue.org_id)) throw new AppError('FORBIDDEN', '只有本级信息处编辑可以编排刊物');
}

/**
 * The items an issue may carry: selected (拟用) items of this CPPCC's intake, of the streams the
 * publication carries, not already in another issue. The items are locked while this is checked
 * (see lockItems), so a concurrent deselection cannot slip an item out of 拟用 unseen.
 */
async function checkItems(
  tx: Tx,
  publication: PublicationRow,
  issueId: number | null,
  ids: readonly number[],
) {
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', '同一信息不能重复编排');
  if (publication.single_item === 1 && ids.length > 1)
    throw new AppError('VALIDATION_FAILED', `《${publication.name}》每期只刊发一条信息`);
  const streams = publication.streams.split(',');
  const items = new Map((await lockItems(tx, ids)).map((i) => [i.id, i]));
  for (const id of ids) {
    const item = items.get(id);
    if (!item || item.target_org_id !== publication.org_id || item.status === 'draft')
      throw new AppError('VALIDATION_FAILED', '所选信息不存在或不是报送本级政协的信息，请刷新后重新选择');
    const title = `《${item.title}》${item.number ? `（登记号${item.number}）` : ''}`;
    if (item.status !== 'selected')
      throw new AppError('VALIDATION_FAILED', `信息${title}尚未拟用，只有拟用的信息可以编入刊物`);
    if (!streams.includes(item.stream))
      throw new AppError('VALIDATION_FAILED', `《${publication.name}》不刊发此类信息：${title}`);
    const other = await tx
      .selectFrom('issue_items')
      .select('issue_id')
      .where('item_id', '=', id)
      .executeTakeFirst();
    if (other && other.issue_id !== issueId)
      throw new AppError('VALIDATION_FAILED', `信息${title}已编入另一期刊物，请先从那一期移出`);
  }
}

async function placeItems(tx: Tx, issueId: number, ids: readonly number[]): Promise<void> {
  await tx.deleteFrom('issue_items').where('issue_id', '=', issueId).execute();
  if (ids.length)
    await tx
      .insertInto('issue_items')
      .values(ids.map((item_id, position) => ({ issue_id: issueId, item_id, position })))
      .execute();
}

export async function createIssue(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  input: IssueCreate,
): Promise<number> {
  const at = ctx.clock.iso();
  return inTransaction(ctx, who, async (tx, audit) => {
    const publication = await findPublication(tx, input.publicationId);
    const desks = await loadIssueDesks(tx, actor);
    assertCompiler(publication, desks);
    if (publication.active !== 1) throw new AppError('VALIDATION_FAILED', `《${publication.name}》已停刊`);
    await checkItems(tx, publication, null, input.itemIds);
    const { id } = await tx
      .insertInto('issues')
      .values({
        publication_id: publication.id,
        org_id: publication.org_id,
        kind: input.kind,
        urgency: input.urgency,
        status: 'compiling',
        editor_note: '',
        recipients: JSON.stringify(normalizeRecipients(JSON.parse(publication.recipients) as Recipient[])),
        print_run: publication.print_run,
        year: null,
        number: null,
        total_number: null,
        chain_version_id: null,
        round: 0,
        step_index: null,
        compiled_by: actor.id,
        signed_by: null,
        signed_at: null,
        document: null,
        revision: 0,
        content_version: 1,
        version: 1,
        created_at: at,
        updated_at: at,
        submitted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await placeItems(tx, id, input.itemIds);
    await appendIssueEvent(tx, {
      issueId: id,
      action: 'create',
      actorId: actor.id,
      step: null,
      at,
      note: `${input.itemIds.length}条信息`,
    });
    await audit({
      action: 'issue.create',
      targetType: 'issue',
      targetId: id,
      summary: { publication: publication.name, kind: input.kind, items: input.itemIds },
    });
    return id;
  });
}

/** Saves the compile board: the items and their order, the note, urgency, recipients, print run. */
export async function updateIssue(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: IssueUpdate,
): Promise<void> {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const { issue, desks } = await visibleIssue(tx, actor, id);
    assertCompiler(issue, desks);
    if (issue.status !== 'compiling') throw new AppError('ISSUE_LOCKED');
    const publication = await findPublication(tx, issue.publication_id);
    const before = await tx
      .selectFrom('issue_items')
      .select('item_id')
      .where('issue_id', '=', id)
      .orderBy('position')
      .execute();
    await claimIssue(tx, issue, input.version, at, {
      kind: input.kind,
      urgency: input.urgency,
      editor_note: input.editorNote,
      recipients: JSON.stringify(normalizeRecipients(input.recipients satisfies Recipient[])),
      print_run: input.printRun,
      content_version: issue.content_version + 1,
    });
    await checkItems(tx, publication, issue.id, input.itemIds);
    await placeItems(tx, id, input.itemIds);
    const old = before.map((r) => r.item_id);
    const added = input.itemIds.filter((i) => !old.includes(i));
    const removed = old.filter((i) => !input.itemIds.includes(i));
    const note = [
      added.length ? `编入${added.length}条` : '',
      removed.length ? `移出${removed.length}条` : '',
      `共${input.itemIds.length}条`,
    ]
      .filter(Boolean)
      .join('，');
    await appendIssueEvent(tx, { issueId: id, action: 'compile', actorId: actor.id, step: null, at, note });
    await audit({
      action: 'issue.compile',
      targetType: 'issue',
      targetId: id,
      summary: { items: input.itemIds, added, removed, urgency: input.urgency, kind: input.kind },
    });
  });
}

/** An issue never sent for signature may be discarded; its items stay selected (拟用). */
export async function removeIssue(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  version: number,
): Promise<void> {
  await inTransaction(ctx, who, async (tx, audit) => {
    const { issue, desks } = await visibleIssue(tx, actor, id);
    assertCompiler(issue, desks);
    if (issue.status !== 'compiling' || issue.round > 0)
      throw new AppError(
        'ISSUE_LOCKED',
        '送审过的期次保留审签记录，不能删除；不再刊发的，可将其中信息移出后留存',
      );
    // Claimed first: a submission racing this deletion either wins (and this one is stale) or waits.
    await claimIssue(tx, issue, version, ctx.clock.iso());
    await tx.updateTable('notifications').set({ issue_id: null }).where('issue_id', '=', id).execute();
    for (const t of ['issue_items', 'issue_signoffs', 'issue_events', 'issue_views'] as const)
      await tx.deleteFrom(t).where('issue_id', '=', id).execute();
    await tx.deleteFrom('issues').where('id', '=', id).execute();
    await audit({
      action: 'issue.remove',
      targetType: 'issue',
      targetId: id,
      summary: { publicationId: issue.publication_id },
    });
  });
}
