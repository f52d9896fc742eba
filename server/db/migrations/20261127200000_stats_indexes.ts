import type { MigrationDb } from './helpers.ts';

/**
 * Statistics (R4.6, R4.7) read facts by period: first submissions, item events by action and
 * time, and the units' or members' ledger lines by day (covering the points summed).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.createIndex('items_first_submitted_idx').on('items').column('first_submitted_at').execute();
  await db.schema
    .createIndex('item_events_action_idx')
    .on('item_events')
    .columns(['action', 'created_at', 'item_id'])
    .execute();
  await db.schema
    .createIndex('score_ledger_ranking_idx')
    .on('score_ledger')
    .columns(['org_id', 'subject_type', 'occurred_on', 'subject_id', 'points', 'item_id'])
    .execute();
  await db.schema
    .createIndex('score_ledger_day_idx')
    .on('score_ledger')
    .columns(['subject_type', 'occurred_on', 'item_id', 'subject_id', 'points'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('score_ledger_day_idx').execute();
  await db.schema.dropIndex('score_ledger_ranking_idx').execute();
  await db.schema.dropIndex('item_events_action_idx').execute();
  await db.schema.dropIndex('items_first_submitted_idx').execute();
}
