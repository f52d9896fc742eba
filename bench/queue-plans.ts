/**
 * The queue benchmark's filters, and for each the SQL a list request runs with its plan and
 * time, measured directly on the database (no HTTP, no serialisation).
 */
import SQLite from 'better-sqlite3';
import type { CompiledQuery, Kysely, KyselyPlugin } from 'kysely';
import pg from 'pg';
import type { Database } from '../server/db/schema.ts';
import { cstDate, DAY } from '../server/lib/clock.ts';
import { listItems } from '../server/modules/items/items.queries.ts';
import { itemListQuery } from '../shared/schemas/items.ts';
import type { QueueDb } from './queue-data.ts';

export interface Scenario {
  label: string;
  query: string;
}

export function scenarios(info: QueueDb): Scenario[] {
  const now = Date.now();
  const from = cstDate(new Date(now - 180 * DAY));
  const to = cstDate(new Date(now));
  return [
    { label: '(a) no filter', query: '' },
    { label: '(b) status=submitted', query: 'status=submitted' },
    { label: '(c) open=true&urgent=true', query: 'open=true&urgent=true' },
    { label: '(d) topicId (社会建设) + 180 days', query: `topicId=${info.topicId}&from=${from}&to=${to}` },
    { label: '(e) q=养老 (keyword)', query: `q=${encodeURIComponent('养老')}` },
    { label: '(f) page=50', query: 'page=50' },
    { label: "(g) open=true (workbench's default)", query: 'open=true' },
  ];
}

/** The SQL a list request runs (count, page, authors), captured by a pass-through plugin. */
async function capture(k: Kysely<Database>, info: QueueDb, s: Scenario): Promise<CompiledQuery[]> {
  const queries: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      queries.push(k.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const filters = itemListQuery.parse({ view: 'queue', ...Object.fromEntries(new URLSearchParams(s.query)) });
  await listItems(
    k.withPlugin(plugin),
    { view: 'queue', deskIds: [info.provinceId] },
    filters,
    new Date().toISOString(),
  );
  return queries;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

interface Runner {
  time(q: CompiledQuery): Promise<number>;
  plan(q: CompiledQuery): Promise<string[]>;
  close(): Promise<void>;
}

async function runner(target: { sqlite?: string; pgUrl?: string }): Promise<Runner> {
  if (target.sqlite) {
    const lite = new SQLite(target.sqlite, { readonly: true });
    return {
      async time(q) {
        const statement = lite.prepare(q.sql);
        const samples: number[] = [];
        for (let i = 0; i < 7; i++) {
          const t0 = performance.now();
          statement.all(...(q.parameters as unknown[]));
          samples.push(performance.now() - t0);
        }
        return median(samples.slice(2));
      },
      async plan(q) {
        const rows = lite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[]));
        return (rows as { detail: string }[]).map((r) => r.detail);
      },
      async close() {
        lite.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: target.pgUrl });
  await client.connect();
  return {
    async time(q) {
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        await client.query(q.sql, q.parameters as unknown[]);
        samples.push(performance.now() - t0);
      }
      return median(samples.slice(2));
    },
    async plan(q) {
      const r = await client.query(
        `explain (analyze, costs off, timing off, summary off) ${q.sql}`,
        q.parameters as unknown[],
      );
      // Memoize's cache statistics add nothing to the shape of the plan.
      return (r.rows as { 'QUERY PLAN': string }[])
        .map((p) => p['QUERY PLAN'])
        .filter((l) => !/^\s*(Cache Key|Cache Mode|Hits):/.test(l));
    },
    close: () => client.end(),
  };
}

/**
 * Prints each filter's count and page queries with their plans and median times, run directly
 * on the database (no HTTP, no serialisation), and, when asked, the rewritten count queries.
 * Returns the time of count + page per filter.
 */
export async function explain(
  target: { sqlite?: string; pgUrl?: string },
  k: Kysely<Database>,
  info: QueueDb,
): Promise<Record<string, number>> {
  const run = await runner(target);
  const times: Record<string, number> = {};
  const show = async (label: string, q: CompiledQuery) => {
    const ms = await run.time(q);
    console.log(`  ${label}, ${ms.toFixed(1)} ms:`);
    for (const line of await run.plan(q)) console.log(`      ${line}`);
    return ms;
  };
  try {
    for (const s of scenarios(info)) {
      const [count, page] = (await capture(k, info, s)) as [CompiledQuery, CompiledQuery];
      const c = await show(`${s.label} — count query`, count);
      const p = await show(`${s.label} — page query`, page);
      times[s.label] = c + p;
      console.log(`  ${s.label}: count ${c.toFixed(1)} ms + page ${p.toFixed(1)} ms`);
    }
  } finally {
    await run.close();
  }
  return times;
}
