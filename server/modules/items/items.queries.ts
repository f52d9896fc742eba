import { type SelectQueryBuilder, sql } from 'kysely';
import type { ItemKind, ItemStream } from '../../../shared/items.ts';
import type { ItemListQuery, ItemSummary } from '../../../shared/schemas/items.ts';
import { type ItemState, OFFICE_OPEN_STATES } from '../../../shared/workflow/items.ts';
import type { AppContext, Tx } from '../../context.ts';
import { readGeneration } from '../../db/generation.ts';
import type { Database } from '../../db/schema.ts';
import { MINUTE } from '../../lib/clock.ts';
import type { Reach } from '../access/actor.ts';
import { cstDayEnd, cstDayStart } from '../audit/audit.repository.ts';
import { orgReachFilter } from '../orgs/orgs.repository.ts';
import { indexable, keywordMatch } from './item-search.ts';
import { isOverdue } from './items.presenter.ts';

export type ItemScope =
  | { view: 'mine'; userId: number }
  | { view: 'unit'; reach: Reach }
  | { view: 'queue'; deskIds: number[] };

type ItemQuery = SelectQueryBuilder<Database, 'items', object>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * `byKeyword`: the keyword index finds few items among many; the desk condition is then written
 * so that no index serves it (`+column`), and the database starts from the keyword's matches
 * instead of reading the whole intake of the desk.
 */
function scoped(tx: Tx, scope: ItemScope, byKeyword = false): ItemQuery {
  const q = tx.selectFrom('items');
  switch (scope.view) {
    case 'mine':
      return q.where((eb) =>
        eb.or([
          eb('items.created_by', '=', scope.userId),
          eb(
            'items.id',
            'in',
            eb.selectFrom('item_authors').select('item_id').where('item_authors.user_id', '=', scope.userId),
          ),
        ]),
      );
    case 'unit':
      return q
        .where('items.status', '<>', 'draft')
        .where('items.submitting_org_id', 'in', (eb) =>
          eb.selectFrom('organizations').select('organizations.id').where(orgReachFilter(scope.reach)),
        );
    case 'queue':
      // A withdrawn item keeps its desk on record but is a draft again: private to its authors.
      return scope.deskIds.length
        ? q
            .where(
              byKeyword
                ? sql<boolean>`+items.target_org_id in (${sql.join(scope.deskIds)})`
                : sql<boolean>`items.target_org_id in (${sql.join(scope.deskIds)})`,
            )
            .where('items.status', '<>', 'draft')
        : q.where(sql<boolean>`1=0`);
  }
}

function filtered(tx: Tx, scope: ItemScope, f: ItemListQuery, now: string): ItemQuery {
  let q = scoped(tx, scope, f.q !== undefined && indexable(f.q));
  if (f.status) q = q.where('items.status', '=', f.status);
  if (f.open) q = q.where('items.status', 'in', OFFICE_OPEN_STATES);
  if (f.stream) q = q.where('items.stream', '=', f.stream);
  if (f.topicId) {
    // A topic and its sub-topics, as one uncorrelated list (so the topic index serves it).
    const topicId = f.topicId;
    q = q.where('items.topic_id', 'in', (eb) =>
      eb
        .selectFrom('topics')
        .select('topics.id')
        .where((w) => w.or([w('topics.id', '=', topicId), w('topics.parent_id', '=', topicId)])),
    );
  }
  if (f.orgId) {
    const orgId = f.orgId;
    q = q.where('items.submitting_org_id', 'in', (eb) =>
      eb
        .selectFrom('organizations as o')
        .select('o.id')
        .where(
          'o.path',
          'like',
          eb
            .selectFrom('organizations as p')
            .select(sql<string>`p.path || '%'`.as('prefix'))
            .where('p.id', '=', orgId),
        ),
    );
  }
  if (f.assigneeId) q = q.where('items.assignee_id', '=', f.assigneeId);
  if (f.overdue) q = q.where('items.due_at', '<', now).where('items.status', 'in', OFFICE_OPEN_STATES);
  if (f.urgent) q = q.where('items.urgent', '=', 1);
  if (f.from) q = q.where('items.submitted_at', '>=', cstDayStart(f.from));
  if (f.to) q = q.where('items.submitted_at', '<', cstDayEnd(f.to));
  if (f.q) {
    // Title, registration number or an author's name: the bigram index for two characters or
    // more; a single character is rare and scans the titles and numbers.
    const like = `%${escapeLike(f.q)}%`;
    q = indexable(f.q)
      ? q.where(keywordMatch(tx, f.q))
      : q.where(
          sql<boolean>`(items.title like ${like} escape '\\' or items.number like ${like} escape '\\')`,
        );
  }
  return q;
}

