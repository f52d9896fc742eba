import type { Tx } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';

/** The issue (期) an item is compiled into, if any. */
export function issueOf(tx: Tx, itemId: number) {
  return tx
    .selectFrom('issue_items')
    .innerJoin('issues', 'issues.id', 'issue_items.issue_id')
    .select(['issues.id', 'issues.status'])
    .where('issue_items.item_id', '=', itemId)
    .executeTakeFirst();
}

/**
 * A selected item's text may change while its issue is being compiled, not while leaders are
 * signing it (withdraw the issue first) and never once it is issued (a correction instead).
 */
export async function assertIssueOpen(tx: Tx, itemId: number): Promise<void> {
  const issue = await issueOf(tx, itemId);
  if (issue && issue.status !== 'compiling')
    throw new AppError(
      'ISSUE_LOCKED',
      issue.status === 'reviewing'
        ? '该信息所在刊物正在审签，如需修改请先撤回审签'
        : '该信息所在刊物已签发，修改须通过勘误进行',
    );
}
