import { sql } from 'kysely';
import { countChars } from '../../../shared/items.ts';
import type { ItemContent } from '../../../shared/schemas/items.ts';
import type { ItemAction, ItemState } from '../../../shared/workflow/items.ts';
import type { Tx } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';

export function findItem(tx: Tx, id: number): Promise<ItemRow | undefined> {
  return tx.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** User ids listed among an item's authors. */
export async function authorUserIds(tx: Tx, itemId: number): Promise<number[]> {
  const rows = await tx
    .selectFrom('item_authors')
    .select('user_id')
    .where('item_id', '=', itemId)
    .where('user_id', 'is not', null)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.user_id as number);
}

/** The part of a text a stream uses: the three sections of 社情民意, the body of 综合信息. */
export function streamContent(c: ItemContent, stream: string): ItemContent {
  return stream === 'sqmy' ? { ...c, body: '' } : { ...c, situation: '', analysis: '', suggestion: '' };
}

/**
 * The text columns of an item, with its length as offices count it: the characters of the
 * stream's text, without the title and without whitespace. A draft keeps the other stream's
 * text too (the author may switch back); it is dropped at submission.
 */
export function textColumns(c: ItemContent, stream: string) {
  const counted = streamContent(c, stream);
  return {
    title: c.title,
    situation: c.situation,
    analysis: c.analysis,
    suggestion: c.suggestion,
    body: c.body,
    char_count: countChars(counted.situation + counted.analysis + counted.suggestion + counted.body),
  };
}

export function contentOf(
  row: Pick<ItemRow, 'title' | 'situation' | 'analysis' | 'suggestion' | 'body'>,
): ItemContent {
  return {
    title: row.title,
    situation: row.situation,
    analysis: row.analysis,
    suggestion: row.suggestion,
    body: row.body,
  };
}

export async function appendEvent(
  tx: Tx,
  e: {
    itemId: number;
    action: ItemAction;
    from: ItemState | null;
    to: ItemState;
    actorId: number | null;
    reason?: string;
    note?: string;
    at: string;
  },
): Promise<void> {
  await tx
    .insertInto('item_events')
    .values({
      item_id: e.itemId,
      action: e.action,
      from_state: e.from,
      to_state: e.to,
      actor_id: e.actorId,
      reason: e.reason ?? '',
      note: e.note ?? '',
      created_at: e.at,
    })
    .execute();
}

/** Appends the next version of an item's text; versions are never changed afterwards. */
export async function appendVersion(
  tx: Tx,
  itemId: number,
  kind: 'original' | 'edit' | 'resubmission' | 'composite' | 'correction',
  stream: string,
  content: ItemContent,
  editorId: number,
  at: string,
): Promise<number> {
  const last = await tx
    .selectFrom('item_versions')
    .select((eb) => eb.fn.max<number>('no').as('no'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  const no = Number(last?.no ?? 0) + 1;
  await tx
    .insertInto('item_versions')
    .values({
      item_id: itemId,
      no,
      kind,
      ...textColumns(content, stream),
      editor_id: editorId,
      created_at: at,
    })
    .execute();
  return no;
}

/**
 * The next registration number of a CPPCC for a year. The counter row is created once and then
 * only ever incremented inside the registering transaction: PostgreSQL's row lock and SQLite's
 * single writer make concurrent registrations wait for each other, so numbers are distinct and
 * never reused (a rolled-back registration takes its increment with it).
 */
export async function nextNumber(tx: Tx, orgId: number, year: number): Promise<number> {
  await tx
    .insertInto('item_counters')
    .values({ org_id: orgId, year, last: 0 })
    .onConflict((oc) => oc.columns(['org_id', 'year']).doNothing())
    .execute();
  const row = await tx
    .updateTable('item_counters')
    .set({ last: sql`last + 1` })
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

/** Formats a registration number: `{year}` and `{seq}` (zero-padded to four digits). */
export function formatNumber(format: string, year: number, seq: number): string {
  return format.replaceAll('{year}', String(year)).replaceAll('{seq}', String(seq).padStart(4, '0'));
}
