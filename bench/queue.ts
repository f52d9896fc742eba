/**
 * `npm run bench:queue`: the information office's queue (`GET /api/items?view=queue`) on a
 * database of 200,000 items, on SQLite and (when reachable) on PostgreSQL. For each database it
 * builds the data (queue-data.ts), prints each filter's query plans and in-process query times,
 * then starts the real application in its own process, signs in as an editor of the provincial
 * office and measures every filter with autocannon at 32 connections next to bare Fastify.
 *
 * BENCH_ITEMS (default 200000) sets the size, BENCH_SECONDS (default 10) each measurement's
 * length. Timings on a shared machine are only comparable within one run.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../server/db/database.ts';
import {
  CONNECTIONS,
  createPgDatabase,
  DURATION,
  dropPgDatabase,
  type Measurement,
  measure,
  row,
  start,
  stop,
} from './lib.ts';
import { buildQueueDatabase, type QueueDb } from './queue-data.ts';
import { explain, scenarios } from './queue-plans.ts';

const TOTAL = Number(process.env.BENCH_ITEMS ?? 200_000);

interface Result {
  label: string;
  m: Measurement;
  dbMs: number;
}

/**
 * Measures each filter on a fresh server process: a slow filter leaves requests in progress when
 * autocannon stops (Node interleaves them, so they all finish late together), and they must not
 * weigh on the next filter.
 */
async function measureQueue(
  args: string[],
  info: QueueDb,
  dbTimes: Record<string, number>,
): Promise<Result[]> {
  const results: Result[] = [];
  for (const s of scenarios(info)) {
    const app = await start('bench/queue-server.ts', args);
    children.push(app.child);
    try {
      const [port, cookie] = app.fields as [string, string];
      const url = `http://127.0.0.1:${port}/api/items?view=queue${s.query ? `&${s.query}` : ''}`;
      const probe = (await (await fetch(url, { headers: { cookie } })).json()) as { total: number };
      const m = await measure(url, { cookie }, { timeout: 30 });
      results.push({ label: `${s.label} — ${probe.total} found`, m, dbMs: dbTimes[s.label] ?? 0 });
    } finally {
      await stop(app.child);
    }
  }
  return results;
}

function table(title: string, results: Result[], bare: number) {
  console.log(`\n${title}`);
  for (const r of results) row(`${r.label} (db ${r.dbMs.toFixed(1)} ms)`, r.m, bare, 62);
}

const children: ChildProcess[] = [];
const summary: string[] = [];
try {
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${DURATION} s per measurement, ${os.cpus().length} cores, ${TOTAL} items`,
  );
  const bare = await start('bench/bare-server.ts', []);
  children.push(bare.child);
  const bareM = await measure(`http://127.0.0.1:${bare.fields[0]}/api/ping`);
  row('bare Fastify GET /api/ping', bareM);
  await stop(bare.child);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-bench-queue-'));
  const sqlitePath = path.join(dir, 'queue.sqlite');
  const targets: { label: string; args: string[]; sqlite?: string; pgUrl?: string }[] = [
    { label: 'SQLite', args: ['', sqlitePath], sqlite: sqlitePath },
  ];
  const pgUrl = await createPgDatabase();
  if (pgUrl) targets.push({ label: 'PostgreSQL', args: [pgUrl], pgUrl });
  else console.log('PostgreSQL unreachable: skipped');
  try {
    for (const target of targets) {
      console.log(`\n== ${target.label} ==`);
      const db = openDb(target.pgUrl ? { databaseUrl: target.pgUrl } : { sqlitePath });
      const t0 = Date.now();
      const info = await buildQueueDatabase(db, TOTAL, (line) => console.log(`  ${line}`));
      const buildS = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(`  database ready in ${buildS} s; the provincial queue holds ${info.items} items`);
      if (target.sqlite) console.log(`  file size ${(fs.statSync(sqlitePath).size / 1e6).toFixed(0)} MB`);
      const times = await explain(target, db.kysely, info);
      await db.close();
      const results = await measureQueue(target.args, info, times);
      table(`${target.label}: GET /api/items?view=queue (as 信息处编辑)`, results, bareM.rps);
      summary.push(
        `| **${target.label}** (built in ${buildS} s) | | | | | |`,
        ...results.map((r) => fmt(r, bareM.rps)),
      );
    }
  } finally {
    if (pgUrl) await dropPgDatabase(pgUrl);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // The machine may be shared: bare Fastify once more shows how much the capacity moved.
  const bareAgain = await start('bench/bare-server.ts', []);
  children.push(bareAgain.child);
  const bareEnd = await measure(`http://127.0.0.1:${bareAgain.fields[0]}/api/ping`);
  row('bare Fastify GET /api/ping, at the end', bareEnd);
  await stop(bareAgain.child);
  console.log(
    `\nSummary (bare Fastify ${bareM.rps.toFixed(0)} req/s at the start, ${bareEnd.rps.toFixed(0)} at the end; ratios to the first)`,
  );
  console.log('| filter — items found | db ms (count + page) | req/s | p50 ms | p99 ms | of bare |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const line of summary) console.log(line);
} finally {
  for (const c of children) c.kill();
}

function fmt(r: Result, bare: number): string {
  const timeouts = r.m.timeouts ? ` (${r.m.timeouts} timeouts)` : '';
  return `| ${r.label} | ${r.dbMs.toFixed(1)} | ${r.m.rps.toFixed(0)} | ${r.m.p50} | ${r.m.p99}${timeouts} | ${((r.m.rps / bare) * 100).toFixed(1)}% |`;
}
