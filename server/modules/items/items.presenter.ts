import type { ItemDirection, ItemKind, ItemSource, ItemStream } from '../../../shared/items.ts';
import type { ItemDetail } from '../../../shared/schemas/items.ts';
import type { ItemAction, ItemState } from '../../../shared/workflow/items.ts';
import { OFFICE_OPEN_STATES } from '../../../shared/workflow/items.ts';
import type { Tx } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';
import { issueLabel } from '../issues/issue-label.ts';

const orgName = async (tx: Tx, id: number | null) =>
  id === null
    ? null
    : ((await tx
        .selectFrom('organizations')
        .select(['id', 'name'])
        .where('id', '=', id)
        .executeTakeFirst()) ?? null);

const userName = async (tx: Tx, id: number | null) =>
  id === null
    ? null
    : ((await tx
        .selectFrom('users')
        .select(['id', 'real_name as name'])
        .where('id', '=', id)
        .executeTakeFirst()) ?? null);

export function isOverdue(item: Pick<ItemRow, 'due_at' | 'status'>, now: string): boolean {
  return item.due_at !== null && item.due_at < now && OFFICE_OPEN_STATES.includes(item.status as ItemState);
}

/** The whole record of an item as its page shows it: text, people, history, versions, files. */
export async function presentItemDetail(
  tx: Tx,
  item: ItemRow,
  actorId: number,
  now: string,
): Promise<ItemDetail> {
  const [topic, submittingOrg, targetOrg, referOrg, createdBy, assignee, lockHolder] = await Promise.all([
    item.topic_id === null
      ? null
      : tx.selectFrom('topics').select('name').where('id', '=', item.topic_id).executeTakeFirst(),
    orgName(tx, item.submitting_org_id),
    orgName(tx, item.target_org_id),
    orgName(tx, item.refer_org_id),
    userName(tx, item.created_by),
    userName(tx, item.assignee_id),
    item.lock_expires_at !== null && item.lock_expires_at > now && item.lock_user_id !== actorId
      ? userName(tx, item.lock_user_id)
      : null,
  ]);
  const authors = await tx
    .selectFrom('item_authors')
    .select(['user_id', 'org_id', 'name'])
    .where('item_id', '=', item.id)
    .orderBy('position')
    .execute();
  const issueRow = await tx
    .selectFrom('issue_items')
    .innerJoin('issues', 'issues.id', 'issue_items.issue_id')
    .select([
      'issues.id',
      'issues.publication_id',
      'issues.kind',
      'issues.year',
      'issues.number',
      'issues.status',
    ])
    .where('issue_items.item_id', '=', item.id)
    .executeTakeFirst();
  const issue = issueRow
    ? { id: issueRow.id, label: await issueLabel(tx, issueRow), status: issueRow.status }
    : null;
  const events = await tx
    .selectFrom('item_events')
    .leftJoin('users', 'users.id', 'item_events.actor_id')
    .select([
      'item_events.id',
      'item_events.action',
      'item_events.from_state',
      'item_events.to_state',
      'item_events.reason',
      'item_events.note',
      'item_events.created_at',
      'users.real_name',
    ])
    .where('item_events.item_id', '=', item.id)
    .orderBy('item_events.id')
    .execute();
  const versions = await tx
    .selectFrom('item_versions')
    .innerJoin('users', 'users.id', 'item_versions.editor_id')
    .select(['no', 'kind', 'char_count', 'item_versions.created_at', 'users.real_name'])
    .where('item_id', '=', item.id)
    .orderBy('no')
    .execute();
  const attachments = await tx
    .selectFrom('item_attachments')
    .select(['id', 'file_name', 'size', 'created_at'])
    .where('item_id', '=', item.id)
    .orderBy('id')
    .execute();
  const mergedInto =
    item.merged_into_id === null
      ? null
      : await tx
          .selectFrom('items')
          .select(['id', 'number', 'title'])
          .where('id', '=', item.merged_into_id)
          .executeTakeFirst();
  const mergedFrom = item.composite
    ? await tx
        .selectFrom('items')
        .select(['id', 'number', 'title'])
        .where('merged_into_id', '=', item.id)
        .execute()
    : [];
  const ref = (r: { id: number; name: string } | null) => (r ? { id: r.id, name: r.name } : null);
  return {
    id: item.id,
    number: item.number,
    status: item.status as ItemState,
    stream: item.stream as ItemStream,
    kind: item.kind as ItemKind | null,
    direction: item.direction as ItemDirection | null,
    topicId: item.topic_id,
    topicName: topic?.name ?? '',
    title: item.title,
    situation: item.situation,
    analysis: item.analysis,
    suggestion: item.suggestion,
    body: item.body,
    charCount: item.char_count,
    contactPhone: item.contact_phone,
    sourceType: item.source_type as ItemSource,
    sourceRef: item.source_ref,
    urgent: item.urgent === 1,
    disclosable: item.disclosable === 1,
    authors: authors.map((a) => ({ userId: a.user_id, orgId: a.org_id, name: a.name })),
    submittingOrg: ref(submittingOrg) ?? { id: item.submitting_org_id, name: '' },
    targetOrg: ref(targetOrg) ?? { id: 0, name: '' },
    createdBy: ref(createdBy) ?? { id: item.created_by, name: '' },
    onBehalf: item.on_behalf === 1,
    issue,
    topLeaders: item.top_leaders === 1,
    assignee: ref(assignee),
    dueAt: item.due_at,
    overdue: isOverdue(item, now),
    composite: item.composite === 1,
    mergedInto: mergedInto ?? null,
    mergedFrom,
    referOrg: ref(referOrg),
    lastReason: item.last_reason,
    submittedAt: item.submitted_at,
    registeredAt: item.registered_at,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    version: item.version,
    lock:
      lockHolder && item.lock_user_id !== null && item.lock_expires_at
        ? { userId: item.lock_user_id, name: lockHolder.name, expiresAt: item.lock_expires_at }
        : null,
    events: events.map((e) => ({
      id: e.id,
      action: e.action as ItemAction,
      fromState: e.from_state as ItemState | null,
      toState: e.to_state as ItemState,
      actorName: e.real_name ?? '系统',
      reason: e.reason,
      note: e.note,
      createdAt: e.created_at,
    })),
    versions: versions.map((v) => ({
      no: v.no,
      kind: v.kind as 'original' | 'edit' | 'resubmission' | 'composite' | 'correction',
      editorName: v.real_name,
      charCount: v.char_count,
      createdAt: v.created_at,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      size: a.size,
      createdAt: a.created_at,
    })),
  };
}
