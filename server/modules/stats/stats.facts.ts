/**
 * The recorded facts behind every figure, as SQL row sources: one row per (credited item, key,
 * measure tag), ready to be grouped (the summary) or listed (the drill-down), so that both count
 * exactly the same items. Plain SQL that reads the same on SQLite and PostgreSQL: timestamps are
 * ISO strings and days YYYY-MM-DD, compared as text.
 *
 * Credit: what happens to a composite (综合信息) — its publication, referral, forwarding and
 * feedback — is credited to the items merged into it (as the score ledger credits it); the
 * composite itself is never counted. Items back in draft (withdrawn) are nobody's intake.
 */
import { type RawBuilder, sql } from 'kysely';
import type { ItemStream } from '../../../shared/items.ts';
import type { StatsPeriod } from '../../../shared/periods.ts';
import type { StatsMeasure } from '../../../shared/schemas/stats.ts';
import type { StatsScope } from './stats.scope.ts';

type Sql = RawBuilder<unknown>;

export type Family = 'submitted' | 'events' | 'feedback' | 'forwardedAdopted' | 'points';

/** Which facts each measure counts: a family and the tags its rows carry. */
export const MEASURE_FACTS: Record<StatsMeasure, { family: Family; tags: StatsMeasure[] }> = {
  submitted: { family: 'submitted', tags: ['submitted'] },
  registered: { family: 'events', tags: ['registered'] },
  published: { family: 'events', tags: ['publishedSingle', 'publishedCombined'] },
  publishedSingle: { family: 'events', tags: ['publishedSingle'] },
  publishedCombined: { family: 'events', tags: ['publishedCombined'] },
  referred: { family: 'events', tags: ['referred'] },
  forwarded: { family: 'events', tags: ['forwarded'] },
  adoptedNational: { family: 'feedback', tags: ['adoptedNational'] },
  adoptedProvincial: { family: 'feedback', tags: ['adoptedProvincial'] },
  adoptedOther: { family: 'feedback', tags: ['adoptedOther'] },
  forwardedAdopted: { family: 'forwardedAdopted', tags: ['forwardedAdopted'] },
  instructionCentral: { family: 'feedback', tags: ['instructionCentral'] },
  instructionProvincialMain: { family: 'feedback', tags: ['instructionProvincialMain'] },
  instructionProvincial: { family: 'feedback', tags: ['instructionProvincial'] },
  instructionBureau: { family: 'feedback', tags: ['instructionBureau'] },
  instructionCity: { family: 'feedback', tags: ['instructionCity'] },
  points: { family: 'points', tags: ['points'] },
};

/** Bodies whose adoption counts as national or provincial (the headline adoption rate, R1.3). */
const UPSTREAM_BODIES = sql`('central', 'national_cppcc', 'provincial_party', 'provincial_gov')`;

const FEEDBACK_TAG = sql`case when f.kind = 'adoption' then (case
    when f.body in ('central', 'national_cppcc') then 'adoptedNational'
    when f.body in ('provincial_party', 'provincial_gov') then 'adoptedProvincial'
    else 'adoptedOther' end)
  else (case coalesce(f.rank, 'city')
    when 'central' then 'instructionCentral'
    when 'provincial_main' then 'instructionProvincialMain'
    when 'provincial' then 'instructionProvincial'
    when 'bureau' then 'instructionBureau'
    else 'instructionCity' end) end`;

const TABLES = { e: sql`item_events e`, f: sql`item_feedback f` };

interface Branch {
  from: Sql;
  where: Sql[];
  /** The column that places the fact in time, and whether it holds days or instants. */
  at: Sql;
  day: boolean;
  tag: Sql;
  points?: boolean;
  /** The ledger alone, without the items: `l.subject_id` stands for the unit (org lines). */
  ledger?: boolean;
}

