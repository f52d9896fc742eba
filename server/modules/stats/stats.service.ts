import type { ItemStream } from '../../../shared/items.ts';
import {
  calendarPeriod,
  customPeriod,
  lastDayOf,
  periodsWithin,
  type StatsPeriod,
} from '../../../shared/periods.ts';
import {
  STATS_MEASURE_KEYS,
  type StatsDimension,
  type StatsFigures,
  type StatsMeasure,
  type StatsPeriodQuery,
  type StatsRow,
  type StatsSummary,
} from '../../../shared/schemas/stats.ts';
import type { Tx } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { type Directory, loadDirectory } from './stats.directory.ts';
import type { FactFilter, FactKey, Family } from './stats.facts.ts';
import { countFacts, type FactCount } from './stats.repository.ts';
import type { StatsScope } from './stats.scope.ts';

/** Most steps a trend draws (three years of weeks). */
const MAX_STEPS = 160;
const FAMILIES: Family[] = ['submitted', 'events', 'feedback', 'forwardedAdopted', 'points'];

export interface StatsInput {
  period: StatsPeriod;
  dimension: StatsDimension;
  by: 'month' | 'week';
  stream?: ItemStream | undefined;
}

/** The period a query names (validated by the schema; a bad index still answers 422). */
export function periodFrom(q: StatsPeriodQuery): StatsPeriod {
  try {
    if (q.period === 'custom') return customPeriod(q.from as string, q.to as string);
    return calendarPeriod(q.period, q.year as number, q.period === 'year' ? 0 : (q.index as number));
  } catch {
    throw new AppError('VALIDATION_FAILED', '统计期不正确，请重新选择');
  }
}

/** The months or weeks of a trend, each with its key (`2026-11`, `2026-W48`). */
export function trendSteps(period: StatsPeriod, by: 'month' | 'week') {
  const steps = periodsWithin(period, by).map((s) => ({
    ...s,
    key: by === 'month' ? `${s.year}-${String(s.index).padStart(2, '0')}` : `${s.year}-W${s.index}`,
  }));
  if (steps.length > MAX_STEPS)
    throw new AppError('VALIDATION_FAILED', '按周显示趋势时统计区间不能超过三年，请改为按月显示');
  return steps;
}

export function emptyFigures(): StatsFigures {
  const f = Object.fromEntries(STATS_MEASURE_KEYS.map((k) => [k, 0])) as Record<StatsMeasure, number>;
  return { ...f, publishRate: null, adoptionRate: null };
}

function add(fig: StatsFigures, c: FactCount): void {
  if (c.tag === 'points') fig.points += c.pts;
  else fig[c.tag] += c.n;
  if (c.tag === 'publishedSingle' || c.tag === 'publishedCombined') fig.published += c.n;
}

/** Points to a person's reading (hundredths → points), and the two rates. */
function finish(fig: StatsFigures): StatsFigures {
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
  return {
    ...fig,
    points: fig.points / 100,
    publishRate: ratio(fig.published, fig.submitted),
    adoptionRate: ratio(fig.forwardedAdopted, fig.forwarded),
  };
}

const isEmpty = (f: StatsFigures) => STATS_MEASURE_KEYS.every((k) => f[k] === 0);

export const subjectOf = (d: StatsDimension) => (d === 'member' ? 'user' : 'org');

function keyOf(dimension: StatsDimension): FactKey['by'] {
  return dimension === 'org' || dimension === 'city' ? 'org' : dimension === 'trend' ? 'step' : dimension;
}

/**
 * The summary behind the statistics page, the export and the benchmark: for each family of
 * facts one grouped query by the dimension's key and one for the totals (each item once).
 * Cities and top-level topics are folded from units and topics after grouping: every item has
 * one unit and one topic, so the folded counts stay counts of distinct items.
 */
