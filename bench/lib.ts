/**
 * Shared by the HTTP benchmarks: child servers that print `READY <fields…>`, autocannon runs with
 * a warm-up, one printed row per measurement, and throw-away PostgreSQL databases.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = 32;
export const PG_ADMIN = process.env.MINYI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Started {
  child: ChildProcess;
  fields: string[];
}

/** Runs a TypeScript server script in its own process and waits for its `READY …` line. */
export function start(script: string, args: string[]): Promise<Started> {
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

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });
}

export interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  /** Requests that got no answer within the timeout (reported, not fatal). */
  timeouts: number;
}

/**
 * Two seconds of warm-up, then `DURATION` seconds at `CONNECTIONS` connections, each request
 * given `timeout` seconds (default 10). A non-2xx answer or a connection error fails the run;
 * timeouts are counted and reported.
 */
export async function measure(
  url: string,
  headers: Record<string, string> = {},
  options: { timeout?: number } = {},
): Promise<Measurement> {
  const timeout = options.timeout ?? 10;
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers, timeout });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers, timeout });
  if (r.non2xx > 0 || r.errors > r.timeouts)
    throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors - r.timeouts} errors`);
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50, timeouts: r.timeouts };
}

export function row(name: string, m: Measurement, bare?: number, width = 44): void {
  const ratio = bare ? `${((m.rps / bare) * 100).toFixed(1)}%` : '100%';
  const timeouts = m.timeouts ? `   ${m.timeouts} timeouts` : '';
  console.log(
    `${name.padEnd(width)} ${m.rps.toFixed(0).padStart(8)} req/s   p50 ${String(m.p50).padStart(3)} ms   p99 ${String(m.p99).padStart(3)} ms   ${ratio} of bare${timeouts}`,
  );
}

/** A fresh database `<prefix>_<random>` on the PostgreSQL server, or null when unreachable. */
export async function createPgDatabase(prefix = 'minyi_bench'): Promise<string | null> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
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

export async function dropPgDatabase(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  await c.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await c.end();
}
