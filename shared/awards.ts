/**
 * The biennial selection and commendation of information work (评选表彰, R4.10): the three kinds
 * of award, the states of a round and of an entry, and the wording derived from a round's period.
 */

export const AWARD_KINDS = {
  unit: '先进单位',
  person: '先进个人',
  item: '优秀信息',
} as const;
export type AwardKind = keyof typeof AWARD_KINDS;
export const AWARD_KIND_KEYS = Object.keys(AWARD_KINDS) as [AwardKind, ...AwardKind[]];

export const AWARD_ROUND_STATES = { draft: '草拟', final: '已定' } as const;
export type AwardRoundState = keyof typeof AWARD_ROUND_STATES;

/**
 * An entry's standing: ranked within the quota (候选), added by the committee (增补), or taken
 * out by the committee (调出). Only 候选 and 增补 are on the list.
 */
export const AWARD_ENTRY_STATUSES = { candidate: '候选', added: '增补', removed: '调出' } as const;
export type AwardEntryStatus = keyof typeof AWARD_ENTRY_STATUSES;

/** The committee's adjustments; `restore` undoes the one on record. */
export const AWARD_ADJUSTMENTS = { remove: '调出', add: '增补', restore: '恢复' } as const;
export type AwardAdjustment = keyof typeof AWARD_ADJUSTMENTS;

export const DEFAULT_QUOTAS: Record<AwardKind, number> = { unit: 10, person: 20, item: 30 };

/** The two previous full calendar years before `today` (YYYY-MM-DD, Beijing calendar). */
export function defaultAwardPeriod(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  return { from: `${year - 2}-01-01`, to: `${year - 1}-12-31` };
}

const dayLabel = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** 2025—2026年度 for whole years, 2025年度 for one, else 2025年3月1日至2026年2月28日. */
export function awardPeriodLabel(from: string, to: string): string {
  const whole = from.slice(5) === '01-01' && to.slice(5) === '12-31';
  if (!whole) return `${dayLabel(from)}至${dayLabel(to)}`;
  const a = from.slice(0, 4);
  const b = to.slice(0, 4);
  return a === b ? `${a}年度` : `${a}—${b}年度`;
}

export const defaultAwardRoundName = (from: string, to: string) =>
  `${awardPeriodLabel(from, to)}政协信息工作评选表彰`;