/** One page of items for a view, newest first, with the total for the pager. */
export async function listItems(
  tx: Tx,
  scope: ItemScope,
  f: ItemListQuery,
  now: string,
): Promise<{ rows: ItemSummary[]; total: number }> {
  const base = filtered(tx, scope, f, now);
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    withSummaryColumns(base)
      .orderBy(scope.view === 'mine' ? 'items.updated_at' : 'items.submitted_at', 'desc')
      .orderBy('items.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  const { names } = await authorsOfPage(
    tx,
    rows.map((r) => r.id),
  );
  return {
    total: Number(n),
    rows: rows.map((r) => presentSummary(r, names, now)),
  };
}

/** A page of items with what a list row shows: its topic, submitting unit and assignee. */
export function withSummaryColumns<O>(q: SelectQueryBuilder<Database, 'items', O>) {
  return q
    .leftJoin('topics', 'topics.id', 'items.topic_id')
    .innerJoin('organizations', 'organizations.id', 'items.submitting_org_id')
    .leftJoin('users', 'users.id', 'items.assignee_id')
    .select([
      'items.id',
      'items.number',
      'items.status',
      'items.stream',
      'items.kind',
      'items.title',
      'items.urgent',
      'items.composite',
      'items.char_count',
      'items.due_at',
      'items.last_reason',
      'items.submitted_at',
      'items.updated_at',
      'topics.name as topic_name',
      'organizations.name as org_name',
      'organizations.id as org_id',
      'organizations.path as org_path',
      'users.real_name as assignee_name',
    ]);
}

/** The authors of a page of items, in order: their names per item, and who they are. */
export async function authorsOfPage(tx: Tx, itemIds: readonly number[]) {
  const rows = itemIds.length
    ? await tx
        .selectFrom('item_authors')
        .select(['item_id', 'user_id', 'name'])
        .where('item_id', 'in', [...itemIds])
        .orderBy('item_id')
        .orderBy('position')
        .execute()
    : [];
  const names = new Map<number, string[]>();
  for (const a of rows) names.set(a.item_id, [...(names.get(a.item_id) ?? []), a.name]);
  return { names, rows };
}

/** The columns a list row of items is presented from. */
export interface SummaryRow {
  id: number;
  number: string | null;
  status: string;
  stream: string;
  kind: string | null;
  title: string;
  topic_name: string | null;
  org_name: string;
  assignee_name: string | null;
  urgent: number;
  composite: number;
  char_count: number;
  due_at: string | null;
  last_reason: string;
  submitted_at: string | null;
  updated_at: string;
}

/** A list row as the workbench, “我的信息” and the statistics drill-down show it. */
export function presentSummary(
  r: SummaryRow,
  names: ReadonlyMap<number, string[]>,
  now: string,
): ItemSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status as ItemState,
    stream: r.stream as ItemStream,
    kind: r.kind as ItemKind | null,
    title: r.title,
    topicName: r.topic_name ?? '',
    submittingOrgName: r.org_name,
    authorNames: (names.get(r.id) ?? []).join('、'),
    assigneeName: r.assignee_name ?? '',
    urgent: r.urgent === 1,
    composite: r.composite === 1,
    charCount: r.char_count,
    dueAt: r.due_at,
    overdue: isOverdue({ due_at: r.due_at, status: r.status }, now),
    lastReason: r.last_reason,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
  };
}

/**
 * The same list, served from this instance's cache while no committed change has happened
 * anywhere (the data generation): counting a large intake is the expensive part, and lists
 * are read far more often than items change. Overdue marks are worked out at each answer;
 * the overdue filter itself is re-read every minute.
 */
export async function listItemsCached(
  ctx: AppContext,
  scope: ItemScope,
  f: ItemListQuery,
): Promise<{ rows: ItemSummary[]; total: number }> {
  const now = ctx.clock.iso();
  const key = JSON.stringify(['items', scope, f, f.overdue ? Math.floor(Date.parse(now) / MINUTE) : 0]);
  const generation = await readGeneration(ctx.db.kysely);
  let page = ctx.reads.get(key, generation) as { rows: ItemSummary[]; total: number } | undefined;
  if (!page) {
    page = await listItems(ctx.db.kysely, scope, f, now);
    ctx.reads.set(key, generation, page);
  }
  return {
    total: page.total,
    rows: page.rows.map((r) => ({ ...r, overdue: isOverdue({ due_at: r.dueAt, status: r.status }, now) })),
  };
}
