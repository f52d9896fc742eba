import type {
  DisclosureRowView,
  DisclosureStatus,
  DisclosureView,
  ItemDisclosure,
} from '../../../shared/schemas/portal.ts';
import type { Tx } from '../../context.ts';
import type { DisclosureRow, ItemRow } from '../../db/schema.ts';
import { printedItem } from '../issues/document.build.ts';
import { type DisclosureDesks, eligibilityRefusal, issuedIn } from './disclosures.policy.ts';

/** The people named on records as `{ id, name }`, read in one query. */
export async function userRefs(
  tx: Tx,
  ids: readonly (number | null)[],
): Promise<(id: number) => { id: number; name: string }> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  const names = new Map(
    wanted.length === 0
      ? []
      : (await tx.selectFrom('users').select(['id', 'real_name']).where('id', 'in', wanted).execute()).map(
          (u) => [u.id, u.real_name],
        ),
  );
  return (id) => ({ id, name: names.get(id) ?? '' });
}

export async function presentDisclosures(tx: Tx, rows: DisclosureRow[]): Promise<DisclosureView[]> {
  const ref = await userRefs(
    tx,
    rows.flatMap((r) => [r.prepared_by, r.approved_by, r.withdrawn_by]),
  );
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    status: r.status as DisclosureStatus,
    title: r.title,
    text: r.text,
    category: r.category,
    topic: r.topic,
    publication: r.publication,
    disclosedOn: r.disclosed_on,
    preparedBy: ref(r.prepared_by),
    preparedAt: r.prepared_at,
    approvedBy: r.approved_by === null ? null : ref(r.approved_by),
    approvedAt: r.approved_at,
    withdrawn:
      r.withdrawn_at === null || r.withdrawn_by === null
        ? null
        : { by: ref(r.withdrawn_by), at: r.withdrawn_at, reason: r.withdraw_reason },
    version: r.version,
  }));
}

/** Rows of the office's list: without the text, with the item's number and title. */
export async function presentDisclosureRows(tx: Tx, rows: DisclosureRow[]): Promise<DisclosureRowView[]> {
  const views = await presentDisclosures(tx, rows);
  const items = new Map(
    rows.length === 0
      ? []
      : (
          await tx
            .selectFrom('items')
            .select(['id', 'number', 'title'])
            .where(
              'id',
              'in',
              rows.map((r) => r.item_id),
            )
            .execute()
        ).map((i) => [i.id, i]),
  );
  return views.map(({ text: _text, ...v }) => ({
    ...v,
    item: items.get(v.itemId) ?? { id: v.itemId, number: null, title: '' },
  }));
}

/** The disclosure section of an item page: the live record, earlier ones, the starting text, what the reader may do. */
export async function presentItemDisclosure(
  tx: Tx,
  item: ItemRow,
  desks: DisclosureDesks,
): Promise<ItemDisclosure> {
  const rows = await tx
    .selectFrom('disclosures')
    .selectAll()
    .where('item_id', '=', item.id)
    .orderBy('id', 'desc')
    .execute();
  const views = await presentDisclosures(tx, rows);
  const current = views.find((v) => v.status !== 'withdrawn') ?? null;
  const issued = (await issuedIn(tx, item.id)) !== null;
  const eligible = eligibilityRefusal(item, issued) === null;
  const onDesk = (set: Set<number>) => item.target_org_id !== null && set.has(item.target_org_id);
  const printed = printedItem(item, '');
  return {
    data: {
      current,
      history: views.filter((v) => v.status === 'withdrawn'),
      proposal: { title: item.title, text: printed.paragraphs.join('\n') },
      consent: item.disclosable === 1,
      issued,
    },
    abilities: {
      prepare: eligible && onDesk(desks.prepare) && current?.status !== 'disclosed',
      approve: eligible && onDesk(desks.approve) && current?.status !== 'disclosed',
      withdraw:
        current !== null && (current.status === 'disclosed' ? onDesk(desks.approve) : onDesk(desks.prepare)),
    },
  };
}
