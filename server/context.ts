import type { Kysely, Transaction } from 'kysely';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { bumpGeneration, GenerationCache } from './db/generation.ts';
import type { Database } from './db/schema.ts';
import { type Clock, createClock } from './lib/clock.ts';
import { type AuditInput, appendAudit } from './modules/audit/audit.service.ts';
import { ActorCache } from './modules/auth/actor-cache.ts';
import { createSettingsStore, type SettingsStore } from './modules/settings/settings.service.ts';

/** What every service needs: the database, the configuration, the clock and the settings. */
export interface AppContext {
  db: Db;
  config: Config;
  clock: Clock;
  settings: SettingsStore;
  /** Authenticated sessions trusted for a moment without a database read. */
  actors: ActorCache;
  /** Read results valid while the data generation is unchanged (see db/generation.ts). */
  reads: GenerationCache<unknown>;
}

/** `settingsCacheMs: 0` (the tests) makes every settings read go to the database. */
export function createContext(
  db: Db,
  config: Config,
  options: { settingsCacheMs?: number } = {},
): AppContext {
  const clock = createClock();
  return {
    db,
    config,
    clock,
    settings: createSettingsStore(db, clock, options.settingsCacheMs),
    actors: new ActorCache(),
    reads: new GenerationCache(),
  };
}

/** Who is acting and from where; recorded in the audit log. */
export interface Who {
  actor: { id: number; login: string } | null;
  ip: string;
}

export type Tx = Kysely<Database> | Transaction<Database>;
export type AuditFn = (entry: Omit<AuditInput, 'actor' | 'ip' | 'at'>) => Promise<void>;

/**
 * Runs a state change in one transaction together with its audit rows: the change and its
 * record commit or roll back together. Any change may touch sessions, grants or accounts, so
 * this instance's cached actors are dropped before and after.
 */
export async function inTransaction<T>(
  ctx: AppContext,
  who: Who,
  fn: (tx: Tx, audit: AuditFn) => Promise<T>,
): Promise<T> {
  ctx.actors.clear();
  try {
    return await ctx.db.kysely.transaction().execute(async (tx) => {
      const result = await fn(tx, (entry) =>
        appendAudit(tx, ctx.db.dialect, { ...entry, actor: who.actor, ip: who.ip, at: ctx.clock.iso() }),
      );
      await bumpGeneration(tx);
      return result;
    });
  } finally {
    ctx.actors.clear();
  }
}
