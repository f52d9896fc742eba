import { REFERRAL_OPEN_STATES, REFERRAL_ORG_TYPES } from '../../../shared/referrals.ts';
import type { ReferralListQuery } from '../../../shared/schemas/referrals.ts';
import type { Tx } from '../../context.ts';
import type { ReferralRow } from '../../db/schema.ts';
import type { Standing } from './referrals.policy.ts';

/**
 * The referrals an actor works: made by the desks they record feedback for, or addressed to the
 * departments their `referral.handle` reaches and not revoked (see sideOf). Open ones (and the
 * overdue tab) come in order of their due day; the rest newest first.
 */
export async function listReferrals(
  tx: Tx,
  standing: Standing,
  q: ReferralListQuery,
  today: string,
): Promise<{ rows: ReferralRow[]; total: number }> {
  const desks = [...standing.desks];
  const reach = standing.handles;
  if (desks.length === 0 && !reach.all && reach.orgIds.length === 0 && reach.subtreePaths.length === 0)
    return { rows: [], total: 0 };
  let query = tx
    .selectFrom('referrals')
    .innerJoin('organizations', 'organizations.id', 'referrals.org_id')
    .where((eb) => {
      const handled = [
        ...(reach.all ? [eb.lit(true)] : []),
        ...(reach.orgIds.length ? [eb('referrals.org_id', 'in', reach.orgIds)] : []),
        ...reach.subtreePaths.map((p) => eb('organizations.path', 'like', `${p}%`)),
      ];
      return eb.or([
        ...(desks.length ? [eb('referrals.desk_id', 'in', desks)] : []),
        ...(handled.length ? [eb.and([eb('referrals.state', '<>', 'revoked'), eb.or(handled)])] : []),
      ]);
    });
  if (q.state === 'overdue')
    query = query.where('referrals.state', 'in', REFERRAL_OPEN_STATES).where('referrals.due_on', '<', today);
  else if (q.state !== 'all') query = query.where('referrals.state', '=', q.state);
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const open = q.state === 'overdue' || q.state === 'sent' || q.state === 'signed';
  const rows = await query
    .selectAll('referrals')
    .orderBy('referrals.due_on', open ? 'asc' : 'desc')
    .orderBy('referrals.id', open ? 'asc' : 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** Every referral of an item, revoked ones included, in the order they were made. */
export function itemReferrals(tx: Tx, itemId: number): Promise<ReferralRow[]> {
  return tx.selectFrom('referrals').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

/** The item's text as a referral carries it to the department. */
export function itemTextOf(tx: Tx, itemId: number) {
  return tx
    .selectFrom('items')
    .select(['stream', 'title', 'situation', 'analysis', 'suggestion', 'body'])
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
}

/**
 * The desk's candidates for a referral (see assertReferrable): active organisations of a handling
 * type under the desk's CPPCC, its own departments (also nested ones) and the next level's
 * CPPCCs, but nothing inside those CPPCCs.
 */
export async function referralCandidates(tx: Tx, deskId: number) {
  const desk = await tx
    .selectFrom('organizations')
    .select('path')
    .where('id', '=', deskId)
    .executeTakeFirstOrThrow();
  const candidates = await tx
    .selectFrom('organizations')
    .select(['id', 'name', 'type', 'path'])
    .where('path', 'like', `${desk.path}%`)
    .where('id', '<>', deskId)
    .where('active', '=', 1)
    .where('type', 'in', REFERRAL_ORG_TYPES)
    .orderBy('type')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const cppccBelow = (path: string) =>
    candidates.some((c) => c.type.startsWith('cppcc_') && path.startsWith(c.path) && c.path !== path);
  return candidates.filter((c) => !cppccBelow(c.path));
}
