import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type App, buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { type AppContext, createContext } from '../context.ts';
import { openDb } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { DEFAULT_SETTINGS, type Settings } from '../modules/settings/settings.service.ts';

/** `MINYI_TEST_DB=postgres` runs the data suites on PostgreSQL, each file in a fresh database. */
export const TEST_DIALECT = process.env.MINYI_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
const PG_ADMIN_URL = process.env.MINYI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestContext {
  ctx: AppContext;
  app: App;
  /** Environment that points a CLI at this same database. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: '/tmp/minyi-test',
    demo: false,
    production: false,
    rateLimitPerMinute: 100_000,
    loginRateLimitPerMinute: 100_000,
    secureCookies: false,
    webDir: '/nonexistent',
    trustProxy: false,
    digestWebhookUrl: undefined,
    ...overrides,
  };
}

async function freshPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `minyi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A migrated database of the selected dialect, the app on top of it, and the default settings. */
export async function createTestContext(
  options: { config?: Partial<Config>; settings?: Partial<Settings>; sqliteFile?: boolean } = {},
): Promise<TestContext> {
  const pgDb = TEST_DIALECT === 'postgres' ? await freshPgDatabase() : null;
  const dataDir = options.sqliteFile ? fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-test-')) : null;
  const db = openDb(
    pgDb
      ? { databaseUrl: pgDb.url, poolSize: 5 }
      : { sqlitePath: dataDir ? path.join(dataDir, 'minyi.sqlite') : ':memory:' },
  );
  const env: Record<string, string> = pgDb
    ? { DATABASE_URL: pgDb.url }
    : dataDir
      ? { DATA_DIR: dataDir }
      : {};
  await migrateToLatest(db);
  // Settings are read from the database every time, so a read outside an open transaction
  // (which would wait forever on SQLite's single connection) shows up in any test.
  const ctx = createContext(db, testConfig(options.config), { settingsCacheMs: 0 });
  await ctx.settings.save({ ...DEFAULT_SETTINGS, totpRequiredRoles: [], ...options.settings });
  const app = await buildApp(ctx);
  return {
    ctx,
    app,
    env,
    async close() {
      await app.close();
      await db.close();
      await pgDb?.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
