import { type SelectQueryBuilder, sql } from 'kysely';
import type { ItemKind, ItemStream } from '../../../shared/items.ts';
import type { ItemListQuery, ItemSummary } from '../../../shared/schemas/items.ts';
import { type ItemState, OFFICE_OPEN_STATES } from '../../../shared/workflow/items.ts';
import type { Tx } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import type { Reach } from '../access/actor.ts';
import { cstDayEnd, cstDayStart } from '../audit/audit.repository.ts';
import { orgReachFilter } from '../orgs/orgs.repository.ts';
import { isOverdue } from './items.presenter.ts';

export type ItemScope =
  | { view: 'mine'; userId: number }
  | { view: 'unit'; reach: Reach }
  | { view: 'queue'; deskIds: number[] };

type ItemQuery = SelectQueryBuilder<Database, 'items', object>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function scoped(tx: Tx, scope: ItemScope): ItemQuery {
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
        ? q.where('items.target_org_id', 'in', scope.deskIds).where('items.status', '<>', 'draft')
        : q.where(sql<boolean>`1=0`);
  }
}

function filtered(tx: Tx, scope: ItemScope, f: ItemListQuery, now: string): ItemQuery {
  let q = scoped(tx, scope);
  if (f.status) q = q.where('items.status', '=', f.status);
  if (f.open) q = q.where('items.status', 'in', OFFICE_OPEN_STATES);
  if (f.stream) q = q.where('items.stream', '=', f.stream);
  if (f.topicId)
    q = q.where((eb) =>
      eb.or([
        eb('items.topic_id', '=', f.topicId as number),
        eb(
          'items.topic_id',
          'in',
          eb
            .selectFrom('topics')
            .select('topics.id')
            .where('topics.parent_id', '=', f.topicId as number),
        ),
      ]),
    );
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
    // Title, registration number or an author's name.
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`items.title like ${like} escape '\\'`,
        sql<boolean>`items.number like ${like} escape '\\'`,
        eb.exists(
          eb
            .selectFrom('item_authors as qa')
            .select('qa.item_id')
            .whereRef('qa.item_id', '=', 'items.id')
            .where(sql<boolean>`qa.name like ${like} escape '\\'`),
        ),
      ]),
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
    base
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
        'users.real_name as assignee_name',
      ])
      .orderBy(scope.view === 'mine' ? 'items.updated_at' : 'items.submitted_at', 'desc')
      .orderBy('items.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  const ids = rows.map((r) => r.id);
  const authors = ids.length
    ? await tx
        .selectFrom('item_authors')
        .select(['item_id', 'name'])
        .where('item_id', 'in', ids)
        .orderBy('item_id')
        .orderBy('position')
        .execute()
    : [];
  const names = new Map<number, string[]>();
  for (const a of authors) names.set(a.item_id, [...(names.get(a.item_id) ?? []), a.name]);
  return {
    total: Number(n),
    rows: rows.map((r) => ({
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
    })),
  };
}
