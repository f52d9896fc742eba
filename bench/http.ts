/**
 * `npm run bench:http`: in one run, measures bare Fastify and the authenticated, filtered user
 * list (20 of 10,000) with autocannon at 32 connections, on SQLite and (when reachable) on
 * PostgreSQL, and prints requests/s, p99 and the ratio to bare. Each server runs in its own
 * process; timings on a shared machine are only comparable within one run.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONNECTIONS, createPgDatabase, DURATION, dropPgDatabase, measure, row, start, stop } from './lib.ts';

const children: ChildProcess[] = [];
try {
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${DURATION} s per measurement, ${os.cpus().length} cores`,
  );
  const bare = await start('bench/bare-server.ts', []);
  children.push(bare.child);
  const bareM = await measure(`http://127.0.0.1:${bare.fields[0]}/api/ping`);
  row('bare Fastify GET /api/ping', bareM);
  await stop(bare.child);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-bench-'));
  const targets: [string, string[]][] = [['SQLite', ['', path.join(dir, 'bench.sqlite')]]];
  const pgUrl = await createPgDatabase();
  if (pgUrl) targets.push(['PostgreSQL', [pgUrl]]);
  else console.log('PostgreSQL unreachable: skipped');
  for (const [label, args] of targets) {
    const app = await start('bench/app-server.ts', args);
    children.push(app.child);
    const [port, cookie, orgId] = app.fields as [string, string, string];
    const url = `http://127.0.0.1:${port}/api/users?page=1&pageSize=20&orgId=${orgId}&subtree=true&enabled=true`;
    const probe = await fetch(url, { headers: { cookie } });
    const body = (await probe.json()) as { data: unknown[]; total: number };
    const m = await measure(url, { cookie });
    row(`${label}: GET /api/users (20 of ${body.total} filtered)`, m, bareM.rps);
    const search = `http://127.0.0.1:${port}/api/users?page=1&pageSize=20&q=${encodeURIComponent('王')}`;
    row(`${label}: GET /api/users?q=王 (keyword)`, await measure(search, { cookie }), bareM.rps);
    await stop(app.child);
  }
  if (pgUrl) await dropPgDatabase(pgUrl);
  fs.rmSync(dir, { recursive: true, force: true });
} finally {
  for (const c of children) c.kill();
}
