/**
 * `npm run bench:stats`: statistics on a SQLite database of 1,000,000 score-ledger lines and
 * 100,000 items over five years (stats-data.ts). Times, in process after a warm-up, the
 * quarterly statistics by unit (the service function behind GET /api/stats/summary) and the
 * units' ranking by points for a quarter straight from the ledger, printing the median and p90
 * of several runs; then starts the application on that database in its own process and measures
 * the public ranking GET /api/public/ranking?period=quarter with autocannon.
 *
 * BENCH_ITEMS, BENCH_LEDGER, BENCH_RUNS (default 20) and BENCH_SECONDS set the sizes and lengths.
 * Timings on a shared machine are only comparable within one run.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../server/db/database.ts';
import { rankUnits } from '../server/modules/stats/stats.repository.ts';
import type { StatsScope } from '../server/modules/stats/stats.scope.ts';
import { type StatsInput, statsSummary } from '../server/modules/stats/stats.service.ts';
import { calendarPeriod } from '../shared/periods.ts';
import { CONNECTIONS, DURATION, measure, start, stop } from './lib.ts';
import { buildStatsDatabase } from './stats-data.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const LEDGER = Number(process.env.BENCH_LEDGER ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TARGET_MS = 300;

/** Median and p90 of `RUNS` timed calls after three untimed ones. */
async function time(fn: () => Promise<unknown>): Promise<{ median: number; p90: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return {
    median: ms[Math.floor(ms.length / 2)] as number,
    p90: ms[Math.ceil(ms.length * 0.9) - 1] as number,
  };
}

function print(label: string, t: { median: number; p90: number }, extra: string) {
  const verdict = t.p90 <= TARGET_MS ? 'within' : 'OVER';
  console.log(
    `${label.padEnd(52)} median ${t.median.toFixed(1).padStart(7)} ms   p90 ${t.p90.toFixed(1).padStart(7)} ms   (${verdict} ${TARGET_MS} ms)   ${extra}`,
  );
}

const children: ChildProcess[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-bench-stats-'));
try {
  const file = path.join(dir, 'stats.sqlite');
  const t0 = Date.now();
  const info = await buildStatsDatabase(file, { items: ITEMS, ledger: LEDGER, members: 2000 }, (l) =>
    console.log(`  ${l}`),
  );
  console.log(
    `database: ${info.items} items, ${info.events} item events, ${info.ledger} ledger lines, built in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`,
  );
  console.log(`${os.cpus().length} cores, ${RUNS} timed runs after 3 warm-up runs\n`);

  const db = openDb({ sqlitePath: file });
  const province = { id: info.provinceId, name: '政协安徽省委员会', path: `/${info.provinceId}/` };
  const scope: StatsScope = { desks: [province], units: [] };
  const quarter = calendarPeriod('quarter', 2026, 3);
  const input = (dimension: StatsInput['dimension'], stream?: 'sqmy'): StatsInput => ({
    period: quarter,
    dimension,
    by: 'month',
    stream,
  });
  const probe = await statsSummary(db.kysely, scope, input('org'));
  const facts = `${probe.rows.length} units, ${probe.totals.submitted} items submitted, ${probe.totals.points} points`;
  print(
    `statistics by unit, ${quarter.label}`,
    await time(() => statsSummary(db.kysely, scope, input('org'))),
    facts,
  );
  print(
    `statistics by unit, ${quarter.label}, 社情民意 only`,
    await time(() => statsSummary(db.kysely, scope, input('org', 'sqmy'))),
    '(points through the items)',
  );
  const byMember = await statsSummary(db.kysely, scope, input('member'));
  print(
    `statistics by member, ${quarter.label}`,
    await time(() => statsSummary(db.kysely, scope, input('member'))),
    `${byMember.rows.length} members`,
  );
  print(
    `statistics by city, ${quarter.label}`,
    await time(() => statsSummary(db.kysely, scope, input('city'))),
    '',
  );
  const ranking = await rankUnits(db.kysely, [province.id], quarter);
  print(
    `unit ranking by points from the ledger, ${quarter.label}`,
    await time(() => rankUnits(db.kysely, [province.id], quarter)),
    `${ranking.length} units, top ${ranking[0]?.points ?? 0} hundredths`,
  );
  const year = calendarPeriod('year', 2025);
  print(
    `statistics by unit, ${year.label} (a whole year)`,
    await time(() => statsSummary(db.kysely, scope, { ...input('org'), period: year })),
    '',
  );
  await db.close();

  console.log(`\nautocannon: ${CONNECTIONS} connections, ${DURATION} s`);
  const app = await start('bench/stats-server.ts', [file]);
  children.push(app.child);
  const url = `http://127.0.0.1:${app.fields[0]}/api/public/ranking?period=quarter`;
  const body = (await (await fetch(url)).json()) as { data: { rows: unknown[]; total: number } };
  const m = await measure(url);
  const timeouts = m.timeouts ? `, ${m.timeouts} timeouts` : '';
  console.log(
    `GET /api/public/ranking?period=quarter (${body.data.rows.length} units): ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms${timeouts}`,
  );
  await stop(app.child);
} finally {
  for (const c of children) c.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
