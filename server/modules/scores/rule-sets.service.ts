/**
 * Rule tables (R4.6): each CPPCC's office keeps a series of tables, each effective from a day.
 * A table that only looks ahead changes nothing already scored. A table effective today or
 * earlier rescores the CPPCC's items — allowed only with a stated reason, and the audit row
 * keeps what changed — so history is never rewritten silently. A table in force is never edited.
 */
import { sql } from 'kysely';
import type { Permission } from '../../../shared/roles.ts';
import type {
  RuleSetEffect,
  RuleSetInput,
  RuleSetUpdate,
  RuleSetView,
} from '../../../shared/schemas/scoring.ts';
import { completeRules, type ScoreRules } from '../../../shared/scoring.ts';
import { type AppContext, type AuditFn, inTransaction, type Tx, type Who } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError, unlessDuplicate } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { desksWithAny } from '../items/desks.ts';
import { DEFAULT_RULE_SET } from './engine.ts';
import { rescoreOne } from './scores.service.ts';

/** Who may read a CPPCC's tables: the office and those who read its statistics. */
const READERS: readonly Permission[] = ['score.manage', 'feedback.record', 'stats.read'];

/** The CPPCCs (id → name) whose tables the actor reads or writes. */
export function ruleSetDesks(tx: Tx, actor: Actor, mode: 'read' | 'manage'): Promise<Map<number, string>> {
  return desksWithAny(tx, actor, mode === 'manage' ? ['score.manage'] : READERS);
}

/** Every table of the CPPCCs, the built-in default first, each with its standing today. */
export async function listRuleSets(
  tx: Tx,
  orgIds: readonly number[],
  today: string,
  manageable: ReadonlyMap<number, string>,
): Promise<RuleSetView[]> {
  if (orgIds.length === 0) return [];
  const rows = await tx
    .selectFrom('score_rule_sets')
    .leftJoin('users', 'users.id', 'score_rule_sets.created_by')
    .selectAll('score_rule_sets')
    .select('users.real_name')
    .where('score_rule_sets.org_id', 'in', [...orgIds])
    .orderBy('score_rule_sets.org_id')
    .orderBy('score_rule_sets.effective_from')
    .execute();
  const views: RuleSetView[] = [];
  for (const orgId of orgIds) {
    const own = rows.filter((r) => r.org_id === orgId);
    const started = own.filter((r) => r.effective_from <= today);
    const current = started.at(-1)?.id ?? null;
    views.push({
      id: null,
      orgId,
      name: DEFAULT_RULE_SET.name,
      effectiveFrom: '',
      rules: completeRules(DEFAULT_RULE_SET.rules),
      createdBy: '',
      createdAt: '',
      status: current === null ? 'current' : 'past',
      editable: false,
      retroactiveReason: '',
    });
    for (const r of own)
      views.push({
        id: r.id,
        orgId,
        name: r.name,
        effectiveFrom: r.effective_from,
        rules: completeRules(JSON.parse(r.rules) as ScoreRules),
        createdBy: r.real_name ?? '',
        createdAt: r.created_at,
        status: r.effective_from > today ? 'pending' : r.id === current ? 'current' : 'past',
        editable: r.effective_from > today && manageable.has(orgId),
        retroactiveReason: r.retroactive_reason,
      });
  }
  return views;
}

/**
 * Rescores every scored item of the CPPCC under its tables as they now stand and says what
 * changed. Saving locks the items first (as lockForScoring does) so feedback recorded meanwhile
 * waits; a preview, rolled back anyway, locks nothing.
 */
async function rescoreOrg(tx: Tx, orgId: number, lock: boolean): Promise<RuleSetEffect> {
  // One statement, not a list of ids: a CPPCC may hold more items than a query takes parameters.
  if (lock)
    await tx
      .updateTable('items')
      .set({ version: sql`version` })
      .where('target_org_id', '=', orgId)
      .where('composite', '=', 0)
      .execute();
  const before = await ledgerByItem(tx, orgId);
  const items = await tx
    .selectFrom('items')
    .selectAll()
    .where('target_org_id', '=', orgId)
    .where('composite', '=', 0)
    .orderBy('id')
    .execute();
  for (const item of items) await rescoreOne(tx, item);
  const after = await ledgerByItem(tx, orgId);
  let changedItems = 0;
  for (const id of new Set([...before.byItem.keys(), ...after.byItem.keys()]))
    if (before.byItem.get(id) !== after.byItem.get(id)) changedItems += 1;
  return {
    items: items.length,
    changedItems,
    linesBefore: before.lines,
    linesAfter: after.lines,
    pointsBefore: before.points,
    pointsAfter: after.points,
  };
}

