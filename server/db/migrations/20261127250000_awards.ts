import { idColumn, idColumnType, type MigrationDb } from './helpers.ts';

/**
 * 评选表彰 (R4.10): a round per CPPCC office over a period with quotas per kind, and its entries —
 * the subjects ranked within the quota at the last computation and the committee's adjustments
 * (调出 / 增补, each with a reason), which survive recomputation. Names are kept as computed, so a
 * finalised list never changes.
 */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  const idType = idColumnType(db);
  await db.schema
    .createTable('award_rounds')
    .addColumn('id', idType, id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('quota_unit', 'integer', (c) => c.notNull())
    .addColumn('quota_person', 'integer', (c) => c.notNull())
    .addColumn('quota_item', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finalized_by', 'integer', (c) => c.references('users.id'))
    .addColumn('finalized_at', 'text')
    .execute();
  await db.schema.createIndex('award_rounds_org_idx').on('award_rounds').columns(['org_id']).execute();
  await db.schema
    .createTable('award_entries')
    .addColumn('id', idType, id)
    .addColumn('round_id', 'integer', (c) => c.notNull().references('award_rounds.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('rank', 'integer')
    .addColumn('ranked', 'integer', (c) => c.notNull())
    .addColumn('adjustment', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('adjusted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('adjusted_at', 'text')
    .addUniqueConstraint('award_entries_uq', ['round_id', 'kind', 'subject_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('award_entries').execute();
  await db.schema.dropTable('award_rounds').execute();
}
