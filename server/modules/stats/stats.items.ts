import { sql } from 'kysely';
import type { StatsItem, StatsMeasure } from '../../../shared/schemas/stats.ts';
import type { Tx } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { reachCoversOrg, reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { loadDesks } from '../items/items.policy.ts';
import { authorsOfPage, presentSummary, withSummaryColumns } from '../items/items.queries.ts';
import { loadDirectory } from './stats.directory.ts';
import { type FactFilter, type FactMatch, MEASURE_FACTS } from './stats.facts.ts';
import { factItemIds } from './stats.repository.ts';
import type { StatsScope } from './stats.scope.ts';
import { type StatsInput, subjectOf, trendSteps } from './stats.service.ts';

const UNKNOWN = () => new AppError('NOT_FOUND', '统计项不存在或您无权查看');

/** The row a drill-down key names, as a condition on the credited items (or a narrower period). */
async function matchOf(
  tx: Tx,
  input: StatsInput,
  key: string,
): Promise<{ match?: FactMatch; period: StatsInput['period'] }> {
  const { dimension, period } = input;
  if (dimension === 'trend') {
    const step = trendSteps(period, input.by).find((s) => s.key === key);
    if (!step) throw UNKNOWN();
    return { period: step };
  }
  const id = key === 'none' ? null : Number(key);
  if (id !== null && !(Number.isSafeInteger(id) && id > 0)) throw UNKNOWN();
  if (dimension === 'org') {
    if (id === null) throw UNKNOWN();
    return { match: { on: 'orgs', ids: [id] }, period };
  }
  if (dimension === 'member') {
    if (id === null) throw UNKNOWN();
    return { match: { on: 'member', id }, period };
  }
  const dir = await loadDirectory(tx);
  if (dimension === 'topic')
    return {
      match: {
        on: 'topics',
        ids: id === null ? null : [...dir.topics.keys()].filter((t) => dir.rootOf(t) === id),
      },
      period,
    };
  const ids = [...dir.orgs.keys()].filter((o) => dir.cityOf(o) === id);
  return { match: { on: 'orgs', ids }, period };
}

/**
 * Exactly the items counted in one figure (a row's key and a measure), newest submission first,
 * with the fields the workbench lists show. Only items within the reader's statistics scope;
 * `openable` says whether the reader may also open the item page.
 */
export async function statsItems(
  tx: Tx,
  actor: Actor,
  scope: StatsScope,
  input: StatsInput & { key: string; measure: StatsMeasure; page: number; pageSize: number },
  now: string,
): Promise<{ rows: StatsItem[]; total: number }> {
  const { match, period } = await matchOf(tx, input, input.key);
  const facts = MEASURE_FACTS[input.measure];
  const f: FactFilter = { period, scope, stream: input.stream, subject: subjectOf(input.dimension) };
  const ids = factItemIds(facts.family, f, facts.tags, match);
  const base = tx.selectFrom('items').where(sql<boolean>`items.id in (${ids})`);
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    withSummaryColumns(base)
      .select(['items.created_by', 'items.target_org_id'])
      .orderBy('items.submitted_at', 'desc')
      .orderBy('items.id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
  ]);
  const { names, rows: authors } = await authorsOfPage(
    tx,
    rows.map((r) => r.id),
  );
  const mine = new Set(authors.filter((a) => a.user_id === actor.id).map((a) => a.item_id));
  // The item page's own rule (items.policy accessOf): the receiving office, the unit's
  // liaison, or a credited author.
  const desks = await loadDesks(tx, actor);
  const unitReach = reachOf(actor, 'item.read_unit');
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      ...presentSummary(r, names, now),
      openable:
        (r.target_org_id !== null && desks.edit.has(r.target_org_id)) ||
        reachCoversOrg(unitReach, { id: r.org_id, path: r.org_path }) ||
        r.created_by === actor.id ||
        mine.has(r.id),
    })),
  };
}
