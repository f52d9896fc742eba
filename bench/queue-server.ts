/**
 * Benchmark target for `npm run bench:queue`: the full application on a database built by
 * queue-data.ts, in its own process so the load generator does not share its event loop.
 * Prints `READY <port> <cookie>` once the bench editor is signed in.
 */
import { buildApp } from '../server/app.ts';
import { createContext } from '../server/context.ts';
import { openDb } from '../server/db/database.ts';
import { testConfig } from '../server/test/context.ts';
import { BENCH_EDITOR, BENCH_PASSWORD } from './queue-data.ts';

const url = process.argv[2];
const sqlitePath = process.argv[3];
const db = openDb(url ? { databaseUrl: url, poolSize: 10 } : { sqlitePath });
const ctx = createContext(
  db,
  testConfig({ demo: true, rateLimitPerMinute: 10_000_000, loginRateLimitPerMinute: 1000 }),
);
const app = await buildApp(ctx);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { login: BENCH_EDITOR, password: BENCH_PASSWORD },
});
const cookie = login.cookies.find((c) => c.name === 'minyi_sid');
if (!cookie) throw new Error(`login failed: ${login.body}`);
console.log(`READY ${port} minyi_sid=${cookie.value}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
