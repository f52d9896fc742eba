import { AWARD_KIND_KEYS, type AwardEntryStatus, type AwardKind } from '../../../shared/awards.ts';
import type { AwardEntryView, AwardRoundView } from '../../../shared/schemas/awards.ts';
import type { Tx } from '../../context.ts';
import type { AwardRoundRow } from '../../db/schema.ts';
import type { Actor } from '../access/actor.ts';
import { awardDesks } from './awards.policy.ts';

export function statusOf(e: { adjustment: string | null }): AwardEntryStatus {
  return e.adjustment === 'remove' ? 'removed' : e.adjustment === 'add' ? 'added' : 'candidate';
}

/** Every entry of a round, each kind by rank (unranked additions last). */
export async function entriesOf(tx: Tx, roundId: number): Promise<AwardEntryView[]> {
  const rows = await tx
    .selectFrom('award_entries')
    .leftJoin('users', 'users.id', 'award_entries.adjusted_by')
    .selectAll('award_entries')
    .select('users.real_name as adjuster')
    .where('award_entries.round_id', '=', roundId)
    .execute();
  const order = (k: string) => AWARD_KIND_KEYS.indexOf(k as AwardKind);
  rows.sort(
    (a, b) =>
      order(a.kind) - order(b.kind) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      a.subject_id - b.subject_id,
  );
  return rows.map((r) => ({
    kind: r.kind as AwardKind,
    subjectId: r.subject_id,
    name: r.name,
    unit: r.unit,
    score: r.score,
    rank: r.rank,
    status: statusOf(r),
    reason: r.reason,
    adjustedBy: r.adjuster ?? '',
    adjustedAt: r.adjusted_at,
  }));
}

/** The rounds at the CPPCCs the actor reads, newest first. */
export async function listRounds(tx: Tx, actor: Actor): Promise<AwardRoundView[]> {
  const desks = await awardDesks(tx, actor, 'read');
  if (desks.size === 0) return [];
  const rows = await roundQuery(tx)
    .where('r.org_id', 'in', [...desks.keys()])
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map(presentRound);
}

export async function roundView(tx: Tx, id: number): Promise<AwardRoundView> {
  return presentRound(await roundQuery(tx).where('r.id', '=', id).executeTakeFirstOrThrow());
}

function roundQuery(tx: Tx) {
  return tx
    .selectFrom('award_rounds as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .leftJoin('users as c', 'c.id', 'r.created_by')
    .leftJoin('users as f', 'f.id', 'r.finalized_by')
    .selectAll('r')
    .select(['o.name as org_name', 'c.real_name as creator', 'f.real_name as finalizer']);
}

function presentRound(
  r: AwardRoundRow & { org_name: string; creator: string | null; finalizer: string | null },
): AwardRoundView {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    from: r.period_from,
    to: r.period_to,
    quotas: { unit: r.quota_unit, person: r.quota_person, item: r.quota_item },
    state: r.state === 'final' ? 'final' : 'draft',
    computedAt: r.computed_at,
    createdBy: r.creator ?? '',
    createdAt: r.created_at,
    finalizedBy: r.finalizer ?? '',
    finalizedAt: r.finalized_at,
  };
}
