/**
 * `npm run bench:http`: in one run, measures bare Fastify and the authenticated, filtered user
 * list (20 of 10,000) with autocannon at 32 connections, on SQLite and (when reachable) on
 * PostgreSQL, and prints requests/s, p99 and the ratio to bare. Each server runs in its own
 * process; timings on a shared machine are only comparable within one run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const PG_ADMIN = process.env.MINYI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Started {
  child: ChildProcess;
  fields: string[];
}

function start(script: string, args: string[]): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (line) resolve({ child, fields: line.trim().split(' ').slice(1) });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });
}

async function measure(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers }); // warm-up
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50 };
}

function row(name: string, m: { rps: number; p99: number; p50: number }, bare?: number) {
  const ratio = bare ? `${((m.rps / bare) * 100).toFixed(1)}%` : '100%';
  console.log(
    `${name.padEnd(44)} ${m.rps.toFixed(0).padStart(8)} req/s   p50 ${String(m.p50).padStart(3)} ms   p99 ${String(m.p99).padStart(3)} ms   ${ratio} of bare`,
  );
}

async function pgReachable(): Promise<string | null> {
  const name = `minyi_bench_${Date.now()}`;
  try {
    const c = new pg.Client({ connectionString: PG_ADMIN });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    return u.toString();
  } catch {
    return null;
  }
}

async function dropPg(url: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  await c.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await c.end();
}

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
  const pgUrl = await pgReachable();
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
  if (pgUrl) await dropPg(pgUrl);
  fs.rmSync(dir, { recursive: true, force: true });
} finally {
  for (const c of children) c.kill();
}