export async function statsSummary(tx: Tx, scope: StatsScope, input: StatsInput): Promise<StatsSummary> {
  const { period, dimension } = input;
  const steps = dimension === 'trend' ? trendSteps(period, input.by) : [];
  const by = keyOf(dimension);
  const key: FactKey = by === 'step' ? { by, steps } : { by };
  const f: FactFilter = { period, scope, stream: input.stream, subject: subjectOf(dimension) };
  const [dir, keyed, totals] = await Promise.all([
    loadDirectory(tx),
    Promise.all(FAMILIES.map((x) => countFacts(tx, x, f, key))),
    Promise.all(FAMILIES.map((x) => countFacts(tx, x, f, { by: 'none' }))),
  ]);
  const counts = keyed.flat();
  const rows = new Map<string, StatsFigures>();
  const fold = rowKey(dimension, dir, steps);
  for (const c of counts) {
    const k = fold(c.k);
    const fig = rows.get(k) ?? emptyFigures();
    add(fig, c);
    rows.set(k, fig);
  }
  const total = emptyFigures();
  for (const c of totals.flat()) add(total, c);

  const labelled = await label(tx, dimension, dir, steps, rows);
  return {
    period: {
      kind: period.kind,
      label: period.label,
      from: period.from,
      to: period.to,
      fromDay: period.fromDay,
      lastDay: lastDayOf(period),
    },
    dimension,
    scope: [...scope.desks.map((d) => d.name), ...scope.units.map((u) => `${u.name}（本单位）`)],
    rows: labelled,
    totals: finish(total),
  };
}

/** The row a raw key belongs to. */
function rowKey(dimension: StatsDimension, dir: Directory, steps: readonly { key: string }[]) {
  return (k: number | null): string => {
    if (dimension === 'trend') return steps[k ?? 0]?.key ?? '';
    if (k === null) return 'none';
    if (dimension === 'city') return String(dir.cityOf(k) ?? 'none');
    if (dimension === 'topic') return String(dir.rootOf(k));
    return String(k);
  };
}

async function label(
  tx: Tx,
  dimension: StatsDimension,
  dir: Directory,
  steps: readonly (StatsPeriod & { key: string })[],
  rows: Map<string, StatsFigures>,
): Promise<StatsRow[]> {
  if (dimension === 'trend')
    return steps.map((s) => ({
      key: s.key,
      label: s.label,
      note: `${s.fromDay}至${lastDayOf(s)}`,
      figures: finish(rows.get(s.key) ?? emptyFigures()),
    }));
  const present = [...rows].filter(([, fig]) => !isEmpty(fig));
  const people = new Map<number, { name: string; units: string[] }>();
  if (dimension === 'member' && present.length) {
    const ids = present.map(([k]) => Number(k));
    const found = await tx
      .selectFrom('users')
      .leftJoin('memberships', 'memberships.user_id', 'users.id')
      .leftJoin('organizations', 'organizations.id', 'memberships.org_id')
      .select(['users.id', 'users.real_name', 'organizations.name as unit'])
      .where('users.id', 'in', ids)
      .orderBy('users.id')
      .orderBy('memberships.sort_order')
      .execute();
    for (const u of found) {
      const p = people.get(u.id) ?? { name: u.real_name, units: [] };
      if (u.unit) p.units.push(u.unit);
      people.set(u.id, p);
    }
  }
  const name = (k: string): { label: string; note: string } => {
    const id = Number(k);
    switch (dimension) {
      case 'member':
        return {
          label: people.get(id)?.name ?? '（已删除用户）',
          note: people.get(id)?.units.join('、') ?? '',
        };
      case 'topic':
        return { label: k === 'none' ? '未分类' : (dir.topics.get(id)?.name ?? ''), note: '' };
      case 'city':
        return { label: k === 'none' ? '省直单位及其他' : (dir.orgs.get(id)?.name ?? ''), note: '' };
      default: {
        const city = dir.cityOf(id);
        return { label: dir.orgs.get(id)?.name ?? '', note: city ? (dir.orgs.get(city)?.name ?? '') : '' };
      }
    }
  };
  return present
    .map(([k, fig]) => ({ key: k, ...name(k), figures: finish(fig) }))
    .sort(
      (a, b) =>
        b.figures.submitted - a.figures.submitted ||
        b.figures.points - a.figures.points ||
        a.label.localeCompare(b.label, 'zh-CN'),
    );
}
