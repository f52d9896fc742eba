import { z } from 'zod';
import {
  ITEM_DECLARATION_KEYS,
  ITEM_DIRECTION_KEYS,
  ITEM_KIND_KEYS,
  ITEM_SOURCE_KEYS,
  ITEM_STREAM_KEYS,
  NOTIFICATION_KIND_KEYS,
} from '../items.ts';
import { ITEM_ACTION_KEYS, ITEM_STATE_KEYS, USER_ITEM_ACTIONS } from '../workflow/items.ts';
import { queryBool } from './common.ts';

const text = (max: number, label: string) => z.string().max(max, `${label}最多${max}个字`).default('');

const ref = z.object({ id: z.number().int(), name: z.string() });

/** The text of an item: a title and either the three 社情民意 sections or one body. */
export const itemContent = z.object({
  title: z.string().trim().max(80, '标题最多80个字').default(''),
  situation: text(20000, '“情况”部分'),
  analysis: text(20000, '“原因分析”部分'),
  suggestion: text(20000, '“建议”部分'),
  body: text(40000, '正文'),
});
export type ItemContent = z.infer<typeof itemContent>;

export const authorInput = z
  .object({
    userId: z.number().int().positive().nullable().default(null),
    orgId: z.number().int().positive().nullable().default(null),
  })
  .refine((a) => (a.userId === null) !== (a.orgId === null), '每位作者须是一位委员或一个单位');

const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号码或带区号的固定电话')
  .or(z.literal(''))
  .default('');

/** Everything the author writes: saved as a draft at any time, checked in full at submission. */
export const itemDraftInput = itemContent.extend({
  stream: z.enum(ITEM_STREAM_KEYS, { message: '请选择信息类别' }),
  kind: z.enum(ITEM_KIND_KEYS).nullable().default(null),
  direction: z.enum(ITEM_DIRECTION_KEYS).nullable().default(null),
  topicId: z.number().int().positive().nullable().default(null),
  submittingOrgId: z.number().int().positive(),
  authors: z.array(authorInput).max(20, '联名作者最多20位').default([]),
  contactPhone: phone,
  sourceType: z.enum(ITEM_SOURCE_KEYS).default('own'),
  sourceRef: z.string().trim().max(200, '来源说明最多200个字').default(''),
  urgent: z.boolean().default(false),
  disclosable: z.boolean().default(false),
});
export type ItemDraftInput = z.infer<typeof itemDraftInput>;

export const itemDraftUpdate = itemDraftInput.extend({ version: z.number().int() });
export type ItemDraftUpdate = z.infer<typeof itemDraftUpdate>;

/** One request to move an item; which fields are required depends on the action (see workflow). */
export const itemTransitionInput = z.object({
  action: z
    .enum(USER_ITEM_ACTIONS as [string, ...string[]])
    .transform((a) => a as (typeof USER_ITEM_ACTIONS)[number]),
  version: z.number().int(),
  reason: z.string().trim().max(1000, '理由最多1000个字').default(''),
  declarations: z.array(z.enum(ITEM_DECLARATION_KEYS)).default([]),
  assigneeId: z.number().int().positive().nullable().default(null),
  content: itemContent.nullable().default(null),
  referOrgId: z.number().int().positive().nullable().default(null),
});
export type ItemTransitionInput = z.infer<typeof itemTransitionInput>;

export const itemBulkInput = z.object({
  action: z.enum(['register', 'assign']),
  ids: z.array(z.number().int().positive()).min(1, '请至少选择一条信息').max(200, '一次最多处理200条'),
  assigneeId: z.number().int().positive().nullable().default(null),
});

export const itemMergeInput = itemContent.extend({
  ids: z.array(z.number().int().positive()).min(2, '合并至少需要两条信息').max(30, '一次最多合并30条'),
});
export type ItemMergeInput = z.infer<typeof itemMergeInput>;

export const ITEM_VIEWS = { mine: '我的信息', unit: '本单位信息', queue: '信息处工作台' } as const;

