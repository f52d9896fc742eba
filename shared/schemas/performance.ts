import { z } from 'zod';
import { ITEM_STREAM_KEYS } from '../items.ts';
import { DISPUTE_STATES, type DisputeState, PERFORMANCE_EVENT_KEYS } from '../performance.ts';

const points = z
  .number({ message: '请填写分值' })
  .min(0, '分值不能为负数')
  .max(1000, '分值不能超过1000分')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '分值最多保留两位小数');

export const performanceSchemeSchema = z.object({
  streams: z.array(z.enum(ITEM_STREAM_KEYS)).min(1, '请至少选择一类信息'),
  submitted: points,
  used: points,
  adopted: points,
  instructed: points,
  capPerItem: z.number().min(1, '单条上限至少1分').max(1000, '单条上限不能超过1000分').nullable(),
  coauthors: z.enum(['full', 'lead_only'], { message: '请选择联名作者计分办法' }),
});

export const yearQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional(),
});

export const schemeInput = z.object({
  orgId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  scheme: performanceSchemeSchema,
});
export type SchemeInput = z.infer<typeof schemeInput>;

export const schemeView = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  scheme: performanceSchemeSchema,
  /** No scheme saved for the year: the built-in default applies. */
  isDefault: z.boolean(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type SchemeView = z.infer<typeof schemeView>;

export const disputeInput = z.object({
  orgId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  /** The entry disputed; null for something missing from the record (an item not credited). */
  itemId: z.number().int().positive().nullable(),
  reason: z.string().trim().min(5, '申诉理由至少5个字').max(500, '申诉理由最多500字'),
});
export type DisputeInput = z.infer<typeof disputeInput>;

export const resolveInput = z
  .object({
    decision: z.enum(['accepted', 'rejected'], { message: '请选择处理结果' }),
    reply: z.string().trim().min(2, '请填写处理意见').max(500, '处理意见最多500字'),
    /** Points added (or, negative, taken) when accepted; 0 when the record itself was put right. */
    adjustment: z
      .number()
      .min(-100, '调整分值在-100到100之间')
      .max(100, '调整分值在-100到100之间')
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '分值最多保留两位小数')
      .default(0),
  })
  .refine((r) => r.decision === 'accepted' || r.adjustment === 0, {
    message: '未采纳的申诉不能调整分值',
    path: ['adjustment'],
  });
export type ResolveInput = z.infer<typeof resolveInput>;

const line = z.object({
  event: z.enum(PERFORMANCE_EVENT_KEYS),
  on: z.string(),
  /** Hundredths of a point. */
  points: z.number().int(),
  note: z.string(),
});

export const disputeView = z.object({
  id: z.number().int(),
  year: z.number().int(),
  itemId: z.number().int().nullable(),
  itemTitle: z.string(),
  reason: z.string(),
  state: z.enum(Object.keys(DISPUTE_STATES) as [DisputeState, ...DisputeState[]]),
  reply: z.string(),
  adjustment: z.number().int(),
  filedAt: z.string(),
  resolvedBy: z.string(),
  resolvedAt: z.string().nullable(),
  member: z.object({ id: z.number().int(), name: z.string() }),
});
export type DisputeView = z.infer<typeof disputeView>;

export const recordView = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  member: z.object({ id: z.number().int(), name: z.string(), unit: z.string(), level: z.string() }),
  entries: z.array(
    z.object({
      itemId: z.number().int(),
      title: z.string(),
      number: z.string(),
      lines: z.array(line),
      points: z.number().int(),
    }),
  ),
  /** Points from accepted disputes, in hundredths. */
  adjustments: z.number().int(),
  total: z.number().int(),
  disputes: z.array(disputeView),
  scheme: performanceSchemeSchema,
});
export type RecordView = z.infer<typeof recordView>;

export const memberRow = z.object({
  id: z.number().int(),
  /** Standard competition ranking by total: equal totals share a rank (1, 2, 2, 4). */
  rank: z.number().int(),
  name: z.string(),
  unit: z.string(),
  level: z.string(),
  items: z.number().int(),
  total: z.number().int(),
  openDisputes: z.number().int(),
});
export type MemberRow = z.infer<typeof memberRow>;
