import { idColumn, idColumnType, type MigrationDb } from './helpers.ts';

/**
 * Scoring (R4.6, R4.7): rule tables per CPPCC effective from a date, and the ledger — one row
 * per subject (unit or person) per scored event, naming its rule and explaining itself.
 */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  const idType = idColumnType(db);
  await db.schema
    .createTable('score_rule_sets')
    .addColumn('id', idType, id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('score_rule_sets_uq', ['org_id', 'effective_from'])
    .execute();
  await db.schema
    .createTable('score_ledger')
    .addColumn('id', idType, id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('rule_set_id', 'integer', (c) => c.references('score_rule_sets.id'))
    .addColumn('rule_key', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('score_ledger_item_idx').on('score_ledger').columns(['item_id']).execute();
  await db.schema
    .createIndex('score_ledger_subject_idx')
    .on('score_ledger')
    .columns(['org_id', 'subject_type', 'subject_id', 'occurred_on'])
    .execute();
  await db.schema
    .createIndex('score_ledger_period_idx')
    .on('score_ledger')
    .columns(['org_id', 'occurred_on'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('score_ledger').execute();
  await db.schema.dropTable('score_rule_sets').execute();
}
