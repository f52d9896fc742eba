import { normalizeRecipients } from '../../../shared/issues.ts';
import type { Recipient } from '../../../shared/schemas/issues.ts';
import type { Settings } from '../../../shared/schemas/settings.ts';
import type { AppContext, AuditFn, Tx } from '../../context.ts';
import type { IssueRow, ItemRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import type { Actor } from '../access/actor.ts';
import { findItem } from '../items/items.repository.ts';
import { applyAction } from '../items/transition.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { buildDocument } from './document.build.ts';
import { issueLabel } from './issue-label.ts';
import { appendIssueEvent, findPublication, nextIssueNumber, storeIssueFile } from './issues.repository.ts';
import type { IssueDocument } from './render/document.ts';
import { renderIssueDocx } from './render/docx.ts';

export interface SignOp {
  ctx: AppContext;
  tx: Tx;
  actor: Actor;
  issue: IssueRow;
  now: Date;
  at: string;
  audit: AuditFn;
  settings: Settings;
  /** Files written so far, removed by the caller if the transaction fails. */
  written: string[];
}

/** Renders a document revision, stores it with its digest and records it. */
export async function storeRevision(
  op: Pick<SignOp, 'ctx' | 'tx' | 'at' | 'written'>,
  issueId: number,
  revision: number,
  doc: IssueDocument,
  createdBy: number,
  note: string,
): Promise<void> {
  const buf = await renderIssueDocx(doc);
  const file = await storeIssueFile(op.ctx.config.dataDir, issueId, revision, buf);
  op.written.push(file.key);
  await op.tx
    .insertInto('issue_files')
    .values({
      issue_id: issueId,
      revision,
      document: JSON.stringify(doc),
      sha256: file.sha256,
      size: file.size,
      storage_key: file.key,
      note,
      created_by: createdBy,
      created_at: op.at,
    })
    .execute();
  await op.tx
    .updateTable('issues')
    .set({ document: JSON.stringify(doc), revision })
    .where('id', '=', issueId)
    .execute();
}

/**
 * Issues a signed issue (签发): numbers it in its series (and the running total), freezes its
 * document as revision 1 of the Word file, publishes every item (已编发, authors told), opens a
 * dispatch record per recipient and tells the compiler and the signers. One transaction.
 */
export async function signIssue(op: SignOp): Promise<void> {
  const { tx, issue, actor, at } = op;
  const publication = await findPublication(tx, issue.publication_id);
  const year = Number(cstDate(op.now).slice(0, 4));
  const number = await nextIssueNumber(tx, publication.id, issue.kind, year);
  const total =
    publication.count_total === 1
      ? await nextIssueNumber(tx, publication.id, 'total', 0, publication.total_offset)
      : null;
  await tx
    .updateTable('issues')
    .set({
      status: 'issued',
      year,
      number,
      total_number: total,
      step_index: null,
      signed_by: actor.id,
      signed_at: at,
    })
    .where('id', '=', issue.id)
    .execute();
  const issued: IssueRow = {
    ...issue,
    status: 'issued',
    year,
    number,
    total_number: total,
    signed_by: actor.id,
    signed_at: at,
  };
  const doc = await buildDocument(tx, issued, publication, { draft: false, signedAt: at });
  await storeRevision(op, issue.id, 1, doc, actor.id, '签发稿');

  const label = await issueLabel(tx, issued);
  const recipients = normalizeRecipients(JSON.parse(issue.recipients) as Recipient[]);
  const items = await tx
    .selectFrom('issue_items')
    .select('item_id')
    .where('issue_id', '=', issue.id)
    .orderBy('position')
    .execute();
  for (const { item_id } of items) {
    const item = (await findItem(tx, item_id)) as ItemRow;
    await applyAction(
      {
        tx,
        actor: null,
        item,
        req: {
          action: 'publish',
          version: item.version,
          reason: '',
          note: `刊发于${label}`,
          declarations: [],
          assigneeId: null,
          content: null,
          referOrgId: null,
        },
        settings: op.settings,
        now: op.now,
        audit: op.audit,
      },
      null,
    );
  }
  if (recipients.length)
    await tx
      .insertInto('dispatches')
      .values(
        recipients.map((r, position) => ({
          issue_id: issue.id,
          position,
          name: r.name,
          recipient_group: r.group,
          top_leader: r.topLeader ? 1 : 0,
          upward: r.upward ? 1 : 0,
          channel: r.channel,
          status: 'pending',
          sent_on: null,
          handler_id: null,
          note: '',
          version: 1,
          updated_at: at,
        })),
      )
      .execute();
  const signers = await tx
    .selectFrom('issue_signoffs')
    .select('acted_by')
    .where('issue_id', '=', issue.id)
    .where('status', '=', 'approved')
    .execute();
  await notify(
    tx,
    [issue.compiled_by, ...signers.map((s) => s.acted_by)].filter((id) => id !== actor.id),
    {
      kind: 'issue_status',
      title: `${label}已签发`,
      body: `${actor.realName}签发，请登记报送`,
      itemId: null,
      issueId: issue.id,
    },
    at,
  );
  await appendIssueEvent(tx, {
    issueId: issue.id,
    action: 'sign',
    actorId: actor.id,
    step: null,
    note: `编号${label}，生成签发稿`,
    at,
  });
  await op.audit({
    action: 'issue.sign',
    targetType: 'issue',
    targetId: issue.id,
    summary: { label, year, number, total, items: items.map((i) => i.item_id) },
  });
}
