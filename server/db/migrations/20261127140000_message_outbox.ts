import { idColumn, idColumnType, type MigrationDb } from './helpers.ts';

/** Messages leaving the platform (unread digests to the messaging gateway), kept until delivered. */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('message_outbox')
    .addColumn('id', idColumnType(db), idColumn(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('message_outbox_pending_idx')
    .on('message_outbox')
    .columns(['sent_at', 'id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('message_outbox').execute();
}
