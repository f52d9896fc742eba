/**
 * Benchmark target for `npm run bench:stats`: the full application on the database built by
 * stats-data.ts, in its own process so the load generator does not share its event loop.
 * Prints `READY <port>`; the measured endpoint is public.
 */
import { buildApp } from '../server/app.ts';
import { createContext } from '../server/context.ts';
import { openDb } from '../server/db/database.ts';
import { testConfig } from '../server/test/context.ts';

const db = openDb({ sqlitePath: process.argv[2] });
const ctx = createContext(db, testConfig({ rateLimitPerMinute: 10_000_000 }));
const app = await buildApp(ctx);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`READY ${typeof address === 'object' && address ? address.port : 0}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
