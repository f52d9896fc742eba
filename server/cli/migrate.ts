import { loadConfig, sqlitePathFor } from '../config.ts';
import { openDb } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';

const config = loadConfig();
const db = openDb({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathFor(config) });
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `已执行迁移：${applied.join('、')}` : '数据库已是最新结构，无需迁移。');
} finally {
  await db.close();
}
