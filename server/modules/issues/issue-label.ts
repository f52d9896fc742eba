import { type IssueKind, issueNumberLabel } from '../../../shared/issues.ts';
import type { Tx } from '../../context.ts';
import type { IssueRow } from '../../db/schema.ts';

/** How an issue is named in lists and notices: 《政协信息》2026年第12期, or before issuing its lead item. */
export function labelOf(
  publicationName: string,
  issue: Pick<IssueRow, 'kind' | 'year' | 'number' | 'status'>,
  firstTitle: string,
  itemCount: number,
): string {
  if (issue.number !== null)
    return `《${publicationName}》${issue.year}年${issueNumberLabel(issue.kind as IssueKind, issue.number)}`;
  const kind = issue.kind === 'supplement' ? '增刊' : '';
  const stage = issue.status === 'reviewing' ? '审签中' : '编排中';
  if (itemCount === 0) return `《${publicationName}》${kind}（${stage}）`;
  return `《${publicationName}》${kind}（${stage}：${firstTitle}${itemCount > 1 ? `等${itemCount}条` : ''}）`;
}

export async function issueLabel(
  tx: Tx,
  issue: Pick<IssueRow, 'id' | 'publication_id' | 'kind' | 'year' | 'number' | 'status'>,
) {
  const p = await tx
    .selectFrom('publications')
    .select('name')
    .where('id', '=', issue.publication_id)
    .executeTakeFirstOrThrow();
  const items = await tx
    .selectFrom('issue_items')
    .innerJoin('items', 'items.id', 'issue_items.item_id')
    .select('items.title')
    .where('issue_items.issue_id', '=', issue.id)
    .orderBy('issue_items.position')
    .execute();
  return labelOf(p.name, issue, items[0]?.title ?? '', items.length);
}
