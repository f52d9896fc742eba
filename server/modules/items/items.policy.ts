import {
  AUTHOR_EDITABLE_STATES,
  actionsFor,
  type ItemAction,
  type ItemParty,
  type ItemState,
} from '../../../shared/workflow/items.ts';
import type { Tx } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';
import { can, reachCoversOrg, reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { desksOf } from './desks.ts';
import { authorUserIds } from './items.repository.ts';

/** The CPPCCs whose intake the actor works, for editing and for assigning. */
export interface Desks {
  edit: Set<number>;
  assign: Set<number>;
}

export async function loadDesks(tx: Tx, actor: Actor): Promise<Desks> {
  const [edit, assign] = await Promise.all([
    desksOf(tx, actor, 'item.edit'),
    desksOf(tx, actor, 'item.assign'),
  ]);
  return { edit: new Set(edit.map((d) => d.id)), assign: new Set(assign.map((d) => d.id)) };
}

export interface ItemAccess {
  parties: Set<ItemParty>;
  /** May read the item (a party, or the liaison of the submitting unit once it is submitted). */
  visible: boolean;
}

/**
 * What the actor is to an item. Drafts are private to their authors: the office sees an item
 * from its submission on (a withdrawn item keeps its receiving desk on record but is a draft
 * again).
 */
export async function accessOf(tx: Tx, actor: Actor, item: ItemRow, desks: Desks): Promise<ItemAccess> {
  const parties = new Set<ItemParty>();
  // Authors credited on a composite read it but did not write it: it is the office's text.
  const credited = item.created_by === actor.id || (await authorUserIds(tx, item.id)).includes(actor.id);
  if (credited && !item.composite && (can(actor, 'item.submit') || can(actor, 'item.submit_for_member')))
    parties.add('author');
  if (item.target_org_id !== null && item.status !== 'draft') {
    if (desks.edit.has(item.target_org_id)) parties.add('office');
    if (desks.assign.has(item.target_org_id)) parties.add('assigner');
  }
  let visible = parties.size > 0 || (credited && item.status !== 'draft');
  if (!visible && item.status !== 'draft' && can(actor, 'item.read_unit')) {
    const org = await tx
      .selectFrom('organizations')
      .select(['id', 'path'])
      .where('id', '=', item.submitting_org_id)
      .executeTakeFirst();
    visible = org !== undefined && reachCoversOrg(reachOf(actor, 'item.read_unit'), org);
  }
  return { parties, visible };
}

/** The actions the table offers the actor now (people never take the platform's own actions). */
export function allowedActions(item: Pick<ItemRow, 'status'>, access: ItemAccess): ItemAction[] {
  return actionsFor(item.status as ItemState, access.parties);
}

/** The author may change the text: before submission and after a return. */
export function mayEditDraft(item: Pick<ItemRow, 'status'>, access: ItemAccess): boolean {
  return access.parties.has('author') && AUTHOR_EDITABLE_STATES.includes(item.status as ItemState);
}

/** Files may be added or removed while the author or the office is working on the text. */
export function mayAttach(
  item: Pick<ItemRow, 'status'>,
  access: ItemAccess,
  maxAttachments: number,
): boolean {
  const officeWorking =
    access.parties.has('office') && (item.status === 'registered' || item.status === 'editing');
  return (mayEditDraft(item, access) || officeWorking) && maxAttachments > 0;
}
