import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AdoptionBody, AdoptionForm, InstructionRank } from '../../../shared/feedback.ts';
import { ADOPTION_FORMS } from '../../../shared/feedback.ts';
import type { ScoreRules } from '../../../shared/scoring.ts';
import type { Tx } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';
import { cstDate } from '../../lib/clock.ts';
import { findItem } from '../items/items.repository.ts';
import { feedbackLabel, type RuleSet, type ScoreEvent, scoreItem } from './engine.ts';

/** The rule tables of a CPPCC, oldest first. */
async function ruleSetsOf(tx: Tx, orgId: number): Promise<RuleSet[]> {
  const rows = await tx
    .selectFrom('score_rule_sets')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('effective_from')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    effectiveFrom: r.effective_from,
    rules: JSON.parse(r.rules) as ScoreRules,
  }));
}

/**
 * The events an item scores by: its own publication or referral, and the feedback on it; for a
 * source of a composite, the composite's too (published: 综合; adopted: as combined; an
 * instruction shared among the composite's sources).
 */
async function eventsOf(tx: Tx, item: ItemRow): Promise<ScoreEvent[]> {
  const events: ScoreEvent[] = [];
  const collect = async (holder: ItemRow, asSource: number | null) => {
    const rows = await tx
      .selectFrom('item_events')
      .select(['id', 'action', 'note', 'created_at'])
      .where('item_id', '=', holder.id)
      .where('action', 'in', ['publish', 'refer'])
      .orderBy('id')
      .execute();
    for (const r of rows)
      events.push({
        source: `${r.action}:${r.id}`,
        occurredOn: cstDate(new Date(r.created_at)),
        kind: r.action === 'refer' ? 'own_referred' : asSource !== null ? 'own_combined' : 'own_single',
        label: r.action === 'refer' ? '转办' : r.note || '编发',
      });
    const feedback = await tx
      .selectFrom('item_feedback')
      .select(['id', 'kind', 'occurred_on', 'body', 'form', 'rank'])
      .where('item_id', '=', holder.id)
      .where('revoked_at', 'is', null)
      .where('kind', 'in', ['adoption', 'instruction'])
      .orderBy('id')
      .execute();
    for (const f of feedback) {
      const kind = f.kind as 'adoption' | 'instruction';
      const form = (asSource !== null && kind === 'adoption' ? 'combined' : f.form) as AdoptionForm | null;
      events.push({
        source: `feedback:${f.id}`,
        occurredOn: f.occurred_on,
        kind,
        ...(f.body ? { body: f.body as AdoptionBody } : {}),
        ...(form ? { form } : {}),
        ...(f.rank ? { rank: f.rank as InstructionRank } : {}),
        ...(asSource !== null && kind === 'instruction' ? { sharedBy: asSource } : {}),
        label: feedbackLabel(
          kind,
          f.body as AdoptionBody | null,
          f.rank as InstructionRank | null,
          f.form ? ADOPTION_FORMS[f.form as AdoptionForm] : '',
        ),
      });
    }
  };
  await collect(item, null);
  if (item.merged_into_id !== null) {
    const composite = await findItem(tx, item.merged_into_id);
    if (composite) {
      const sources = await tx
        .selectFrom('items')
        .select('id')
        .where('merged_into_id', '=', composite.id)
        .execute();
      await collect(composite, sources.length);
    }
  }
  return events;
}

/**
 * Takes the items' row locks (a no-op update; SQLite has one writer) before their ledger is
 * rebuilt, so two changes to one item, or a change racing a retroactive rule table, rescore one
 * after the other and the later sees the earlier's events and rules.
 */
export async function lockForScoring(tx: Tx, itemIds: readonly number[]): Promise<void> {
  if (itemIds.length === 0) return;
  await tx
    .updateTable('items')
    .set({ version: sql`version` })
    .where('id', 'in', [...itemIds])
    .execute();
}

/** Replaces one credited item's ledger rows with what its events are worth now. */
export async function rescoreOne(tx: Tx, item: ItemRow): Promise<number> {
  await tx.deleteFrom('score_ledger').where('item_id', '=', item.id).execute();
  if (item.target_org_id === null || item.composite === 1) return 0;
  const authors = await tx
    .selectFrom('item_authors')
    .leftJoin('users', 'users.id', 'item_authors.user_id')
    .select(['item_authors.user_id', 'users.member_level'])
    .where('item_authors.item_id', '=', item.id)
    .orderBy('item_authors.position')
    .execute();
  const lines = scoreItem(
    {
      unitOrgId: item.submitting_org_id,
      authors: authors.map((a) => ({ userId: a.user_id, memberLevel: a.member_level ?? null })),
      solicited: item.source_type === 'solicited',
    },
    await eventsOf(tx, item),
    await ruleSetsOf(tx, item.target_org_id),
  );
  if (lines.length)
    await tx
      .insertInto('score_ledger')
      .values(
        lines.map((l) => ({
          org_id: item.target_org_id as number,
          item_id: item.id,
          source: l.source,
          rule_set_id: l.ruleSetId,
          rule_key: l.ruleKey,
          subject_type: l.subjectType,
          subject_id: l.subjectId,
          points: l.points,
          occurred_on: l.occurredOn,
          explanation: l.explanation,
        })),
      )
      .execute();
  return lines.length;
}

/**
 * Rescores an item inside the transaction that changed it (published, referred, feedback
 * recorded or revoked). A composite's points belong to its source items: they are rescored.
 */
export async function rescoreItem(tx: Tx, itemId: number): Promise<void> {
  await lockForScoring(tx, [itemId]);
  const item = await findItem(tx, itemId);
  if (!item) return;
  if (item.composite === 1) {
    const sources = await tx
      .selectFrom('items')
      .selectAll()
      .where('merged_into_id', '=', item.id)
      .orderBy('id')
      .execute();
    await lockForScoring(
      tx,
      sources.map((s) => s.id),
    );
    for (const s of sources) await rescoreOne(tx, s);
    return;
  }
  await rescoreOne(tx, item);
}

/** Rebuilds the whole ledger from the events, item by item in id order. */
export async function recomputeLedger(tx: Tx): Promise<{ items: number; rows: number }> {
  await tx.deleteFrom('score_ledger').execute();
  const items = await tx
    .selectFrom('items')
    .selectAll()
    .where('composite', '=', 0)
    .where('target_org_id', 'is not', null)
    .orderBy('id')
    .execute();
  let rows = 0;
  for (const item of items) rows += await rescoreOne(tx, item);
  return { items: items.length, rows };
}

/** A digest of the ledger's content (every column but the row id), in a fixed order. */
export async function ledgerDigest(tx: Tx): Promise<{ rows: number; sha256: string }> {
  const rows = await tx
    .selectFrom('score_ledger')
    .select([
      'org_id',
      'item_id',
      'source',
      'rule_set_id',
      'rule_key',
      'subject_type',
      'subject_id',
      'points',
      'occurred_on',
      'explanation',
    ])
    .orderBy('item_id')
    .orderBy('source')
    .orderBy('subject_type')
    .orderBy('subject_id')
    .execute();
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${JSON.stringify(Object.values(r))}\n`);
  return { rows: rows.length, sha256: hash.digest('hex') };
}
