import { z } from 'zod';
import {
  ADOPTION_BODY_KEYS,
  type AdoptionBody,
  INSTRUCTION_RANK_KEYS,
  type InstructionRank,
} from '../feedback.ts';
import { SPLIT_POLICIES, type SplitPolicy } from '../scoring.ts';

/** A point value: 0–1000, at most two decimals (the ledger keeps hundredths). */
const points = z
  .number({ message: '请填写分值' })
  .min(0, '分值不能为负数')
  .max(1000, '分值不能超过1000分')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '分值最多保留两位小数');

const perBody = z.object({ single: points, combined: points });
const levels = z.object({ province: points, national: points });

const bodies = z.object(
  Object.fromEntries(ADOPTION_BODY_KEYS.map((k) => [k, perBody])) as Record<AdoptionBody, typeof perBody>,
);
const ranks = z.object(
  Object.fromEntries(INSTRUCTION_RANK_KEYS.map((k) => [k, points])) as Record<InstructionRank, typeof points>,
);

/** A whole rule table as the office edits it; the same shape as `ScoreRules`. */
export const scoreRulesSchema = z.object({
  own: z.object({ single: points, combined: points, referred: points }),
  adoption: bodies,
  instruction: ranks,
  bonus: z.object({ own: levels, upstream: levels, solicited: points.default(0) }),
  capPerItem: z.number().min(1, '单条上限至少1分').max(1000, '单条上限不能超过1000分').nullable(),
  split: z.object({
    policy: z.enum(Object.keys(SPLIT_POLICIES) as [SplitPolicy, ...SplitPolicy[]], {
      message: '请选择联名分配方式',
    }),
    firstPercent: z.number().int('比例须为整数').min(1, '比例在1%到100%之间').max(100, '比例在1%到100%之间'),
    maxCredited: z.number().int('人数须为整数').min(1, '至少计1人').max(20, '最多计20人').nullable(),
  }),
  unitParallel: z.boolean(),
});

export const ruleSetInput = z.object({
  orgId: z.number().int().positive(),
  name: z.string().trim().min(1, '请填写规则名称').max(40, '规则名称最多40字'),
  effectiveFrom: z.iso.date({ message: '请选择生效日期' }),
  rules: scoreRulesSchema,
  /**
   * A table effective today or earlier rescores events already in the ledger: the office must
   * say so and why, and the audit log keeps the reason and what changed.
   */
  retroactiveReason: z.string().trim().max(200, '追溯理由最多200字').default(''),
});
export type RuleSetInput = z.infer<typeof ruleSetInput>;

export const ruleSetUpdate = ruleSetInput.omit({ orgId: true });
export type RuleSetUpdate = z.infer<typeof ruleSetUpdate>;

export const ruleSetSchema = z.object({
  id: z.number().int().nullable(),
  orgId: z.number().int(),
  name: z.string(),
  effectiveFrom: z.string(),
  rules: scoreRulesSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  /** in force today / takes effect later / superseded by a later table. */
  status: z.enum(['current', 'pending', 'past']),
  /** A pending table may still be edited or deleted. */
  editable: z.boolean(),
  retroactiveReason: z.string(),
});
export type RuleSetView = z.infer<typeof ruleSetSchema>;

/** What saving a table did (or, in a preview, would do) to the ledger. */
export const ruleSetEffect = z.object({
  items: z.number().int(),
  changedItems: z.number().int(),
  linesBefore: z.number().int(),
  linesAfter: z.number().int(),
  /** Hundredths of a point, over every subject. */
  pointsBefore: z.number().int(),
  pointsAfter: z.number().int(),
});
export type RuleSetEffect = z.infer<typeof ruleSetEffect>;
