import { sql } from 'kysely';
import type { AwardKind } from '../../../shared/awards.ts';
import { ORG_TYPES, type OrgType } from '../../../shared/orgs.ts';
import type { Tx } from '../../context.ts';

export interface RankedSubject {
  id: number;
  /** Hundredths of a point. */
  score: number;
  rank: number;
}

export interface Period {
  orgId: number;
  from: string;
  to: string;
}

/**
 * Each subject's score in the period at the CPPCC, one row per subject, all in SQL. A unit's and a
 * person's are the sums of their ledger lines; an item's is, per scored event (`source`), the
 * larger of its unit lines and its author lines — units and people are scored in parallel for the
 * same event, and an item must not count twice — summed over its events.
 */
function scores(tx: Tx, kind: AwardKind, p: Period) {
  const inPeriod = tx
    .selectFrom('score_ledger')
    .where('score_ledger.org_id', '=', p.orgId)
    .where('score_ledger.occurred_on', '>=', p.from)
    .where('score_ledger.occurred_on', '<=', p.to);
  if (kind !== 'item')
    return inPeriod
      .where('score_ledger.subject_type', '=', kind === 'unit' ? 'org' : 'user')
      .select(['score_ledger.subject_id as id', sql<number>`sum(score_ledger.points)`.as('score')])
      .groupBy('score_ledger.subject_id')
      .having(sql<number>`sum(score_ledger.points)`, '>', 0);
  const events = inPeriod
    .select([
      'score_ledger.item_id',
      sql<number>`sum(case when score_ledger.subject_type = 'org' then score_ledger.points else 0 end)`.as(
        'unit_points',
      ),
      sql<number>`sum(case when score_ledger.subject_type = 'user' then score_ledger.points else 0 end)`.as(
        'author_points',
      ),
    ])
    .groupBy(['score_ledger.item_id', 'score_ledger.source']);
  const larger = sql<number>`sum(case when e.unit_points > e.author_points then e.unit_points else e.author_points end)`;
  return tx
    .selectFrom(events.as('e'))
    .select(['e.item_id as id', larger.as('score')])
    .groupBy('e.item_id')
    .having(larger, '>', 0);
}

/**
 * The ranking of one kind: subjects ranked within `quota` (ties at the boundary all in, as ties
 * share a rank) and the `also` subjects wherever they stand. One statement; the database groups
 * and ranks, only the returned rows leave it.
 */
export async function rankSubjects(
  tx: Tx,
  kind: AwardKind,
  p: Period,
  quota: number,
  also: readonly number[],
): Promise<RankedSubject[]> {
  const ranked = tx
    .selectFrom(scores(tx, kind, p).as('s'))
    .select(['s.id', 's.score', sql<number>`rank() over (order by s.score desc)`.as('rnk')]);
  const rows = await tx
    .selectFrom(ranked.as('r'))
    .select(['r.id', 'r.score', 'r.rnk'])
    .where((eb) => {
      const within = eb('r.rnk', '<=', quota);
      return also.length > 0 ? eb.or([within, eb('r.id', 'in', [...also])]) : within;
    })
    .orderBy('r.rnk')
    .orderBy('r.id')
    .execute();
  // PostgreSQL answers sum() and rank() as bigint strings.
  return rows.map((r) => ({ id: Number(r.id), score: Number(r.score), rank: Number(r.rnk) }));
}

export interface SubjectInfo {
  id: number;
  name: string;
  unit: string;
}

/** Names as the list shows them: a unit and its category, a person and their unit, an item and its submitting unit. */
export async function describeSubjects(
  tx: Tx,
  kind: AwardKind,
  ids: readonly number[],
): Promise<Map<number, SubjectInfo>> {
  const result = new Map<number, SubjectInfo>();
  if (ids.length === 0) return result;
  const list = [...new Set(ids)];
  if (kind === 'unit') {
    const rows = await tx
      .selectFrom('organizations')
      .select(['id', 'name', 'type'])
      .where('id', 'in', list)
      .execute();
    for (const r of rows)
      result.set(r.id, { id: r.id, name: r.name, unit: ORG_TYPES[r.type as OrgType] ?? '' });
  } else if (kind === 'person') {
    const rows = await tx.selectFrom('users').select(['id', 'real_name']).where('id', 'in', list).execute();
    // A person's unit: their first membership, as the member lists show it.
    const units = await tx
      .selectFrom('memberships')
      .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
      .select(['memberships.user_id', 'organizations.name'])
      .where('memberships.user_id', 'in', list)
      .orderBy('memberships.sort_order', 'desc')
      .orderBy('memberships.org_id', 'desc')
      .execute();
    const unitOf = new Map(units.map((u) => [u.user_id, u.name]));
    for (const r of rows) result.set(r.id, { id: r.id, name: r.real_name, unit: unitOf.get(r.id) ?? '' });
  } else {
    const rows = await tx
      .selectFrom('items')
      .innerJoin('organizations', 'organizations.id', 'items.submitting_org_id')
      .select(['items.id', 'items.title', 'organizations.name'])
      .where('items.id', 'in', list)
      .execute();
    for (const r of rows) result.set(r.id, { id: r.id, name: r.title, unit: r.name });
  }
  return result;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Subjects the committee may add at a CPPCC (`deskPath` its path): its organisations (not
 * external recipients), the people belonging to them, the items it received. `only` checks one id.
 */
export async function searchSubjects(
  tx: Tx,
  kind: AwardKind,
  desk: { id: number; path: string },
  q: string,
  only?: number,
): Promise<SubjectInfo[]> {
  const limit = 20;
  let ids: number[];
  if (kind === 'unit') {
    let query = tx
      .selectFrom('organizations')
      .select('id')
      .where('path', 'like', `${desk.path}%`)
      .where('type', '<>', 'recipient')
      .where('active', '=', 1);
    if (q) query = query.where(sql<boolean>`name like ${like(q)} escape '\\'`);
    if (only !== undefined) query = query.where('id', '=', only);
    ids = (await query.orderBy('path').limit(limit).execute()).map((r) => r.id);
  } else if (kind === 'person') {
    let query = tx
      .selectFrom('users')
      .select('users.id')
      .where('users.enabled', '=', 1)
      .where('users.id', 'in', (eb) =>
        eb
          .selectFrom('memberships')
          .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
          .select('memberships.user_id')
          .where('organizations.path', 'like', `${desk.path}%`),
      );
    if (q) query = query.where(sql<boolean>`users.real_name like ${like(q)} escape '\\'`);
    if (only !== undefined) query = query.where('users.id', '=', only);
    ids = (await query.orderBy('users.real_name').orderBy('users.id').limit(limit).execute()).map(
      (r) => r.id,
    );
  } else {
    let query = tx
      .selectFrom('items')
      .select('items.id')
      .where('items.target_org_id', '=', desk.id)
      .where('items.first_submitted_at', 'is not', null);
    if (q)
      query = query.where(sql<boolean>`(items.title like ${like(q)} escape '\\' or items.number = ${q})`);
    if (only !== undefined) query = query.where('items.id', '=', only);
    ids = (await query.orderBy('items.id', 'desc').limit(limit).execute()).map((r) => r.id);
  }
  const info = await describeSubjects(tx, kind, ids);
  return ids.flatMap((id) => info.get(id) ?? []);
}