export const itemListQuery = z.object({
  view: z.enum(['mine', 'unit', 'queue']).default('mine'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(ITEM_STATE_KEYS).optional(),
  /** Everything still waiting for the office. */
  open: queryBool.optional(),
  stream: z.enum(ITEM_STREAM_KEYS).optional(),
  topicId: z.coerce.number().int().positive().optional(),
  orgId: z.coerce.number().int().positive().optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  overdue: queryBool.optional(),
  urgent: queryBool.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(40).optional(),
});
export type ItemListQuery = z.infer<typeof itemListQuery>;

export const itemSummarySchema = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  status: z.enum(ITEM_STATE_KEYS),
  stream: z.enum(ITEM_STREAM_KEYS),
  kind: z.enum(ITEM_KIND_KEYS).nullable(),
  title: z.string(),
  topicName: z.string(),
  submittingOrgName: z.string(),
  authorNames: z.string(),
  assigneeName: z.string(),
  urgent: z.boolean(),
  composite: z.boolean(),
  charCount: z.number().int(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  lastReason: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const itemEventSchema = z.object({
  id: z.number().int(),
  action: z.enum(ITEM_ACTION_KEYS),
  fromState: z.enum(ITEM_STATE_KEYS).nullable(),
  toState: z.enum(ITEM_STATE_KEYS),
  actorName: z.string(),
  reason: z.string(),
  /** A short Chinese note on what else happened (number given, assignee, merged into …). */
  note: z.string(),
  createdAt: z.string(),
});
export type ItemEvent = z.infer<typeof itemEventSchema>;

export const ITEM_VERSION_KINDS = {
  original: '原稿',
  edit: '编辑修改',
  resubmission: '作者修改稿',
  composite: '综合稿',
  correction: '勘误稿',
} as const;

export const itemVersionSchema = z.object({
  no: z.number().int(),
  kind: z.enum(['original', 'edit', 'resubmission', 'composite', 'correction']),
  editorName: z.string(),
  charCount: z.number().int(),
  createdAt: z.string(),
});

export const itemVersionDetailSchema = itemVersionSchema.extend({ content: itemContent });

export const attachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});

export const itemDetailSchema = itemContent.extend({
  id: z.number().int(),
  number: z.string().nullable(),
  status: z.enum(ITEM_STATE_KEYS),
  stream: z.enum(ITEM_STREAM_KEYS),
  kind: z.enum(ITEM_KIND_KEYS).nullable(),
  direction: z.enum(ITEM_DIRECTION_KEYS).nullable(),
  topicId: z.number().int().nullable(),
  topicName: z.string(),
  charCount: z.number().int(),
  contactPhone: z.string(),
  sourceType: z.enum(ITEM_SOURCE_KEYS),
  sourceRef: z.string(),
  urgent: z.boolean(),
  disclosable: z.boolean(),
  authors: z.array(
    z.object({ userId: z.number().int().nullable(), orgId: z.number().int().nullable(), name: z.string() }),
  ),
  submittingOrg: ref,
  targetOrg: ref,
  createdBy: ref,
  onBehalf: z.boolean(),
  /** The issue (期) the item is compiled into or was published in, if any. */
  issue: z.object({ id: z.number().int(), label: z.string(), status: z.string() }).nullable(),
  /** Went, in an issued issue, to the provincial Party secretary or governor. */
  topLeaders: z.boolean(),
  assignee: ref.nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  composite: z.boolean(),
  mergedInto: z.object({ id: z.number().int(), number: z.string().nullable(), title: z.string() }).nullable(),
  mergedFrom: z.array(z.object({ id: z.number().int(), number: z.string().nullable(), title: z.string() })),
  referOrg: ref.nullable(),
  lastReason: z.string(),
  submittedAt: z.string().nullable(),
  registeredAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** Someone else is editing now (soft lock). */
  lock: z.object({ userId: z.number().int(), name: z.string(), expiresAt: z.string() }).nullable(),
  events: z.array(itemEventSchema),
  versions: z.array(itemVersionSchema),
  attachments: z.array(attachmentSchema),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const itemAbilities = z.object({
  actions: z.array(z.enum(ITEM_ACTION_KEYS)),
  saveDraft: z.boolean(),
  attach: z.boolean(),
});
export type ItemAbilities = z.infer<typeof itemAbilities>;

export const itemListAbilities = z.object({
  create: z.boolean(),
  submitForMember: z.boolean(),
  register: z.boolean(),
  assign: z.boolean(),
  merge: z.boolean(),
});

export const diffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

/** A character-level difference: runs of equal, inserted and deleted text. */
export const diffSchema = z.array(
  z.object({
    field: z.string(),
    ops: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
  }),
);

export const itemSettingsSchema = z.object({
  charGuide: z.number().int(),
  charMax: z.number().int(),
  maxAttachments: z.number().int(),
  maxAttachmentMb: z.number().int(),
  attachmentTypes: z.array(z.string()),
  /** Organisations the user may submit for. */
  submittingOrgs: z.array(ref),
  /** CPPCCs whose intake the user works. */
  desks: z.array(ref),
});

export const topicSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export const topicInput = z.object({
  parentId: z.number().int().positive().nullable().default(null),
  name: z.string().trim().min(1, '请填写类别名称').max(20, '类别名称最多20个字'),
  sortOrder: z.number().int().min(0).max(999).default(0),
  active: z.boolean().default(true),
});

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KIND_KEYS),
  title: z.string(),
  body: z.string(),
  itemId: z.number().int().nullable(),
  issueId: z.number().int().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationSchema>;
