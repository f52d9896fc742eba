import {
  type DispatchChannel,
  type DispatchStatus,
  ISSUE_EVENTS,
  type IssueEvent,
  type IssueKind,
  type IssueState,
  type IssueUrgency,
  type RecipientGroup,
  type SignoffState,
} from '../../../shared/issues.ts';
import type { ItemStream } from '../../../shared/items.ts';
import type {
  IssueAbilities,
  IssueChange,
  IssueDetail,
  IssueSummary,
  Recipient,
} from '../../../shared/schemas/issues.ts';
import { diffText } from '../../../shared/text-diff.ts';
import type { Tx } from '../../context.ts';
import type { IssueRow } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { myPendingRow, stepsOf } from './approval.service.ts';
import { chainFor, parseRecipients, parseSteps } from './config.service.ts';
import { issueItemRows, printedItem } from './document.build.ts';
import { labelOf } from './issue-label.ts';
import type { IssueDesks } from './issues.policy.ts';
import { waitingUsers } from './signers.ts';

async function names(tx: Tx, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((i): i is number => i !== null))];
  if (unique.length === 0) return new Map();
  const rows = await tx.selectFrom('users').select(['id', 'real_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.real_name]));
}

export async function presentSummaries(
  tx: Tx,
  actor: Actor,
  rows: IssueRow[],
  now: Date,
): Promise<IssueSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [pubs, items, pending] = await Promise.all([
    tx
      .selectFrom('publications')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(rows.map((r) => r.publication_id))])
      .execute(),
    tx
      .selectFrom('issue_items')
      .innerJoin('items', 'items.id', 'issue_items.item_id')
      .select(['issue_items.issue_id', 'issue_items.position', 'items.title'])
      .where('issue_items.issue_id', 'in', ids)
      .orderBy('issue_items.position')
      .execute(),
    tx
      .selectFrom('issue_signoffs')
      .selectAll()
      .where('issue_id', 'in', ids)
      .where('status', '=', 'pending')
      .execute(),
  ]);
  const pubName = new Map(pubs.map((p) => [p.id, p.name]));
  const itemsOf = new Map<number, string[]>();
  for (const i of items) itemsOf.set(i.issue_id, [...(itemsOf.get(i.issue_id) ?? []), i.title]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const current = pending.filter((r) => {
    const issue = byId.get(r.issue_id);
    return issue !== undefined && r.round === issue.round && r.step_index === issue.step_index;
  });
  const waits = await waitingUsers(tx, current, now);
  const waiting = new Map<number, number[]>();
  for (const r of current)
    waiting.set(r.issue_id, [...(waiting.get(r.issue_id) ?? []), waits.get(r.id) as number]);
  const versionIds = [
    ...new Set(
      rows.flatMap((r) =>
        r.status === 'reviewing' && r.chain_version_id !== null ? [r.chain_version_id] : [],
      ),
    ),
  ];
  const versions = versionIds.length
    ? await tx
        .selectFrom('approval_chain_versions')
        .select(['id', 'steps'])
        .where('id', 'in', versionIds)
        .execute()
    : [];
  const stepsOfVersion = new Map(versions.map((v) => [v.id, parseSteps(v.steps)]));
  const people = await names(tx, [...rows.map((r) => r.compiled_by), ...[...waiting.values()].flat()]);
  const stepNames = new Map<number, string>();
  for (const r of rows)
    if (r.status === 'reviewing' && r.chain_version_id !== null && r.step_index !== null)
      stepNames.set(r.id, stepsOfVersion.get(r.chain_version_id)?.[r.step_index]?.name ?? '');
  return rows.map((r) => {
    const titles = itemsOf.get(r.id) ?? [];
    const waits = waiting.get(r.id) ?? [];
    const publication = pubName.get(r.publication_id) ?? '';
    return {
      id: r.id,
      publication: { id: r.publication_id, name: publication },
      kind: r.kind as IssueKind,
      urgency: r.urgency as IssueUrgency,
      status: r.status as IssueState,
      label: labelOf(publication, r, titles[0] ?? '', titles.length),
      year: r.year,
      number: r.number,
      totalNumber: r.total_number,
      itemCount: titles.length,
      firstTitle: titles[0] ?? '',
      compiledBy: { id: r.compiled_by, name: people.get(r.compiled_by) ?? '' },
      currentStep: stepNames.get(r.id) ?? null,
      waitingFor: waits.map((u) => people.get(u) ?? ''),
      mine: waits.includes(actor.id),
      topLeaders: parseRecipients(r.recipients).some((x) => x.topLeader),
      submittedAt: r.submitted_at,
      signedAt: r.signed_at,
      updatedAt: r.updated_at,
    };
  });
}

