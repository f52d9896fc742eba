import { chineseDate, DISPATCH_CHANNELS, DISPATCH_STATUSES } from '../../../shared/issues.ts';
import type { CorrectionInput, DispatchUpdate } from '../../../shared/schemas/issues.ts';
import type { ItemState } from '../../../shared/workflow/items.ts';
import { type AppContext, inTransaction, type Who } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { staffOf } from '../items/desks.ts';
import { reindexItem } from '../items/item-search.ts';
import {
  appendEvent,
  appendVersion,
  findItem,
  streamContent,
  textColumns,
} from '../items/items.repository.ts';
import { applyAction } from '../items/transition.service.ts';
import { bylineOf, issueItemRows, printedItem } from './document.build.ts';
import { issueLabel } from './issue-label.ts';
import { appendIssueEvent, claimIssue, removeIssueFile } from './issues.repository.ts';
import { assertCompiler, visibleIssue } from './issues.service.ts';
import { storeRevision } from './issuing.ts';
import type { IssueDocument } from './render/document.ts';

/**
 * Records the dispatch to one recipient (报送登记): channel, date, handler, status. Sending to
 * a body above forwards the issue's items (已上报); sending to the provincial Party secretary or
 * governor marks them.
 */
export async function updateDispatch(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: DispatchUpdate,
): Promise<void> {
  const settings = await ctx.settings.get();
  const now = ctx.clock.now();
  const at = now.toISOString();
  await inTransaction(ctx, who, async (tx, audit) => {
    const d = await tx.selectFrom('dispatches').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d) throw new AppError('NOT_FOUND', '报送记录不存在');
    const { issue, desks } = await visibleIssue(tx, actor, d.issue_id);
    assertCompiler(issue, desks);
    if (
      input.handlerId !== null &&
      !(await staffOf(tx, issue.org_id, 'issue.compile')).some((u) => u.id === input.handlerId)
    )
      throw new AppError('VALIDATION_FAILED', '经办人须是本级信息处工作人员');
    if (input.sentOn !== null && issue.signed_at && input.sentOn < cstDate(new Date(issue.signed_at)))
      throw new AppError('VALIDATION_FAILED', '报送日期不能早于签发日期');
    if (input.sentOn !== null && input.sentOn > cstDate(now))
      throw new AppError('VALIDATION_FAILED', '报送日期不能晚于今天');
    const r = await tx
      .updateTable('dispatches')
      .set({
        channel: input.channel,
        status: input.status,
        sent_on: input.status === 'pending' ? null : input.sentOn,
        handler_id: input.handlerId,
        note: input.note,
        version: d.version + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', '该报送记录已被他人修改，请刷新后重试');
    const sent = input.status !== 'pending';
    if (sent && (d.upward === 1 || d.top_leader === 1)) {
      const items = await tx
        .selectFrom('issue_items')
        .select('item_id')
        .where('issue_id', '=', issue.id)
        .execute();
      for (const { item_id } of items) {
        if (d.top_leader === 1)
          await tx.updateTable('items').set({ top_leaders: 1 }).where('id', '=', item_id).execute();
        const item = (await findItem(tx, item_id)) as ItemRow;
        if (d.upward === 1 && item.status === 'published')
          await applyAction(
            {
              tx,
              actor: null,
              item,
              req: {
                action: 'forward',
                version: item.version,
                reason: '',
                note: `随${await issueLabel(tx, issue)}报${d.name}`,
                declarations: [],
                assigneeId: null,
                content: null,
                referOrgId: null,
              },
              settings,
              now,
              audit,
            },
            null,
          );
      }
    }
    const note = `${d.name}：${DISPATCH_STATUSES[input.status]}（${DISPATCH_CHANNELS[input.channel]}${input.sentOn ? `，${chineseDate(input.sentOn)}` : ''}）`;
    await appendIssueEvent(tx, {
      issueId: issue.id,
      action: 'dispatch',
      actorId: actor.id,
      step: null,
      note,
      at,
    });
    await audit({
      action: 'issue.dispatch',
      targetType: 'issue',
      targetId: issue.id,
      summary: {
        dispatch: id,
        recipient: d.name,
        status: input.status,
        channel: input.channel,
        sentOn: input.sentOn,
      },
    });
  });
}

/**
 * A correction (勘误) to an issued issue: the item gets a new version on record, and the issue a
 * new revision of its Word file with the correction noted; earlier revisions stay as they were.
 */
export async function correctIssue(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: CorrectionInput,
): Promise<void> {
  const at = ctx.clock.iso();
  const written: string[] = [];
  try {
    await inTransaction(ctx, who, async (tx, audit) => {
      const { issue, desks } = await visibleIssue(tx, actor, id);
      assertCompiler(issue, desks);
      if (issue.status !== 'issued' || issue.document === null)
        throw new AppError(
          'VALIDATION_FAILED',
          issue.status === 'reviewing'
            ? '该期刊物尚未签发：如需修改，请先撤回审签，修改后重新送审'
            : '该期刊物尚未签发，请在编排中直接修改',
        );
      const rows = await issueItemRows(tx, issue.id);
      const index = rows.findIndex((r) => r.id === input.itemId);
      const row = rows[index];
      if (!row) throw new AppError('VALIDATION_FAILED', '该信息不在这一期刊物中');
      if (input.content.title.trim() === '') throw new AppError('VALIDATION_FAILED', '标题不能为空');
      await claimIssue(tx, issue, input.version, at, { content_version: issue.content_version + 1 });
      const content = streamContent(input.content, row.stream);
      const no = await appendVersion(tx, row.id, 'correction', row.stream, content, actor.id, at);
      await tx
        .updateTable('items')
        .set({ ...textColumns(content, row.stream), updated_at: at })
        .where('id', '=', row.id)
        .execute();
      await reindexItem(tx, row.id);
      const revision = issue.revision + 1;
      const label = await issueLabel(tx, issue);
      await appendEvent(tx, {
        itemId: row.id,
        action: 'correct',
        from: row.status as ItemState,
        to: row.status as ItemState,
        actorId: actor.id,
        reason: input.note,
        note: `${label}勘误，第${no}稿`,
        at,
      });
      const doc = JSON.parse(issue.document as string) as IssueDocument;
      const items = [...doc.items];
      items[index] = printedItem({ ...row, ...content }, bylineOf(row.authorNames, row.orgName));
      // Each revision carries every correction so far, in order.
      const note = doc.correction ? `${doc.correction.note}；${input.note}` : input.note;
      const corrected: IssueDocument = { ...doc, items, correction: { revision, note } };
      await storeRevision({ ctx, tx, at, written }, issue.id, revision, corrected, actor.id, input.note);
      await appendIssueEvent(tx, {
        issueId: issue.id,
        action: 'correct',
        actorId: actor.id,
        step: null,
        reason: input.note,
        note: `第${revision}版`,
        at,
      });
      await audit({
        action: 'issue.correct',
        targetType: 'issue',
        targetId: issue.id,
        summary: { item: row.id, revision, note: input.note },
      });
    });
  } catch (error) {
    for (const key of written) await removeIssueFile(ctx.config.dataDir, key);
    throw error;
  }
}
