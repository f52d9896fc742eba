import { PostgresAdapter, sql } from 'kysely';
import type { Tx } from '../../context.ts';

/**
 * Keyword search over an item's title, registration number and authors' names, by character
 * bigrams: Chinese has no spaces between words and a keyword is often two characters (养老),
 * so every pair of adjacent characters is a token and a keyword matches as a phrase of its
 * pairs. Tokens are written as hexadecimal code points, so neither SQLite's FTS5 tokenizer nor
 * PostgreSQL's text-search parser splits or folds them. The dialect-specific SQL is here only:
 * an FTS5 table `item_fts` on SQLite, a `tsvector` column with a GIN index on PostgreSQL.
 */

const isPostgres = (tx: Tx) => tx.getExecutor().adapter instanceof PostgresAdapter;

/** Letters, digits and CJK characters, lower-cased: what a keyword is matched on. */
function significant(text: string): string[] {
  return [...text.toLowerCase()].filter((ch) => /[\p{L}\p{N}]/u.test(ch));
}

const token = (a: string, b: string) =>
  `x${(a.codePointAt(0) ?? 0).toString(16).padStart(6, '0')}${(b.codePointAt(0) ?? 0).toString(16).padStart(6, '0')}`;

function bigrams(text: string): string[] {
  const chars = significant(text);
  return chars.slice(1).map((ch, i) => token(chars[i] as string, ch));
}

/** The token text of one item; fields are kept apart so no phrase spans two of them. */
export function searchText(fields: readonly string[]): string {
  return fields
    .map((f) => bigrams(f).join(' '))
    .filter(Boolean)
    .join(' x ');
}

/** Whether a keyword is long enough for the index (two significant characters or more). */
export function indexable(q: string): boolean {
  return significant(q).length >= 2;
}

/** Rewrites an item's entry in the search index from its current title, number and authors. */
export async function reindexItem(tx: Tx, itemId: number): Promise<void> {
  const item = await tx
    .selectFrom('items')
    .select(['title', 'number'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) return;
  const authors = await tx.selectFrom('item_authors').select('name').where('item_id', '=', itemId).execute();
  const text = searchText([item.title, item.number ?? '', ...authors.map((a) => a.name)]);
  await writeEntry(tx, itemId, text);
}

export async function writeEntry(tx: Tx, itemId: number, text: string): Promise<void> {
  if (isPostgres(tx)) {
    await sql`insert into item_search (item_id, grams) values (${itemId}, to_tsvector('simple', ${text}))
      on conflict (item_id) do update set grams = excluded.grams`.execute(tx);
  } else {
    await sql`delete from item_fts where rowid = ${itemId}`.execute(tx);
    await sql`insert into item_fts (rowid, grams) values (${itemId}, ${text})`.execute(tx);
  }
}

/** A condition on `items.id`: the items whose title, number or an author's name contains `q`. */
export function keywordMatch(tx: Tx, q: string) {
  const grams = bigrams(q);
  if (isPostgres(tx))
    return sql<boolean>`items.id in (select item_id from item_search where grams @@ to_tsquery('simple', ${grams.join(' <-> ')}))`;
  return sql<boolean>`items.id in (select rowid from item_fts where item_fts match ${`"${grams.join(' ')}"`})`;
}

/** Writes many new entries at once (bulk loads: the benchmark's generated intake). */
export async function insertEntries(
  tx: Tx,
  entries: readonly { itemId: number; text: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  if (isPostgres(tx))
    await sql`insert into item_search (item_id, grams) values ${sql.join(
      entries.map((e) => sql`(${e.itemId}, to_tsvector('simple', ${e.text}))`),
    )}`.execute(tx);
  else
    await sql`insert into item_fts (rowid, grams) values ${sql.join(entries.map((e) => sql`(${e.itemId}, ${e.text})`))}`.execute(
      tx,
    );
}
