import type { ItemState } from '../../../shared/workflow/items.ts';
import type { Tx } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { desksOf } from '../items/desks.ts';

/**
 * Who works on disclosure, per CPPCC: the receiving office's staff (item.edit) prepare the
 * public version; the office director (item.disclose) approves and withdraws it. A director may
 * also prepare, and may prepare and approve in one step.
 */
export interface DisclosureDesks {
  prepare: Set<number>;
  approve: Set<number>;
}

export async function disclosureDesks(tx: Tx, actor: Actor): Promise<DisclosureDesks> {
  const [edit, approve] = await Promise.all([
    desksOf(tx, actor, 'item.edit'),
    desksOf(tx, actor, 'item.disclose'),
  ]);
  const approveIds = new Set(approve.map((d) => d.id));
  return { prepare: new Set([...edit.map((d) => d.id), ...approveIds]), approve: approveIds };
}

/** States of an item that has gone out in an issued publication (an archived one only if it did). */
export const DISCLOSABLE_STATES: readonly ItemState[] = ['published', 'forwarded', 'archived'];

/** The issued issue (期) that carried the item, with its publication's name; null if none. */
export async function issuedIn(tx: Tx, itemId: number): Promise<{ publication: string } | null> {
  const row = await tx
    .selectFrom('issue_items')
    .innerJoin('issues', 'issues.id', 'issue_items.issue_id')
    .innerJoin('publications', 'publications.id', 'issues.publication_id')
    .select('publications.name')
    .where('issue_items.item_id', '=', itemId)
    .where('issues.status', '=', 'issued')
    .executeTakeFirst();
  return row ? { publication: row.name } : null;
}

/**
 * Why this item may not be disclosed, or null: the author's consent (可公开) given at
 * submission, and publication in an issued issue of the office's own publications.
 */
export function eligibilityRefusal(
  item: Pick<ItemRow, 'disclosable' | 'status'>,
  issued: boolean,
): AppError | null {
  if (item.disclosable !== 1)
    return new AppError(
      'DISCLOSURE_NOT_CONSENTED',
      '作者报送时未同意公开该信息（未勾选“可公开”），不能向社会公开',
    );
  if (!issued || !DISCLOSABLE_STATES.includes(item.status as ItemState))
    return new AppError('DISCLOSURE_NOT_ISSUED', '该信息尚未在已签发的刊物中编发，不能向社会公开');
  return null;
}

/** The item's receiving office must be one of the actor's desks for this step. */
export function assertDesk(item: Pick<ItemRow, 'target_org_id'>, desks: Set<number>, message: string): void {
  if (item.target_org_id === null || !desks.has(item.target_org_id)) throw new AppError('FORBIDDEN', message);
}