/** What an approver compares: the note, the recipients, each item's title and text, in order. */
export interface IssueSnapshot {
  note: string;
  recipients: string[];
  items: { id: number; title: string; text: string }[];
}

export async function snapshotOf(tx: Tx, issue: IssueRow): Promise<IssueSnapshot> {
  const rows = await issueItemRows(tx, issue.id);
  return {
    note: issue.editor_note,
    recipients: parseRecipients(issue.recipients).map((r) => `${r.group}:${r.name}`),
    items: rows.map((r) => ({ id: r.id, title: r.title, text: printedItem(r, '').paragraphs.join('\n') })),
  };
}

export function changesBetween(before: IssueSnapshot, after: IssueSnapshot): IssueChange[] {
  const out: IssueChange[] = [];
  if (before.note !== after.note)
    out.push({ kind: 'note', title: '编者按', diff: diffText(before.note, after.note) });
  if (before.recipients.join('|') !== after.recipients.join('|'))
    out.push({ kind: 'recipients', title: '报送对象', diff: null });
  const old = new Map(before.items.map((i, n) => [i.id, { ...i, n }]));
  for (const [n, item] of after.items.entries()) {
    const prev = old.get(item.id);
    if (!prev) {
      out.push({ kind: 'added', title: item.title, diff: null });
      continue;
    }
    const a = `${prev.title}\n${prev.text}`;
    const b = `${item.title}\n${item.text}`;
    if (a !== b) out.push({ kind: 'text', title: item.title, diff: diffText(a, b) });
    else if (prev.n !== n) out.push({ kind: 'moved', title: item.title, diff: null });
  }
  const now = new Set(after.items.map((i) => i.id));
  for (const i of before.items) if (!now.has(i.id)) out.push({ kind: 'removed', title: i.title, diff: null });
  return out;
}

