import { sql } from 'kysely';
import { idColumn, idColumnType, type MigrationDb } from './helpers.ts';

/**
 * The public portal (R4.4): the public version of items the office approved for disclosure,
 * and the office's notices. Neither is ever deleted: a withdrawal keeps who, when and why.
 */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  const idType = idColumnType(db);
  await db.schema
    .createTable('disclosures')
    .addColumn('id', idType, id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('publication', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('disclosed_on', 'text')
    .addColumn('year', 'integer')
    .addColumn('prepared_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('prepared_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('withdrawn_by', 'integer', (c) => c.references('users.id'))
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // At most one record per item that is not withdrawn (a draft or the disclosed version).
  await db.schema
    .createIndex('disclosures_live_item_idx')
    .on('disclosures')
    .column('item_id')
    .unique()
    .where(sql.ref('withdrawn_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('disclosures_public_idx')
    .on('disclosures')
    .columns(['status', 'disclosed_on', 'id'])
    .execute();
  await db.schema.createIndex('disclosures_org_idx').on('disclosures').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('notices')
    .addColumn('id', idType, id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('publish_on', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('published_at', 'text')
    .addColumn('withdrawn_by', 'integer', (c) => c.references('users.id'))
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('notices_public_idx')
    .on('notices')
    .columns(['status', 'publish_on', 'id'])
    .execute();
  await db.schema.createIndex('notices_org_idx').on('notices').columns(['org_id', 'id']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('notices').execute();
  await db.schema.dropTable('disclosures').execute();
}
