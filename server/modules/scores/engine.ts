/**
 * The scoring engine: pure functions from an item's facts, its events and the rule tables to
 * ledger lines. No database, no clock: the same input gives the same lines, which is what lets
 * a recompute reproduce the ledger exactly.
 */
import {
  ADOPTION_BODIES,
  type AdoptionBody,
  type AdoptionForm,
  INSTRUCTION_RANKS,
  type InstructionRank,
} from '../../../shared/feedback.ts';
import {
  DEFAULT_SCORE_RULES,
  formatPoints,
  type ScoreRules,
  SPLIT_POLICIES,
  type SplitPolicy,
} from '../../../shared/scoring.ts';

export interface ScoreAuthor {
  userId: number | null;
  memberLevel: string | null;
}

export type ScoreEventKind = 'own_single' | 'own_combined' | 'own_referred' | 'adoption' | 'instruction';

export interface ScoreEvent {
  /** What it comes from: `publish:<item event>`, `refer:<item event>`, `feedback:<feedback>`. */
  source: string;
  /** The China-calendar day it happened (YYYY-MM-DD): it picks the rule table and the period. */
  occurredOn: string;
  kind: ScoreEventKind;
  body?: AdoptionBody;
  form?: AdoptionForm;
  rank?: InstructionRank;
  /** An event on a composite item shared among its N source items. */
  sharedBy?: number;
  /** How the line names the event, e.g. “《社情民意》2026年第6期编发”. */
  label: string;
}

export interface RuleSet {
  id: number | null;
  name: string;
  effectiveFrom: string;
  rules: ScoreRules;
}

export interface LedgerLine {
  source: string;
  ruleSetId: number | null;
  ruleKey: string;
  subjectType: 'user' | 'org';
  subjectId: number;
  /** Hundredths of a point. */
  points: number;
  occurredOn: string;
  explanation: string;
}

export const DEFAULT_RULE_SET: RuleSet = {
  id: null,
  name: '默认计分规则',
  effectiveFrom: '0000-01-01',
  rules: DEFAULT_SCORE_RULES,
};

/** The table in force on a day: the latest one effective on or before it (or the default). */
export function ruleSetOn(sets: readonly RuleSet[], day: string): RuleSet {
  let found = DEFAULT_RULE_SET;
  for (const s of sets) if (s.effectiveFrom <= day && s.effectiveFrom >= found.effectiveFrom) found = s;
  return found;
}

/**
 * Shares `total` hundredths among `n` credited authors by the policy; the shares add up to the
 * total exactly (left-over hundredths go to the authors after the first, in order, or to the
 * first under an equal split).
 */
export function splitPoints(total: number, n: number, policy: SplitPolicy, firstPercent: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [total];
  if (policy === 'lead_only') return [total, ...Array<number>(n - 1).fill(0)];
  if (policy === 'equal') {
    const each = Math.floor(total / n);
    const shares = Array<number>(n).fill(each);
    for (let i = 0; i < total - each * n; i += 1) shares[i] = (shares[i] as number) + 1;
    return shares;
  }
  const percent = policy === 'first_half' ? 50 : firstPercent;
  const first = Math.ceil((total * percent) / 100);
  const rest = total - first;
  const each = Math.floor(rest / (n - 1));
  const others = Array<number>(n - 1).fill(each);
  for (let i = 0; i < rest - each * (n - 1); i += 1) others[i] = (others[i] as number) + 1;
  return [first, ...others];
}

function basePoints(e: ScoreEvent, r: ScoreRules): { points: number; key: string } {
  switch (e.kind) {
    case 'own_single':
      return { points: r.own.single, key: 'own.single' };
    case 'own_combined':
      return { points: r.own.combined, key: 'own.combined' };
    case 'own_referred':
      return { points: r.own.referred, key: 'own.referred' };
    case 'adoption': {
      const body = e.body ?? 'other';
      const single = e.form === 'single' && e.sharedBy === undefined;
      return {
        points: single ? r.adoption[body].single : r.adoption[body].combined,
        key: `adoption.${body}.${single ? 'single' : 'combined'}`,
      };
    }
    case 'instruction':
      return { points: r.instruction[e.rank ?? 'city'], key: `instruction.${e.rank ?? 'city'}` };
  }
}