/** The CPPCC's ledger as one fingerprint per item (row ids aside), with totals. */
async function ledgerByItem(tx: Tx, orgId: number) {
  const rows = await tx
    .selectFrom('score_ledger')
    .select(['item_id', 'source', 'rule_set_id', 'rule_key', 'subject_type', 'subject_id', 'points'])
    .where('org_id', '=', orgId)
    .orderBy('item_id')
    .orderBy('source')
    .orderBy('subject_type')
    .orderBy('subject_id')
    .execute();
  const byItem = new Map<number, string>();
  let points = 0;
  for (const r of rows) {
    points += r.points;
    const line = `${r.source}|${r.rule_set_id}|${r.rule_key}|${r.subject_type}|${r.subject_id}|${r.points}`;
    byItem.set(r.item_id, `${byItem.get(r.item_id) ?? ''}${line};`);
  }
  return { byItem, lines: rows.length, points };
}

const TAKEN = '该生效日期已有一套计分规则，请换一个日期或修改那一套';

const NO_EFFECT: RuleSetEffect = {
  items: 0,
  changedItems: 0,
  linesBefore: 0,
  linesAfter: 0,
  pointsBefore: 0,
  pointsAfter: 0,
};

/** Thrown to roll a preview back after measuring it. */
class PreviewDone extends Error {
  constructor(readonly effect: RuleSetEffect) {
    super('preview');
  }
}

function checkRetroactive(effectiveFrom: string, reason: string, today: string): void {
  if (effectiveFrom <= today && reason === '') throw new AppError('SCORE_RULES_RETROACTIVE');
}

async function mustManage(tx: Tx, actor: Actor, orgId: number): Promise<void> {
  if (!(await ruleSetDesks(tx, actor, 'manage')).has(orgId))
    throw new AppError('FORBIDDEN', '只有本级信息处处长可以制定计分规则');
}

