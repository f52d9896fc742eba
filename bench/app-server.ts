/**
 * Benchmark target: the full application on a database holding 10,000 users, started as its
 * own process so the load generator does not share its event loop. Prints `READY <port> <cookie>`.
 */
import { buildApp } from '../server/app.ts';
import { createContext } from '../server/context.ts';
import { openDb } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrator.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { testConfig } from '../server/test/context.ts';

const PASSWORD = 'Bench#Minyi2026';
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国文辉力志永林红波宇鹏飞';

const url = process.argv[2];
const sqlitePath = process.argv[3];
const db = openDb(url ? { databaseUrl: url, poolSize: 10 } : { sqlitePath });
await migrateToLatest(db);
const ctx = createContext(
  db,
  testConfig({ demo: true, rateLimitPerMinute: 10_000_000, loginRateLimitPerMinute: 1000 }),
);
const clock = ctx.clock;
await seedDemo(ctx, PASSWORD);

// Pad the demo province to 10,000 users spread over the city and county CPPCCs.
const orgs = await db.kysely
  .selectFrom('organizations')
  .select('id')
  .where('type', 'in', ['cppcc_city', 'cppcc_county'])
  .execute();
const hash = (
  await db.kysely
    .selectFrom('users')
    .select('password_hash')
    .where('login', '=', 'member')
    .executeTakeFirstOrThrow()
).password_hash;
const existing = Number(
  (
    await db.kysely
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('c'))
      .executeTakeFirstOrThrow()
  ).c,
);
const now = clock.iso();
for (let start = existing; start < 10_000; start += 500) {
  const batch = Array.from({ length: Math.min(500, 10_000 - start) }, (_, i) => start + i);
  await db.kysely.transaction().execute(async (tx) => {
    const rows = await tx
      .insertInto('users')
      .values(
        batch.map((n) => ({
          login: `u${n}`,
          real_name:
            SURNAMES[n % SURNAMES.length]! + GIVEN[(n * 7) % GIVEN.length]! + GIVEN[(n * 13) % GIVEN.length]!,
          mobile: `139${String(n).padStart(8, '0')}`,
          password_hash: hash,
          must_change_password: 0,
          enabled: 1,
          totp_enabled: 0,
          totp_last_step: 0,
          member_level: 'city',
          member_term: '第十五届',
          member_sector: '经济界',
          member_party: '',
          member_standing: 0,
          special_officer: 0,
          demo: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    await tx
      .insertInto('memberships')
      .values(
        rows.map((r, i) => ({
          user_id: r.id,
          org_id: orgs[(batch[i]! * 31) % orgs.length]!.id,
          title: '委员',
          sort_order: 0,
        })),
      )
      .execute();
  });
}

const app = await buildApp(ctx);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { login: 'sysadmin', password: PASSWORD },
});
const cookie = login.cookies.find((c) => c.name === 'minyi_sid')!.value;
const hefei = await db.kysely
  .selectFrom('organizations')
  .select('id')
  .where('name', 'like', '%合肥%')
  .where('type', '=', 'cppcc_city')
  .executeTakeFirstOrThrow();
console.log(`READY ${port} minyi_sid=${cookie} ${hefei.id}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