/**
 * Scores one item: for each event in date order, its points under the table in force that day
 * (plus the member bonus, once per item and event, and a solicited piece's bonus on adoption), divided among a composite's sources, held
 * under the per-item cap; then a line for the submitting unit (full points) and one per credited
 * author (their share). Every line says how it was reached.
 */
export function scoreItem(
  item: { unitOrgId: number | null; authors: readonly ScoreAuthor[]; solicited?: boolean },
  events: readonly ScoreEvent[],
  sets: readonly RuleSet[],
): LedgerLine[] {
  // By day; on one day the item's own publication before what others did with it; then by source.
  const rank = (e: ScoreEvent) => (e.kind === 'adoption' || e.kind === 'instruction' ? 1 : 0);
  const ordered = [...events].sort(
    (a, b) =>
      a.occurredOn.localeCompare(b.occurredOn) || rank(a) - rank(b) || a.source.localeCompare(b.source),
  );
  const level = item.authors.some((a) => a.memberLevel === 'national')
    ? 'national'
    : item.authors.some((a) => a.memberLevel === 'province')
      ? 'province'
      : null;
  const lines: LedgerLine[] = [];
  let sofar = 0;
  for (const e of ordered) {
    const set = ruleSetOn(sets, e.occurredOn);
    const r = set.rules;
    const base = basePoints(e, r);
    const tier = e.kind === 'instruction' ? null : e.kind === 'adoption' ? r.bonus.upstream : r.bonus.own;
    const bonus = tier && level ? tier[level] : 0;
    const solicited = e.kind === 'adoption' && item.solicited ? (r.bonus.solicited ?? 0) : 0;
    // Tables allow two decimals (2.5 points); 0.1 * 100 is not exactly 10 in floating point.
    let total = Math.round((base.points + bonus + solicited) * 100);
    const parts = [`${e.label}，${base.points}分`];
    if (bonus) parts.push(`${level === 'national' ? '全国' : '省'}政协委员加${bonus}分`);
    if (solicited) parts.push(`约稿加${solicited}分`);
    if (e.sharedBy !== undefined && e.sharedBy > 1) {
      total = Math.floor(total / e.sharedBy);
      parts.push(`由综合信息的${e.sharedBy}条原稿平分，本条${formatPoints(total)}分`);
    }
    if (r.capPerItem !== null) {
      const allowed = Math.max(0, Math.round(r.capPerItem * 100) - sofar);
      if (total > allowed) {
        total = allowed;
        parts.push(`单条信息累计上限${r.capPerItem}分，本次计${formatPoints(total)}分`);
      }
    }
    sofar += total;
    if (total === 0) continue;
    const explanation = parts.join('；');
    const ruleKey =
      (bonus ? `${base.key}+bonus.${e.kind === 'adoption' ? 'upstream' : 'own'}.${level}` : base.key) +
      (solicited ? '+bonus.solicited' : '');
    const line = (
      subjectType: 'user' | 'org',
      subjectId: number,
      points: number,
      note: string,
    ): LedgerLine => ({
      source: e.source,
      ruleSetId: set.id,
      ruleKey,
      subjectType,
      subjectId,
      points,
      occurredOn: e.occurredOn,
      explanation: `${explanation}（${set.name}）；${note}`,
    });
    if (r.unitParallel && item.unitOrgId !== null)
      lines.push(line('org', item.unitOrgId, total, `报送单位计${formatPoints(total)}分`));
    const people = item.authors.filter((a) => a.userId !== null);
    const credited = r.split.maxCredited !== null ? people.slice(0, r.split.maxCredited) : people;
    const shares = splitPoints(total, credited.length, r.split.policy, r.split.firstPercent);
    for (const [i, a] of credited.entries()) {
      const share = shares[i] as number;
      if (share === 0) continue;
      const rule = credited.length > 1 ? `按“${SPLIT_POLICIES[r.split.policy]}”` : '独立作者';
      lines.push(
        line('user', a.userId as number, share, `第${i + 1}作者，${rule}计${formatPoints(share)}分`),
      );
    }
  }
  return lines;
}

/** How an adoption or instruction is named on a line. */
export function feedbackLabel(
  kind: 'adoption' | 'instruction',
  body: AdoptionBody | null,
  rank: InstructionRank | null,
  formLabel: string,
) {
  return kind === 'adoption'
    ? `${ADOPTION_BODIES[body ?? 'other']}${formLabel}`
    : `${INSTRUCTION_RANKS[rank ?? 'city']}批示`;
}