function branches(family: Family, subject: 'org' | 'user'): Branch[] {
  // The fact's own item, when it is not a composite; or the items merged into the composite.
  const direct = (t: 'e' | 'f') =>
    sql`${TABLES[t]} join items i on i.id = ${sql.ref(`${t}.item_id`)} and i.composite = 0`;
  const viaComposite = (t: 'e' | 'f') =>
    sql`${TABLES[t]} join items i on i.merged_into_id = ${sql.ref(`${t}.item_id`)}`;
  const eventAt = sql.ref('e.created_at');
  const feedbackWhere = [sql`f.revoked_at is null`, sql`f.kind in ('adoption', 'instruction')`];
  const adoptedUpstream = sql`exists (select 1 from item_feedback f where f.item_id = e.item_id
    and f.kind = 'adoption' and f.revoked_at is null and f.body in ${UPSTREAM_BODIES})`;
  switch (family) {
    case 'submitted':
      return [
        {
          from: sql`items i`,
          where: [sql`i.composite = 0`],
          at: sql.ref('i.first_submitted_at'),
          day: false,
          tag: sql`'submitted'`,
        },
      ];
    case 'events':
      return [
        {
          from: direct('e'),
          where: [sql`e.action in ('register', 'publish', 'refer', 'forward')`],
          at: eventAt,
          day: false,
          tag: sql`case e.action when 'register' then 'registered' when 'publish' then 'publishedSingle'
            when 'refer' then 'referred' else 'forwarded' end`,
        },
        {
          from: viaComposite('e'),
          where: [sql`e.action in ('publish', 'refer', 'forward')`],
          at: eventAt,
          day: false,
          tag: sql`case e.action when 'publish' then 'publishedCombined' when 'refer' then 'referred'
            else 'forwarded' end`,
        },
      ];
    case 'feedback':
      return [direct('f'), viaComposite('f')].map((from) => ({
        from,
        where: feedbackWhere,
        at: sql.ref('f.occurred_on'),
        day: true,
        tag: FEEDBACK_TAG,
      }));
    case 'forwardedAdopted':
      return [direct('e'), viaComposite('e')].map((from) => ({
        from,
        where: [sql`e.action = 'forward'`, adoptedUpstream],
        at: eventAt,
        day: false,
        tag: sql`'forwardedAdopted'`,
      }));
    case 'points':
      return [
        {
          from: sql`score_ledger l join items i on i.id = l.item_id`,
          where: [sql`l.subject_type = ${subject}`],
          at: sql.ref('l.occurred_on'),
          day: true,
          tag: sql`'points'`,
          points: true,
        },
      ];
  }
}

export interface FactFilter {
  period: StatsPeriod;
  scope: StatsScope;
  stream?: ItemStream | undefined;
  /** Whose points: the members' own lines or the units' (score ledger subject type). */
  subject: 'org' | 'user';
}

/** How rows are keyed: a column of the credited item, its authors, or steps of time. */
export type FactKey =
  | { by: 'none' }
  | { by: 'org' }
  | { by: 'topic' }
  | { by: 'member' }
  | { by: 'step'; steps: readonly Pick<StatsPeriod, 'from' | 'to' | 'fromDay' | 'toDay'>[] };

/** Narrows the rows to one key: submitting units, topics (`null`: none) or one member. */
export type FactMatch =
  | { on: 'orgs'; ids: number[] }
  | { on: 'topics'; ids: number[] | null }
  | { on: 'member'; id: number };

/**
 * The reader's scope on the credited item. Written so that no index serves it (`+column`): the
 * period is the selective condition, and the database should start from the period's facts,
 * not from a whole intake of tens of thousands of items.
 */
function scopeOf(scope: StatsScope): Sql {
  const parts: Sql[] = [];
  if (scope.desks.length) parts.push(sql`+i.target_org_id in (${sql.join(scope.desks.map((d) => d.id))})`);
  if (scope.units.length)
    parts.push(sql`+i.submitting_org_id in (${sql.join(scope.units.map((u) => u.id))})`);
  if (parts.length === 0) return sql`1 = 0`;
  return sql`(${sql.join(parts, sql` or `)}) and i.status <> 'draft'`;
}

