import {
  AWARD_KIND_KEYS,
  type AwardKind,
  DEFAULT_QUOTAS,
  defaultAwardPeriod,
  defaultAwardRoundName,
} from '../../../shared/awards.ts';
import type { AwardAdjustInput, AwardRoundInput } from '../../../shared/schemas/awards.ts';
import { type AppContext, inTransaction, type Tx, type Who } from '../../context.ts';
import type { AwardRoundRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { deskOf } from '../items/desks.ts';
import { awardDesks, readableRound } from './awards.policy.ts';
import { describeSubjects, rankSubjects, searchSubjects } from './awards.repository.ts';

const QUOTA_COLUMN = { unit: 'quota_unit', person: 'quota_person', item: 'quota_item' } as const;

/**
 * In the changing transaction: the round must be the actor's to run and still a draft. The
 * guarded update takes the row's lock on PostgreSQL, so a finalisation and a change never interleave.
 */
async function draftForChange(tx: Tx, actor: Actor, id: number): Promise<AwardRoundRow> {
  const row = await readableRound(tx, actor, id);
  if (!(await awardDesks(tx, actor, 'manage')).has(row.org_id))
    throw new AppError('FORBIDDEN', '只有本级信息处处长可以组织评选、调整和确定名单');
  const claimed = await tx
    .updateTable('award_rounds')
    .set({ state: 'draft' })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('AWARD_ROUND_FINAL');
  return row;
}

const periodOf = (r: AwardRoundRow) => ({ orgId: r.org_id, from: r.period_from, to: r.period_to });

/**
 * Ranks every kind again from the ledger. Entries the committee adjusted are kept, with their
 * score and rank brought up to date; the others are replaced by the subjects now within the quota.
 */
async function computeEntries(tx: Tx, round: AwardRoundRow): Promise<void> {
  for (const kind of AWARD_KIND_KEYS) {
    const quota = round[QUOTA_COLUMN[kind]];
    await tx
      .deleteFrom('award_entries')
      .where('round_id', '=', round.id)
      .where('kind', '=', kind)
      .where('adjustment', 'is', null)
      .execute();
    const adjusted = await tx
      .selectFrom('award_entries')
      .select('subject_id')
      .where('round_id', '=', round.id)
      .where('kind', '=', kind)
      .execute();
    const kept = new Set(adjusted.map((a) => a.subject_id));
    const ranking = await rankSubjects(tx, kind, periodOf(round), quota, [...kept]);
    const info = await describeSubjects(tx, kind, [...ranking.map((r) => r.id), ...kept]);
    const describe = (id: number) => {
      const found = info.get(id);
      return { name: found?.name ?? `（已删除，编号${id}）`, unit: found?.unit ?? '' };
    };
    const byId = new Map(ranking.map((r) => [r.id, r]));
    for (const id of kept) {
      const r = byId.get(id);
      await tx
        .updateTable('award_entries')
        .set({
          ...describe(id),
          score: r?.score ?? 0,
          rank: r?.rank ?? null,
          ranked: r && r.rank <= quota ? 1 : 0,
        })
        .where('round_id', '=', round.id)
        .where('kind', '=', kind)
        .where('subject_id', '=', id)
        .execute();
    }
    const fresh = ranking.filter((r) => r.rank <= quota && !kept.has(r.id));
    for (let i = 0; i < fresh.length; i += 200)
      await tx
        .insertInto('award_entries')
        .values(
          fresh.slice(i, i + 200).map((r) => {
            const { name, unit } = describe(r.id);
            return {
              round_id: round.id,
              kind,
              subject_id: r.id,
              name,
              unit,
              score: r.score,
              rank: r.rank,
              ranked: 1,
              adjustment: null,
              reason: '',
            };
          }),
        )
        .execute();
  }
}

/** Opens a round at one of the director's CPPCCs and computes its first ranking. */
export async function createRound(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  input: AwardRoundInput,
): Promise<number> {
  return inTransaction(ctx, who, async (tx, audit) => {
    const desks = await awardDesks(tx, actor, 'manage');
    const orgId = input.orgId ?? [...desks.keys()].sort((a, b) => a - b)[0];
    if (orgId === undefined || !desks.has(orgId))
      throw new AppError('FORBIDDEN', '只有本级信息处处长可以组织评选表彰');
    const period = defaultAwardPeriod(cstDate(ctx.clock.now()));
    const from = input.from ?? period.from;
    const to = input.to ?? period.to;
    if (from > to) throw new AppError('VALIDATION_FAILED', '起始日期不能晚于截止日期');
    const quotas = input.quotas ?? DEFAULT_QUOTAS;
    const now = ctx.clock.iso();
    const round = await tx
      .insertInto('award_rounds')
      .values({
        org_id: orgId,
        name: input.name || defaultAwardRoundName(from, to),
        period_from: from,
        period_to: to,
        quota_unit: quotas.unit,
        quota_person: quotas.person,
        quota_item: quotas.item,
        state: 'draft',
        computed_at: now,
        created_by: actor.id,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await computeEntries(tx, round);
    await audit({
      action: 'award.create',
      targetType: 'award_round',
      targetId: round.id,
      summary: { orgId, name: round.name, from, to, quotas },
    });
    return round.id;
  });
}

/** Ranks the draft again from today's ledger; the committee's adjustments stay. */
export async function recomputeRound(ctx: AppContext, actor: Actor, who: Who, id: number): Promise<void> {
  await inTransaction(ctx, who, async (tx, audit) => {
    const round = await draftForChange(tx, actor, id);
    await tx.updateTable('award_rounds').set({ computed_at: ctx.clock.iso() }).where('id', '=', id).execute();
    await computeEntries(tx, round);
    await audit({ action: 'award.recompute', targetType: 'award_round', targetId: id, summary: {} });
  });
}

async function entryOf(tx: Tx, roundId: number, kind: AwardKind, subjectId: number) {
  return tx
    .selectFrom('award_entries')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
}

/** The committee's decision on one subject: take a candidate out, add one, or undo either; always with a reason. */
export async function adjustRound(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: AwardAdjustInput,
): Promise<void> {
  await inTransaction(ctx, who, async (tx, audit) => {
    const round = await draftForChange(tx, actor, id);
    const entry = await entryOf(tx, id, input.kind, input.subjectId);
    const stamp = { reason: input.reason, adjusted_by: actor.id, adjusted_at: ctx.clock.iso() };
    if (input.action === 'remove') {
      if (!entry || entry.adjustment !== null || entry.ranked !== 1)
        throw new AppError('AWARD_ENTRY_STATE', '只能调出名额内的候选对象；增补的对象请撤销增补');
      await tx
        .updateTable('award_entries')
        .set({ adjustment: 'remove', ...stamp })
        .where('id', '=', entry.id)
        .execute();
    } else if (input.action === 'add') {
      if (entry?.adjustment === 'remove')
        throw new AppError('AWARD_ENTRY_STATE', '该对象已被调出，如需列入名单，请撤销调出');
      if (entry) throw new AppError('AWARD_ENTRY_STATE', '该对象已在名单中，无需增补');
      const desk = await deskOf(tx, round.org_id);
      const found = desk && (await searchSubjects(tx, input.kind, desk, '', input.subjectId))[0];
      if (!found) throw new AppError('NOT_FOUND', '该对象不存在或不属于本级政协，不能增补');
      const [standing] = await rankSubjects(tx, input.kind, periodOf(round), 0, [input.subjectId]);
      await tx
        .insertInto('award_entries')
        .values({
          round_id: id,
          kind: input.kind,
          subject_id: input.subjectId,
          name: found.name,
          unit: found.unit,
          score: standing?.score ?? 0,
          rank: standing?.rank ?? null,
          ranked: 0,
          adjustment: 'add',
          ...stamp,
        })
        .execute();
    } else {
      if (!entry || entry.adjustment === null)
        throw new AppError('AWARD_ENTRY_STATE', '该对象没有调出或增补记录，无需撤销');
      // Undone, an entry outside the quota has no place on the list any more.
      if (entry.ranked !== 1) await tx.deleteFrom('award_entries').where('id', '=', entry.id).execute();
      else
        await tx
          .updateTable('award_entries')
          .set({ adjustment: null, reason: '', adjusted_by: null, adjusted_at: null })
          .where('id', '=', entry.id)
          .execute();
    }
    await audit({
      action: `award.${input.action}`,
      targetType: 'award_round',
      targetId: id,
      summary: { kind: input.kind, subjectId: input.subjectId, reason: input.reason },
    });
  });
}

/** Fixes the list: who and when are recorded, and nothing in the round changes afterwards. */
export async function finalizeRound(ctx: AppContext, actor: Actor, who: Who, id: number): Promise<void> {
  await inTransaction(ctx, who, async (tx, audit) => {
    await draftForChange(tx, actor, id);
    await tx
      .updateTable('award_rounds')
      .set({ state: 'final', finalized_by: actor.id, finalized_at: ctx.clock.iso() })
      .where('id', '=', id)
      .execute();
    const listed = await tx
      .selectFrom('award_entries')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('round_id', '=', id)
      .where((eb) => eb.or([eb('adjustment', 'is', null), eb('adjustment', '=', 'add')]))
      .groupBy('kind')
      .execute();
    await audit({
      action: 'award.finalize',
      targetType: 'award_round',
      targetId: id,
      summary: Object.fromEntries(listed.map((l) => [l.kind, Number(l.n)])),
    });
  });
}
