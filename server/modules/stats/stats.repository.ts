import { sql } from 'kysely';
import type { StatsPeriod } from '../../../shared/periods.ts';
import type { StatsMeasure } from '../../../shared/schemas/stats.ts';
import type { Tx } from '../../context.ts';
import { type FactFilter, type FactKey, type FactMatch, type Family, factRows } from './stats.facts.ts';

export interface FactCount {
  /** The raw key: an organisation, topic or user id, a step's position, or null (no topic). */
  k: number | null;
  tag: StatsMeasure;
  /** Distinct items. */
  n: number;
  /** Points in hundredths (the points family only). */
  pts: number;
}

/** Distinct items per key and measure tag, and the points they carry: one GROUP BY. */
export async function countFacts(tx: Tx, family: Family, f: FactFilter, key: FactKey): Promise<FactCount[]> {
  const { rows } = await sql<{
    k: number | string | null;
    tag: string;
    n: number | string;
    pts: number | string | null;
  }>`
    select k, tag, count(distinct item_id) as n, sum(pts) as pts
    from (${factRows(family, f, key)}) t group by k, tag`.execute(tx);
  return rows.map((r) => ({
    k: r.k === null ? null : Number(r.k),
    tag: r.tag as StatsMeasure,
    n: Number(r.n),
    pts: Number(r.pts ?? 0),
  }));
}

/** The items behind one figure, as a subquery of ids. */
export function factItemIds(family: Family, f: FactFilter, tags: readonly StatsMeasure[], match?: FactMatch) {
  return sql<{ item_id: number }>`select item_id from (${factRows(family, f, { by: 'none' }, match)}) t
    where tag in (${sql.join(tags)})`;
}

/**
 * Units ranked by points in a period, straight from the score ledger of the given CPPCCs (the
 * units' own lines; hundredths): one covering-index range read and a GROUP BY. The ranking the
 * quarterly notification (R4.7) reads; the same sums as the summary's 得分 by unit.
 */
export async function rankUnits(
  tx: Tx,
  deskIds: readonly number[],
  period: Pick<StatsPeriod, 'fromDay' | 'toDay'>,
): Promise<{ orgId: number; points: number }[]> {
  if (deskIds.length === 0) return [];
  const rows = await tx
    .selectFrom('score_ledger')
    .select(['subject_id', (eb) => eb.fn.sum<number | string>('points').as('points')])
    .where('org_id', 'in', deskIds)
    .where('subject_type', '=', 'org')
    .where('occurred_on', '>=', period.fromDay)
    .where('occurred_on', '<', period.toDay)
    .groupBy('subject_id')
    .orderBy(sql`sum(points)`, 'desc')
    .orderBy('subject_id')
    .execute();
  return rows.map((r) => ({ orgId: r.subject_id, points: Number(r.points) }));
}
