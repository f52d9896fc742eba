import { z } from 'zod';
import { AWARD_ENTRY_STATUSES, AWARD_KIND_KEYS, type AwardEntryStatus } from '../awards.ts';

const day = z.iso.date({ error: '请填写有效的日期（YYYY-MM-DD）' });
const quota = z.number().int().min(0, '名额不能为负数').max(500, '名额不能超过500');
const reason = z.string().trim().min(2, '请填写理由（至少2个字）').max(500, '理由不超过500字');

export const awardKind = z.enum(AWARD_KIND_KEYS);

export const awardQuotas = z.object({ unit: quota, person: quota, item: quota });
export type AwardQuotas = z.infer<typeof awardQuotas>;

/** A new round; what is left out takes its default (the two previous full years, default quotas). */
export const awardRoundInput = z
  .object({
    orgId: z.number().int().positive().optional(),
    name: z.string().trim().max(100, '名称不超过100字').optional(),
    from: day.optional(),
    to: day.optional(),
    quotas: awardQuotas.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    message: '起始日期不能晚于截止日期',
    path: ['to'],
  });
export type AwardRoundInput = z.infer<typeof awardRoundInput>;

export const awardAdjustInput = z.object({
  action: z.enum(['remove', 'add', 'restore']),
  kind: awardKind,
  subjectId: z.number().int().positive(),
  reason,
});
export type AwardAdjustInput = z.infer<typeof awardAdjustInput>;

export const awardSubjectQuery = z.object({
  kind: awardKind,
  q: z.string().trim().max(50).default(''),
});

export const awardEntryView = z.object({
  kind: awardKind,
  subjectId: z.number().int(),
  name: z.string(),
  /** The unit's category, a person's unit, an item's submitting unit. */
  unit: z.string(),
  /** Hundredths of a point, at the last computation. */
  score: z.number().int(),
  /** Rank among all scored subjects of the kind at the last computation; null: no points. */
  rank: z.number().int().nullable(),
  status: z.enum(Object.keys(AWARD_ENTRY_STATUSES) as [AwardEntryStatus, ...AwardEntryStatus[]]),
  reason: z.string(),
  adjustedBy: z.string(),
  adjustedAt: z.string().nullable(),
});
export type AwardEntryView = z.infer<typeof awardEntryView>;

export const awardRoundView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  quotas: awardQuotas,
  state: z.enum(['draft', 'final']),
  computedAt: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  finalizedBy: z.string(),
  finalizedAt: z.string().nullable(),
});
export type AwardRoundView = z.infer<typeof awardRoundView>;

export const awardSubjectView = z.object({ id: z.number().int(), name: z.string(), unit: z.string() });
export type AwardSubjectView = z.infer<typeof awardSubjectView>;
