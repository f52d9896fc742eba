import { checkPassword } from '../shared/password-policy.ts';
import { ROLES } from '../shared/roles.ts';
import { buildApp } from './app.ts';
import { bootstrapProduction, isEmpty } from './bootstrap.ts';
import { loadConfig, sqlitePathFor } from './config.ts';
import { createContext } from './context.ts';
import { openDb } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { DEMO_ACCOUNTS, resetDemoPasswords, seedDemo } from './demo/seed.ts';
import { randomPassword } from './lib/crypto.ts';
import { startMaintenance } from './maintenance.ts';

const config = loadConfig();
const db = openDb({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathFor(config) });
const applied = await migrateToLatest(db);
const ctx = createContext(db, config);
const lines: string[] = [];
if (applied.length) lines.push(`已执行数据库迁移：${applied.join('、')}`);

if (config.demo) {
  const password = process.env.DEMO_PASSWORD || randomPassword();
  const problems = [...new Set(DEMO_ACCOUNTS.flatMap((a) => checkPassword(password, a.login)))];
  if (problems.length) {
    console.error(`DEMO_PASSWORD 不符合密码策略：${problems.join('；')}`);
    process.exit(1);
  }
  if (await isEmpty(ctx)) {
    await seedDemo(ctx, password);
    lines.push('已载入演示省份数据（安徽省政协系统）。');
  } else {
    await resetDemoPasswords(ctx, password);
  }
  lines.push('演示账号（密码均为下方所示）：');
  for (const a of DEMO_ACCOUNTS)
    lines.push(`  ${a.login.padEnd(10)} ${ROLES[a.role].label}（${a.realName}）`);
  lines.push(`  演示密码：${password}`);
} else if (await isEmpty(ctx)) {
  const accounts = await bootstrapProduction(ctx, process.env.ORG_ROOT_NAME || '省政协');
  lines.push('系统已初始化。以下三员账号的一次性密码只显示这一次，首次登录须修改：');
  for (const a of accounts) lines.push(`  ${a.login.padEnd(10)} ${a.roleLabel}  一次性密码：${a.password}`);
}

const app = await buildApp(ctx, { logger: config.production });
startMaintenance(ctx, app.log);
await app.listen({ port: config.port, host: config.host });
const address = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
console.log(
  [
    '',
    `民意直通车已启动：${address}`,
    `数据库：${db.dialect === 'postgres' ? 'PostgreSQL' : sqlitePathFor(config)}`,
    ...lines,
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await db.close();
    process.exit(0);
  });
}
