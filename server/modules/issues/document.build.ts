import {
  chineseDate,
  ISSUE_URGENCIES,
  type IssueKind,
  type IssueUrgency,
  issueNumberLabel,
} from '../../../shared/issues.ts';
import type { Recipient } from '../../../shared/schemas/issues.ts';
import type { Tx } from '../../context.ts';
import type { IssueRow, ItemRow, PublicationRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import type { IssueDocument, IssueDocumentItem } from './render/document.ts';

const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** An item as printed: its title, its paragraphs in reading order, and who it is from. */
export function printedItem(
  item: Pick<ItemRow, 'title' | 'situation' | 'analysis' | 'suggestion' | 'body' | 'stream'>,
  byline: string,
): IssueDocumentItem {
  const text =
    item.stream === 'sqmy' ? [item.situation, item.analysis, item.suggestion].join('\n') : item.body;
  return { title: item.title, paragraphs: paragraphsOf(text), byline };
}

/** The items of an issue in their order, with their attributions. */
export async function issueItemRows(tx: Tx, issueId: number) {
  const rows = await tx
    .selectFrom('issue_items')
    .innerJoin('items', 'items.id', 'issue_items.item_id')
    .innerJoin('organizations', 'organizations.id', 'items.submitting_org_id')
    .selectAll('items')
    .select(['issue_items.position', 'organizations.name as orgName'])
    .where('issue_items.issue_id', '=', issueId)
    .orderBy('issue_items.position')
    .execute();
  const ids = rows.map((r) => r.id);
  const authors = ids.length
    ? await tx
        .selectFrom('item_authors')
        .select(['item_id', 'name', 'position'])
        .where('item_id', 'in', ids)
        .orderBy('item_id')
        .orderBy('position')
        .execute()
    : [];
  const names = new Map<number, string[]>();
  for (const a of authors) names.set(a.item_id, [...(names.get(a.item_id) ?? []), a.name]);
  return rows.map((r) => ({ ...r, authorNames: names.get(r.id) ?? [] }));
}

export function bylineOf(authorNames: readonly string[], orgName: string): string {
  return `（${authorNames.length ? authorNames.join('、') : orgName}）`;
}

export function numberLabels(issue: Pick<IssueRow, 'kind' | 'number' | 'total_number'>): {
  numberLabel: string;
  totalLabel: string;
} {
  return {
    numberLabel: issueNumberLabel(issue.kind as IssueKind, issue.number),
    totalLabel: issue.total_number !== null ? `总第${issue.total_number}期` : '',
  };
}

/**
 * The document of an issue from its current data: the preview while it is compiled and
 * signed, and at signing the text that is frozen. `signedAt` gives the printed date.
 */
export async function buildDocument(
  tx: Tx,
  issue: IssueRow,
  publication: PublicationRow,
  options: { draft: boolean; signedAt: string | null },
): Promise<IssueDocument> {
  const rows = await issueItemRows(tx, issue.id);
  const recipients = JSON.parse(issue.recipients) as Recipient[];
  const group = (g: Recipient['group']) => recipients.filter((r) => r.group === g).map((r) => r.name);
  const urgency = issue.urgency as IssueUrgency;
  return {
    masthead: publication.masthead,
    mastheadColor: publication.masthead_color,
    marking: publication.marking,
    urgency: urgency === 'normal' ? '' : ISSUE_URGENCIES[urgency],
    ...numberLabels(issue),
    publisher: publication.publisher,
    date: options.signedAt ? chineseDate(cstDate(new Date(options.signedAt))) : '',
    editorNote: issue.editor_note,
    items: rows.map((r) => printedItem(r, bylineOf(r.authorNames, r.orgName))),
    recipients: { bao: group('bao'), song: group('song'), fa: group('fa') },
    printRun: issue.print_run,
    draft: options.draft,
    correction: null,
  };
}
