import { sql } from 'kysely';
import { idColumn, idColumnType, type MigrationDb } from './helpers.ts';

/**
 * Member performance (委员履职, R4.8): a scheme per CPPCC and year, and members' disputes
 * (申诉) with the office's resolution on record.
 */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  const idType = idColumnType(db);
  await db.schema
    .createTable('performance_schemes')
    .addColumn('id', idType, id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('performance_schemes_uq', ['org_id', 'year'])
    .execute();
  await db.schema
    .createTable('performance_disputes')
    .addColumn('id', idType, id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reply', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('adjustment', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'text')
    .execute();
  // One open dispute per member, year and entry (or per year for “something missing”).
  await sql`create unique index performance_disputes_open_uq on performance_disputes (org_id, user_id, year, coalesce(item_id, 0)) where state = 'open'`.execute(
    db,
  );
  await db.schema
    .createIndex('performance_disputes_member_idx')
    .on('performance_disputes')
    .columns(['org_id', 'year', 'user_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('performance_disputes').execute();
  await db.schema.dropTable('performance_schemes').execute();
}
