import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from './helpers.ts';

// Frozen copy of the tokenizer of modules/items/item-search.ts at the time of this migration.
const significant = (text: string) => [...text.toLowerCase()].filter((ch) => /[\p{L}\p{N}]/u.test(ch));
const hex = (ch: string) => (ch.codePointAt(0) ?? 0).toString(16).padStart(6, '0');
const grams = (text: string) => {
  const chars = significant(text);
  return chars
    .slice(1)
    .map((ch, i) => `x${hex(chars[i] as string)}${hex(ch)}`)
    .join(' ');
};

/**
 * The editor's queue at scale: indexes for the urgent and topic filters, and the keyword index
 * over titles, numbers and authors (character bigrams; FTS5 on SQLite, tsvector + GIN on PostgreSQL).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('items_target_urgent_idx')
    .on('items')
    .columns(['target_org_id', 'urgent', 'status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('items_target_topic_idx')
    .on('items')
    .columns(['target_org_id', 'topic_id', 'submitted_at'])
    .execute();
  const pg = isPostgres(db);
  if (pg) {
    await sql`create table item_search (item_id integer primary key references items (id), grams tsvector not null)`.execute(
      db,
    );
    await sql`create index item_search_grams_idx on item_search using gin (grams)`.execute(db);
  } else {
    await sql`create virtual table item_fts using fts5 (grams, tokenize = 'unicode61')`.execute(db);
  }
  const items = await db.selectFrom('items').select(['id', 'title', 'number']).execute();
  for (const item of items) {
    const authors = await db
      .selectFrom('item_authors')
      .select('name')
      .where('item_id', '=', item.id)
      .execute();
    const text = [item.title, item.number ?? '', ...authors.map((a: { name: string }) => a.name)]
      .map(grams)
      .filter(Boolean)
      .join(' x ');
    if (pg)
      await sql`insert into item_search (item_id, grams) values (${item.id}, to_tsvector('simple', ${text}))`.execute(
        db,
      );
    else await sql`insert into item_fts (rowid, grams) values (${item.id}, ${text})`.execute(db);
  }
}

export async function down(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) await sql`drop table item_search`.execute(db);
  else await sql`drop table item_fts`.execute(db);
  await db.schema.dropIndex('items_target_topic_idx').execute();
  await db.schema.dropIndex('items_target_urgent_idx').execute();
}
