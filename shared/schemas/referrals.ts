import { z } from 'zod';
import { IMPLEMENTATION_STATUS_KEYS } from '../feedback.ts';
import {
  DEFAULT_DEADLINE_DAYS,
  MAX_DEADLINE_DAYS,
  REFERRAL_STATE_KEYS,
  REPLY_RATING_KEYS,
} from '../referrals.ts';
import { pageQuery } from './common.ts';

const ref = z.object({ id: z.number().int(), name: z.string() });
const day = (message: string) => z.iso.date({ message });
const deadlineDays = z
  .number({ message: '请填写办理时限' })
  .int('办理时限须为整数个工作日')
  .min(1, '办理时限至少1个工作日')
  .max(MAX_DEADLINE_DAYS, `办理时限最多${MAX_DEADLINE_DAYS}个工作日`);
const orgIds = z
  .array(z.number().int().positive())
  .max(10, '一次最多选择10个单位')
  .refine((ids) => new Set(ids).size === ids.length, '单位不能重复选择');

/** 交办: one referral per chosen department, each with the same deadline and note. */
export const referralCreateInput = z.object({
  orgIds: orgIds.refine((ids) => ids.length > 0, '请选择交办单位'),
  deadlineDays: deadlineDays.default(DEFAULT_DEADLINE_DAYS),
  note: z.string().trim().max(500, '交办意见最多500字').default(''),
});
export type ReferralCreateInput = z.infer<typeof referralCreateInput>;

export const referralSignInput = z.object({
  signedOn: day('请选择签收日期'),
  /** Who signed at the department; for the department's own handler, filled from the account. */
  signerName: z.string().trim().max(20, '签收人最多20字').default(''),
});
export type ReferralSignInput = z.infer<typeof referralSignInput>;

export const referralReplyInput = z.object({
  text: z.string().trim().min(1, '请填写办复内容').max(4000, '办复内容最多4000字'),
  repliedOn: day('请选择办复日期'),
});
export type ReferralReplyInput = z.infer<typeof referralReplyInput>;

export const referralReviewInput = z
  .object({
    rating: z.enum(REPLY_RATING_KEYS, { message: '请选择评价' }),
    note: z.string().trim().max(500, '评价意见最多500字').default(''),
    /** Sending back (不满意): the new time limit, counted from today; defaults to the referral's. */
    deadlineDays: deadlineDays.optional(),
  })
  .refine((r) => r.rating !== 'unsatisfied' || r.note !== '', {
    message: '评价为不满意时，请写明需要重新办复的意见',
    path: ['note'],
  });
export type ReferralReviewInput = z.infer<typeof referralReviewInput>;

export const referralRevokeInput = z.object({
  reason: z.string().trim().min(1, '请填写撤销原因').max(300, '撤销原因最多300字'),
});

export const referralFileSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});

export const replySchema = z.object({
  id: z.number().int(),
  text: z.string(),
  repliedOn: z.string(),
  /** Recorded by the office on the department's behalf (代为登记). */
  proxy: z.boolean(),
  recordedBy: ref,
  createdAt: z.string(),
  review: z
    .object({ rating: z.enum(REPLY_RATING_KEYS), note: z.string(), by: ref, at: z.string() })
    .nullable(),
  /** Scans: shown to the office and the department only. */
  files: z.array(referralFileSchema),
});
export type ReplyView = z.infer<typeof replySchema>;

export const referralAbilities = z.object({
  sign: z.boolean(),
  reply: z.boolean(),
  upload: z.boolean(),
  review: z.boolean(),
  revoke: z.boolean(),
  /** The office acts for the department (代为登记) rather than the department itself. */
  proxy: z.boolean(),
});

export const referralSchema = z.object({
  id: z.number().int(),
  item: z.object({ id: z.number().int(), title: z.string(), number: z.string().nullable() }),
  org: z.object({ id: z.number().int(), name: z.string(), type: z.string() }),
  desk: ref,
  state: z.enum(REFERRAL_STATE_KEYS),
  overdue: z.boolean(),
  /** The department has at least one handler account (承办单位联络员). */
  online: z.boolean(),
  note: z.string(),
  sentOn: z.string(),
  deadlineDays: z.number().int(),
  dueOn: z.string(),
  createdBy: ref,
  signed: z.object({ on: z.string(), signerName: z.string(), proxy: z.boolean(), by: ref }).nullable(),
  replies: z.array(replySchema),
  closedAt: z.string().nullable(),
  revoked: z.object({ by: ref, at: z.string(), reason: z.string() }).nullable(),
  abilities: referralAbilities,
});
export type ReferralView = z.infer<typeof referralSchema>;

/** The referred item's text, for a department reading its task (交办件). */
export const referralItemText = z.object({
  stream: z.string(),
  title: z.string(),
  situation: z.string(),
  analysis: z.string(),
  suggestion: z.string(),
  body: z.string(),
});

/** Lists of referrals: by state, or the overdue ones (逾期). */
export const referralListQuery = pageQuery.extend({
  state: z.enum([...REFERRAL_STATE_KEYS, 'overdue', 'all']).default('all'),
});
export type ReferralListQuery = z.infer<typeof referralListQuery>;

// ---- 督办 (follow-up of instructed items) ----

export const supervisionCreateInput = z.object({
  feedbackId: z.number({ message: '请选择督办的批示' }).int().positive(),
  orgIds,
  dueOn: day('请选择督办期限'),
  note: z.string().trim().max(500, '督办要求最多500字').default(''),
});
export type SupervisionCreateInput = z.infer<typeof supervisionCreateInput>;

export const supervisionRemindInput = z.object({
  note: z.string().trim().max(200, '催办意见最多200字').default(''),
});

export const supervisionCloseInput = z.object({
  result: z.string().trim().min(1, '请填写落实情况').max(2000, '落实情况最多2000字'),
  closedOn: day('请选择办结日期'),
  /** Also record the result as an implementation feedback (落实情况) on the item. */
  implementation: z.enum(IMPLEMENTATION_STATUS_KEYS).nullable().default(null),
});
export type SupervisionCloseInput = z.infer<typeof supervisionCloseInput>;

export const supervisionSchema = z.object({
  id: z.number().int(),
  item: z.object({ id: z.number().int(), title: z.string(), number: z.string().nullable() }),
  instruction: z.object({
    id: z.number().int(),
    summary: z.string(),
    occurredOn: z.string(),
    text: z.string(),
  }),
  units: z.array(ref),
  state: z.enum(['open', 'closed']),
  overdue: z.boolean(),
  dueOn: z.string(),
  note: z.string(),
  createdBy: ref,
  createdAt: z.string(),
  remindCount: z.number().int(),
  lastRemindedAt: z.string().nullable(),
  result: z.string(),
  closedOn: z.string().nullable(),
  closedBy: ref.nullable(),
  abilities: z.object({ remind: z.boolean(), close: z.boolean() }),
});
export type SupervisionView = z.infer<typeof supervisionSchema>;

export const supervisionListQuery = pageQuery.extend({
  filter: z.enum(['open', 'overdue', 'closed', 'all']).default('open'),
});
