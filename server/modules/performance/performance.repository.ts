import type { ExpressionBuilder } from 'kysely';
import type { ItemStream } from '../../../shared/items.ts';
import {
  DEFAULT_PERFORMANCE_SCHEME,
  type PerformanceEvent,
  type PerformanceScheme,
} from '../../../shared/performance.ts';
import type { Tx } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import type { ItemFacts } from './engine.ts';

/** The scheme a CPPCC set for the year, or the default (null row). */
export async function schemeOf(tx: Tx, orgId: number, year: number) {
  const row = await tx
    .selectFrom('performance_schemes')
    .leftJoin('users', 'users.id', 'performance_schemes.updated_by')
    .select(['performance_schemes.rules', 'performance_schemes.updated_at', 'users.real_name'])
    .where('performance_schemes.org_id', '=', orgId)
    .where('performance_schemes.year', '=', year)
    .executeTakeFirst();
  return {
    scheme: row ? (JSON.parse(row.rules) as PerformanceScheme) : DEFAULT_PERFORMANCE_SCHEME,
    isDefault: !row,
    updatedBy: row?.real_name ?? '',
    updatedAt: row?.updated_at ?? '',
  };
}

/**
 * The dated facts of the CPPCC's items of the given streams that have member authors (only
 * those of one member when asked). A source of a composite takes the composite's use, adoption
 * and instruction as its own, as its authors' work went into it.
 */
export async function loadFacts(
  tx: Tx,
  deskId: number,
  streams: readonly ItemStream[],
  memberId?: number,
): Promise<ItemFacts[]> {
  // The items in scope, as a subquery, so a whole CPPCC's year never becomes a list of ids.
  const scope = () => {
    let q = tx
      .selectFrom('items')
      .where('items.target_org_id', '=', deskId)
      .where('items.composite', '=', 0)
      .where('items.first_submitted_at', 'is not', null)
      .where('items.stream', 'in', [...streams]);
    if (memberId !== undefined)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('item_authors')
            .select('item_authors.item_id')
            .whereRef('item_authors.item_id', '=', 'items.id')
            .where('item_authors.user_id', '=', memberId),
        ),
      );
    return q;
  };
  const inScope = (column: 'item_id') => (eb: ExpressionBuilder<Database, 'item_events' | 'item_feedback'>) =>
    eb.or([
      eb(column, 'in', scope().select('items.id')),
      eb(column, 'in', scope().select('items.merged_into_id').where('items.merged_into_id', 'is not', null)),
    ]);
  const items = await scope()
    .select(['items.id', 'items.title', 'items.number', 'items.stream', 'items.first_submitted_at'])
    .select('items.merged_into_id')
    .orderBy('items.id')
    .execute();
  if (items.length === 0) return [];
  const [authors, used, feedback] = await Promise.all([
    tx
      .selectFrom('item_authors')
      .select(['item_id', 'user_id'])
      .where('item_id', 'in', scope().select('items.id'))
      .where('user_id', 'is not', null)
      .orderBy('item_id')
      .orderBy('position')
      .execute(),
    tx
      .selectFrom('item_events')
      .select(['item_id', (eb) => eb.fn.min('created_at').as('at')])
      .where(inScope('item_id'))
      .where('action', 'in', ['publish', 'refer'])
      .groupBy('item_id')
      .execute(),
    tx
      .selectFrom('item_feedback')
      .select(['item_id', 'kind', (eb) => eb.fn.min('occurred_on').as('on')])
      .where(inScope('item_id'))
      .where('revoked_at', 'is', null)
      .where('kind', 'in', ['adoption', 'instruction'])
      .groupBy(['item_id', 'kind'])
      .execute(),
  ]);
  const authorsOf = new Map<number, number[]>();
  for (const a of authors)
    authorsOf.set(a.item_id, [...(authorsOf.get(a.item_id) ?? []), a.user_id as number]);
  const usedOn = new Map(used.map((u) => [u.item_id, cstDate(new Date(String(u.at)))]));
  const fbOn = new Map(feedback.map((f) => [`${f.item_id}:${f.kind}`, String(f.on)]));
  const earliest = (...days: (string | null | undefined)[]) =>
    days.filter((d): d is string => !!d).sort()[0] ?? null;
  return items
    .filter((i) => authorsOf.has(i.id))
    .map((i) => {
      const both = (key: (id: number) => string | null | undefined) =>
        earliest(key(i.id), i.merged_into_id ? key(i.merged_into_id) : null);
      const on: Record<PerformanceEvent, string | null> = {
        submitted: cstDate(new Date(i.first_submitted_at as string)),
        used: both((id) => usedOn.get(id)),
        adopted: both((id) => fbOn.get(`${id}:adoption`)),
        instructed: both((id) => fbOn.get(`${id}:instruction`)),
      };
      return {
        itemId: i.id,
        title: i.title,
        number: i.number ?? '',
        stream: i.stream,
        authors: authorsOf.get(i.id) ?? [],
        on,
      };
    });
}
