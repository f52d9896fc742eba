import type { MigrationDb } from './helpers.ts';

/**
 * One counter that every committed change increments. Readers key caches by it, so a change on
 * any instance invalidates every instance's cached lists at its next read.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('data_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('data_generation').values({ id: 1, value: 0 }).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('data_generation').execute();
}
