import type { MigrationDb } from './helpers.ts';

/**
 * A rule table may take effect on a day already scored only with a stated reason (the ledger is
 * rescored, never silently); a pending table records when it was last edited.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('score_rule_sets')
    .addColumn('retroactive_reason', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('score_rule_sets').addColumn('updated_at', 'text').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('score_rule_sets').dropColumn('updated_at').execute();
  await db.schema.alterTable('score_rule_sets').dropColumn('retroactive_reason').execute();
}
