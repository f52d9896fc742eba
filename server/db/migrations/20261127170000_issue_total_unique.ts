import type { MigrationDb } from './helpers.ts';

/** 总第M期 is unique per publication, as 第N期 is per series and year. */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('issues_total_number_uq')
    .on('issues')
    .columns(['publication_id', 'total_number'])
    .unique()
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('issues_total_number_uq').execute();
}
