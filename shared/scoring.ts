/**
 * Scoring rules (R4.6, R4.7): points per event, bonuses, a cap and how joint authors share.
 * A rule table is data; the engine in server/modules/scores applies the table in force on each
 * event's date. Points are kept in hundredths so every split adds up exactly.
 */
import type { AdoptionBody, InstructionRank } from './feedback.ts';

export const SPLIT_POLICIES = {
  first_half: '第一作者得一半，其余作者平分另一半',
  lead_only: '仅第一作者计分',
  fixed: '第一作者得固定比例，其余作者平分其余',
  equal: '全体作者平分',
} as const;
export type SplitPolicy = keyof typeof SPLIT_POLICIES;

export interface ScoreRules {
  /** Published in this CPPCC's own publications: 单篇, as part of a composite (综合), referred (转送). */
  own: { single: number; combined: number; referred: number };
  /** Adopted by a body: single piece, or combined (综合, 摘报 and 原稿转送 count as combined). */
  adoption: Record<AdoptionBody, { single: number; combined: number }>;
  /** A leader's written instruction, by rank. */
  instruction: Record<InstructionRank, number>;
  /**
   * Once per item and event when any author is a member at that level (全国 over 省); and, for a
   * solicited piece (约稿), once per adoption upstream. Tables saved before the solicited bonus
   * existed lack it: it counts as 0 there.
   */
  bonus: {
    own: { province: number; national: number };
    upstream: { province: number; national: number };
    solicited?: number;
  };
  /** At most this many points per item over all its events; null for no cap. */
  capPerItem: number | null;
  split: { policy: SplitPolicy; firstPercent: number; maxCredited: number | null };
  /** The submitting unit scores the item's full points beside its authors. */
  unitParallel: boolean;
}

/** The default table, after a published provincial scheme; every figure is editable. */
export const DEFAULT_SCORE_RULES: ScoreRules = {
  own: { single: 5, combined: 2, referred: 1 },
  adoption: {
    central: { single: 30, combined: 20 },
    national_cppcc: { single: 20, combined: 15 },
    provincial_party: { single: 15, combined: 10 },
    provincial_gov: { single: 15, combined: 10 },
    provincial_cppcc: { single: 10, combined: 5 },
    city: { single: 10, combined: 5 },
    other: { single: 5, combined: 2 },
  },
  instruction: { central: 50, provincial_main: 30, provincial: 20, bureau: 15, city: 10 },
  bonus: { own: { province: 2, national: 5 }, upstream: { province: 10, national: 15 }, solicited: 5 },
  capPerItem: null,
  split: { policy: 'first_half', firstPercent: 50, maxCredited: null },
  unitParallel: true,
};

/** A stored table with the fields added since it was saved filled in as they then counted (0). */
export function completeRules(r: ScoreRules): ScoreRules & { bonus: { solicited: number } } {
  return { ...r, bonus: { ...r.bonus, solicited: r.bonus.solicited ?? 0 } };
}

/** Hundredths of a point as a person reads them: 2.5, 0.83, 35. */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${whole}${rest ? `.${String(rest).padStart(2, '0').replace(/0$/, '')}` : ''}`;
}