async function insertSet(
  tx: Tx,
  actor: Actor,
  input: RuleSetInput,
  today: string,
  at: string,
): Promise<number> {
  const taken = await tx
    .selectFrom('score_rule_sets')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('effective_from', '=', input.effectiveFrom)
    .executeTakeFirst();
  if (taken) throw new AppError('DUPLICATE', TAKEN);
  const { id } = await unlessDuplicate(
    tx
      .insertInto('score_rule_sets')
      .values({
        org_id: input.orgId,
        name: input.name,
        effective_from: input.effectiveFrom,
        rules: JSON.stringify(input.rules),
        created_by: actor.id,
        created_at: at,
        retroactive_reason: input.effectiveFrom <= today ? input.retroactiveReason : '',
        updated_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
    () => new AppError('DUPLICATE', TAKEN),
  );
  return id;
}

/** Saves a new table; one effective today or earlier rescores the CPPCC's ledger at once. */
export async function createRuleSet(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  input: RuleSetInput,
): Promise<{ id: number; effect: RuleSetEffect }> {
  const now = ctx.clock.now();
  const today = cstDate(now);
  return inTransaction(ctx, who, async (tx, audit) => {
    await mustManage(tx, actor, input.orgId);
    checkRetroactive(input.effectiveFrom, input.retroactiveReason, today);
    const id = await insertSet(tx, actor, input, today, now.toISOString());
    const effect = input.effectiveFrom <= today ? await rescoreOrg(tx, input.orgId, true) : NO_EFFECT;
    await auditSet(audit, 'score_rules.create', id, input, today, effect);
    return { id, effect };
  });
}

/** What saving the table would do to the ledger, measured in a transaction rolled back. */
export async function previewRuleSet(
  ctx: AppContext,
  actor: Actor,
  input: RuleSetInput,
): Promise<RuleSetEffect> {
  const today = cstDate(ctx.clock.now());
  if (input.effectiveFrom > today) {
    await mustManage(ctx.db.kysely, actor, input.orgId);
    return NO_EFFECT;
  }
  try {
    await ctx.db.kysely.transaction().execute(async (tx) => {
      await mustManage(tx, actor, input.orgId);
      await insertSet(tx, actor, input, today, ctx.clock.iso());
      throw new PreviewDone(await rescoreOrg(tx, input.orgId, false));
    });
  } catch (error) {
    if (error instanceof PreviewDone) return error.effect;
    throw error;
  }
  return NO_EFFECT;
}

/** A pending table (not yet in force) may be edited; it stays pending or becomes retroactive. */
export async function updateRuleSet(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: RuleSetUpdate,
): Promise<RuleSetEffect> {
  const now = ctx.clock.now();
  const today = cstDate(now);
  return inTransaction(ctx, who, async (tx, audit) => {
    const row = await pendingSet(tx, actor, id, today);
    checkRetroactive(input.effectiveFrom, input.retroactiveReason, today);
    const full = { ...input, orgId: row.org_id };
    const clash = await tx
      .selectFrom('score_rule_sets')
      .select('id')
      .where('org_id', '=', row.org_id)
      .where('effective_from', '=', input.effectiveFrom)
      .where('id', '<>', id)
      .executeTakeFirst();
    if (clash) throw new AppError('DUPLICATE', TAKEN);
    await unlessDuplicate(
      tx
        .updateTable('score_rule_sets')
        .set({
          name: input.name,
          effective_from: input.effectiveFrom,
          rules: JSON.stringify(input.rules),
          retroactive_reason: input.effectiveFrom <= today ? input.retroactiveReason : '',
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .where('effective_from', '>', today)
        .executeTakeFirst(),
      () => new AppError('DUPLICATE', TAKEN),
    ).then((r) => {
      // Came into force (the day turned) or was withdrawn since it was read.
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('SCORE_RULES_IN_FORCE');
    });
    const effect = input.effectiveFrom <= today ? await rescoreOrg(tx, row.org_id, true) : NO_EFFECT;
    await auditSet(audit, 'score_rules.update', id, full, today, effect);
    return effect;
  });
}

/** A pending table may be withdrawn before it takes effect; nothing was scored by it. */
export async function deleteRuleSet(ctx: AppContext, actor: Actor, who: Who, id: number): Promise<void> {
  const today = cstDate(ctx.clock.now());
  await inTransaction(ctx, who, async (tx, audit) => {
    const row = await pendingSet(tx, actor, id, today);
    await tx.deleteFrom('score_rule_sets').where('id', '=', id).execute();
    await audit({
      action: 'score_rules.delete',
      targetType: 'score_rule_set',
      targetId: id,
      summary: { orgId: row.org_id, name: row.name, effectiveFrom: row.effective_from },
    });
  });
}

async function pendingSet(tx: Tx, actor: Actor, id: number, today: string) {
  const row = await tx.selectFrom('score_rule_sets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !(await ruleSetDesks(tx, actor, 'read')).has(row.org_id))
    throw new AppError('NOT_FOUND', '计分规则不存在或您无权查看');
  await mustManage(tx, actor, row.org_id);
  if (row.effective_from <= today) throw new AppError('SCORE_RULES_IN_FORCE');
  return row;
}

function auditSet(
  audit: AuditFn,
  action: 'score_rules.create' | 'score_rules.update',
  id: number,
  input: RuleSetInput,
  today: string,
  effect: RuleSetEffect,
) {
  const retroactive = input.effectiveFrom <= today;
  return audit({
    action,
    targetType: 'score_rule_set',
    targetId: id,
    summary: {
      orgId: input.orgId,
      name: input.name,
      effectiveFrom: input.effectiveFrom,
      rules: input.rules,
      ...(retroactive ? { retroactiveReason: input.retroactiveReason, effect } : {}),
    },
  });
}
