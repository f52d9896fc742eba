import { type Migration, Migrator } from 'kysely';
import type { Db } from './database.ts';
import * as m20261127090000 from './migrations/20261127090000_foundation.ts';
import * as m20261127110000 from './migrations/20261127110000_data_generation.ts';
import * as m20261127130000 from './migrations/20261127130000_items.ts';
import * as m20261127140000 from './migrations/20261127140000_message_outbox.ts';
import * as m20261127150000 from './migrations/20261127150000_item_queue_search.ts';
import * as m20261127160000 from './migrations/20261127160000_publications.ts';
import * as m20261127170000 from './migrations/20261127170000_issue_total_unique.ts';
import * as m20261127180000 from './migrations/20261127180000_item_feedback.ts';
import * as m20261127190000 from './migrations/20261127190000_scores.ts';
import * as m20261127200000 from './migrations/20261127200000_stats_indexes.ts';
import * as m20261127210000 from './migrations/20261127210000_referrals.ts';
import * as m20261127220000 from './migrations/20261127220000_portal.ts';
import * as m20261127230000 from './migrations/20261127230000_score_rule_reasons.ts';
import * as m20261127240000 from './migrations/20261127240000_performance.ts';
import * as m20261127250000 from './migrations/20261127250000_awards.ts';

/** Every migration, in order. Names are timestamps; a landed migration is never edited. */
const MIGRATIONS: Record<string, Migration> = {
  '20261127090000_foundation': m20261127090000,
  '20261127110000_data_generation': m20261127110000,
  '20261127130000_items': m20261127130000,
  '20261127140000_message_outbox': m20261127140000,
  '20261127150000_item_queue_search': m20261127150000,
  '20261127160000_publications': m20261127160000,
  '20261127170000_issue_total_unique': m20261127170000,
  '20261127180000_item_feedback': m20261127180000,
  '20261127190000_scores': m20261127190000,
  '20261127200000_stats_indexes': m20261127200000,
  '20261127210000_referrals': m20261127210000,
  '20261127220000_portal': m20261127220000,
  '20261127230000_score_rule_reasons': m20261127230000,
  '20261127240000_performance': m20261127240000,
  '20261127250000_awards': m20261127250000,
};

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