function keyOf(b: Branch, key: FactKey): Sql {
  switch (key.by) {
    case 'none':
      return sql`0`;
    case 'org':
      return b.ledger ? sql`l.subject_id` : sql`i.submitting_org_id`;
    case 'topic':
      return sql`i.topic_id`;
    case 'member':
      return b.points ? sql`l.subject_id` : sql`a.user_id`;
    case 'step':
      return sql`case ${sql.join(
        key.steps.map((s, n) =>
          b.day
            ? sql`when ${b.at} >= ${s.fromDay} and ${b.at} < ${s.toDay} then ${sql.lit(n)}`
            : sql`when ${b.at} >= ${s.from} and ${b.at} < ${s.to} then ${sql.lit(n)}`,
        ),
        sql` `,
      )} end`;
  }
}

function matchOf(b: Branch, m: FactMatch): Sql {
  switch (m.on) {
    case 'orgs':
      if (m.ids.length === 0) return sql`1 = 0`;
      return b.ledger
        ? sql`l.subject_id in (${sql.join(m.ids)})`
        : sql`i.submitting_org_id in (${sql.join(m.ids)})`;
    case 'topics':
      return m.ids === null
        ? sql`i.topic_id is null`
        : m.ids.length
          ? sql`i.topic_id in (${sql.join(m.ids)})`
          : sql`1 = 0`;
    case 'member':
      return b.points
        ? sql`l.subject_id = ${m.id}`
        : sql`exists (select 1 from item_authors a where a.item_id = i.id and a.user_id = ${m.id})`;
  }
}

/**
 * `select item_id, k, tag, pts` over a family's branches (UNION ALL). Keyed by member, a fact of
 * an item with two authors gives a row for each (a member's points are their own ledger lines,
 * so keyed or matched by member the filter's subject must be `user`).
 */
export function factRows(family: Family, f: FactFilter, key: FactKey, match?: FactMatch): Sql {
  const p = f.period;
  if (family === 'points' && ledgerAlone(f, key, match)) {
    const b: Branch = { ...(branches('points', f.subject)[0] as Branch), ledger: true };
    const where = [
      ...b.where,
      sql`l.org_id in (${sql.join(f.scope.desks.map((d) => d.id))})`,
      sql`${b.at} >= ${p.fromDay} and ${b.at} < ${p.toDay}`,
      ...(match ? [matchOf(b, match)] : []),
    ];
    return sql`select l.item_id as item_id, ${keyOf(b, key)} as k, 'points' as tag, l.points as pts
      from score_ledger l where ${sql.join(where, sql` and `)}`;
  }
  const parts = branches(family, f.subject).map((b) => {
    const where = [
      ...b.where,
      b.day
        ? sql`${b.at} >= ${p.fromDay} and ${b.at} < ${p.toDay}`
        : sql`${b.at} >= ${p.from} and ${b.at} < ${p.to}`,
      scopeOf(f.scope),
      ...(f.stream ? [sql`i.stream = ${f.stream}`] : []),
      ...(match ? [matchOf(b, match)] : []),
    ];
    const authors =
      key.by === 'member' && !b.points
        ? sql` join item_authors a on a.item_id = i.id and a.user_id is not null`
        : sql``;
    return sql`select i.id as item_id, ${keyOf(b, key)} as k, ${b.tag} as tag, ${
      b.points ? sql`l.points` : sql`0`
    } as pts from ${b.from}${authors} where ${sql.join(where, sql` and `)}`;
  });
  return sql.join(parts, sql` union all `);
}

/**
 * Points need no item when the reader's scope is whole CPPCCs and nothing asks about the item
 * (its stream or topic): a ledger line names its CPPCC (`org_id`, the item's receiving office)
 * and, for a unit's line, the unit itself (the item's submitting unit). The same figures, read
 * from one covering index instead of one item per line.
 */
function ledgerAlone(f: FactFilter, key: FactKey, match?: FactMatch): boolean {
  const byUnit = key.by === 'org' || match?.on === 'orgs';
  return (
    f.scope.units.length === 0 &&
    f.scope.desks.length > 0 &&
    !f.stream &&
    key.by !== 'topic' &&
    match?.on !== 'topics' &&
    (f.subject === 'org' || !byUnit)
  );
}
