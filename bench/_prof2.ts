import { buildApp } from '../server/app.ts';
import { createContext } from '../server/context.ts';
import { openDb } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrator.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { authenticate, login } from '../server/modules/auth/auth.service.ts';
import { createSettingsStore } from '../server/modules/settings/settings.service.ts';
import { listUsers } from '../server/modules/users/users.service.ts';
import { testConfig } from '../server/test/context.ts';

const db = openDb({ sqlitePath: '/tmp/prof2.sqlite' });
await migrateToLatest(db);
const ctx = createContext(db, testConfig({ demo: true }));
if (!(await db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst()))
  await seedDemo(ctx, 'Bench#Minyi2026');
const out = await login(ctx, 'sysadmin', 'Bench#Minyi2026', { ip: '1', userAgent: 'x' });
const time = async (label: string, fn: () => Promise<unknown>, n = 2000) => {
  for (let i = 0; i < 200; i++) await fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(label, (((performance.now() - t0) / n) * 1000).toFixed(0), 'µs');
};

const actor = (await authenticate(ctx, out.token))!;

const app = await buildApp(ctx);
const cookie = `minyi_sid=${out.token}`;

await time('inject users', () =>
  app.inject({ method: 'GET', url: '/api/users?page=1&pageSize=20', headers: { cookie } }),
);
await time('select 1', () =>
  db.kysely.selectFrom('users').select('id').where('id', '=', 1).executeTakeFirst(),
);
await time('inject health', () => app.inject({ method: 'GET', url: '/api/health' }));
await time('inject me', () => app.inject({ method: 'GET', url: '/api/me', headers: { cookie } }));
await time('listUsers', () => listUsers(ctx, actor, { page: 1, pageSize: 20 }));
await time('inject users', () =>
  app.inject({ method: 'GET', url: '/api/users?page=1&pageSize=20', headers: { cookie } }),
);
