import { idColumn, idColumnType, type MigrationDb } from './helpers.ts';

/** Feedback on items (R3.3): adoptions, leaders' instructions, implementation; with scans. */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  const idType = idColumnType(db);
  await db.schema
    .createTable('item_feedback')
    .addColumn('id', idType, id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('body_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('form', 'text')
    .addColumn('publication', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('leader_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rank', 'text')
    .addColumn('status', 'text')
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issue_id', 'integer', (c) => c.references('issues.id'))
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoke_reason', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('item_feedback_item_idx')
    .on('item_feedback')
    .columns(['item_id', 'id'])
    .execute();
  await db.schema
    .createIndex('item_feedback_kind_idx')
    .on('item_feedback')
    .columns(['kind', 'occurred_on'])
    .execute();
  await db.schema
    .createTable('feedback_files')
    .addColumn('id', idType, id)
    .addColumn('feedback_id', 'integer', (c) => c.notNull().references('item_feedback.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_files_idx').on('feedback_files').columns(['feedback_id']).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('feedback_files').execute();
  await db.schema.dropTable('item_feedback').execute();
}