export async function presentDetail(
  tx: Tx,
  actor: Actor,
  issue: IssueRow,
  desks: IssueDesks,
  now: Date,
): Promise<{ data: IssueDetail; abilities: IssueAbilities }> {
  const [summary] = await presentSummaries(tx, actor, [issue], now);
  const publication = await tx
    .selectFrom('publications')
    .selectAll()
    .where('id', '=', issue.publication_id)
    .executeTakeFirstOrThrow();
  const itemRows = await issueItemRows(tx, issue.id);
  const [signoffs, events, files, dispatches, view] = await Promise.all([
    tx
      .selectFrom('issue_signoffs')
      .selectAll()
      .where('issue_id', '=', issue.id)
      .orderBy('round')
      .orderBy('step_index')
      .orderBy('seq')
      .orderBy('id')
      .execute(),
    tx.selectFrom('issue_events').selectAll().where('issue_id', '=', issue.id).orderBy('id').execute(),
    tx.selectFrom('issue_files').selectAll().where('issue_id', '=', issue.id).orderBy('revision').execute(),
    tx.selectFrom('dispatches').selectAll().where('issue_id', '=', issue.id).orderBy('position').execute(),
    tx
      .selectFrom('issue_views')
      .selectAll()
      .where('issue_id', '=', issue.id)
      .where('user_id', '=', actor.id)
      .executeTakeFirst(),
  ]);
  const people = await names(tx, [
    ...signoffs.flatMap((s) => [s.user_id, s.acted_by]),
    ...events.map((e) => e.actor_id),
    ...files.map((f) => f.created_by),
    ...dispatches.map((d) => d.handler_id),
  ]);
  const postNames = new Map(
    (await tx.selectFrom('posts').select(['id', 'name']).where('org_id', '=', issue.org_id).execute()).map(
      (p) => [p.id, p.name],
    ),
  );
  const ref = (id: number | null) => (id === null ? null : { id, name: people.get(id) ?? '' });
  const chain = issue.chain_version_id !== null ? await stepsOf(tx, issue.chain_version_id) : null;
  const recipients = parseRecipients(issue.recipients) as Recipient[];
  const compiling = issue.status === 'compiling';
  const planned = compiling ? await chainFor(tx, issue.org_id, issue.publication_id, recipients) : null;
  const compiler = desks.compile.has(issue.org_id);
  const stepIndex = issue.step_index;
  const pendingRow = await myPendingRow(tx, issue, actor, now);
  // A person with two seats in a step signs once (the server refuses the second): after their
  // first signature only the other actions remain.
  const currentSignoffs = signoffs.filter((x) => x.round === issue.round && x.step_index === stepIndex);
  const signedHere = currentSignoffs.some((x) => x.status === 'approved' && x.acted_by === actor.id);
  const mine = signedHere ? undefined : pendingRow;
  const othersOpen = currentSignoffs.some(
    (x) => (x.status === 'pending' || x.status === 'waiting') && x.id !== pendingRow?.id,
  );
  const finishes =
    chain !== null &&
    stepIndex !== null &&
    stepIndex === chain.steps.length - 1 &&
    (!othersOpen ||
      (chain.steps[stepIndex]?.mode === 'single' &&
        pendingRow?.added_by === null &&
        !currentSignoffs.some(
          (x) => x.added_by !== null && (x.status === 'pending' || x.status === 'waiting'),
        )));

  let changes: IssueChange[] | null = null;
  if (view && issue.status !== 'issued') {
    const list = changesBetween(JSON.parse(view.snapshot) as IssueSnapshot, await snapshotOf(tx, issue));
    changes = list.length ? list : null;
  }
  const stepLabel = (i: number | null) => (i === null || !chain ? null : (chain.steps[i]?.name ?? null));

  const data: IssueDetail = {
    ...(summary as IssueSummary),
    orgId: issue.org_id,
    editorNote: issue.editor_note,
    recipients,
    printRun: issue.print_run,
    singleItem: publication.single_item === 1,
    streams: publication.streams.split(',') as ItemStream[],
    items: itemRows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      stream: r.stream as ItemStream,
      status: r.status,
      charCount: r.char_count,
      authors: r.authorNames.join('、') || r.orgName,
      version: r.version,
      urgent: r.urgent === 1,
    })),
    chain: chain
      ? {
          name: chain.name,
          version: chain.version,
          currentStep: stepIndex,
          steps: chain.steps.map((step, i) => {
            // A step shows its rows from the latest round that reached it; steps at or after
            // the current one only from the current round (earlier rounds were returned).
            const rounds = signoffs.filter((s) => s.step_index === i).map((s) => s.round);
            const shown =
              stepIndex !== null && i >= stepIndex ? issue.round : rounds.length ? Math.max(...rounds) : -1;
            return {
              name: step.name,
              mode: step.mode,
              signoffs: signoffs
                .filter((s) => s.step_index === i && s.round === shown && s.status !== 'cancelled')
                .map((s) => ({
                  id: s.id,
                  round: s.round,
                  user: { id: s.user_id, name: people.get(s.user_id) ?? '' },
                  viaPost: s.post_id !== null ? (postNames.get(s.post_id) ?? null) : null,
                  status: s.status as SignoffState,
                  comment: s.comment,
                  actedBy: ref(s.acted_by),
                  actedAt: s.acted_at,
                  added: s.added_by !== null,
                  remindedAt: s.reminded_at,
                })),
            };
          }),
        }
      : null,
    plannedChain: planned?.name ?? null,
    events: events.map((e) => ({
      id: e.id,
      kind: e.action,
      action: ISSUE_EVENTS[e.action as IssueEvent] ?? e.action,
      actor: ref(e.actor_id),
      step: stepLabel(e.step_index),
      reason: e.reason,
      note: e.note,
      at: e.created_at,
    })),
    files: files.map((f) => ({
      revision: f.revision,
      sha256: f.sha256,
      size: f.size,
      note: f.note,
      createdBy: ref(f.created_by),
      createdAt: f.created_at,
    })),
    dispatches: dispatches.map((d) => ({
      id: d.id,
      name: d.name,
      group: d.recipient_group as RecipientGroup,
      topLeader: d.top_leader === 1,
      upward: d.upward === 1,
      channel: d.channel as DispatchChannel,
      status: d.status as DispatchStatus,
      sentOn: d.sent_on,
      handler: ref(d.handler_id),
      note: d.note,
      version: d.version,
    })),
    changes,
    revision: issue.revision,
    contentVersion: issue.content_version,
    version: issue.version,
  };
  const abilities: IssueAbilities = {
    edit: compiler && compiling,
    submit: compiler && compiling,
    approve: mine !== undefined,
    approveSigns: mine !== undefined && finishes,
    returnTo:
      pendingRow !== undefined && stepIndex !== null
        ? [-1, ...Array.from({ length: stepIndex }, (_, i) => i)]
        : [],
    withdraw: compiler && issue.status === 'reviewing',
    transfer: pendingRow !== undefined,
    addSigner: pendingRow !== undefined,
    remind: compiler && issue.status === 'reviewing',
    correct: compiler && issue.status === 'issued',
    dispatch: compiler && issue.status === 'issued',
    remove: compiler && compiling && issue.round === 0,
  };
  return { data, abilities };
}
