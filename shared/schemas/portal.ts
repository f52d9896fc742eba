/**
 * The public portal (R4.4, R4.9): the public version of disclosed items, the office's notices,
 * and the staff screens that prepare, approve and withdraw them. Public shapes carry only the
 * words the office approved for the public — never people, numbers, states or the original text.
 */
import { z } from 'zod';

export const DISCLOSURE_STATUSES = { draft: '待批准', disclosed: '已公开', withdrawn: '已撤销' } as const;
export type DisclosureStatus = keyof typeof DISCLOSURE_STATUSES;
export const DISCLOSURE_STATUS_KEYS = Object.keys(DISCLOSURE_STATUSES) as [
  DisclosureStatus,
  ...DisclosureStatus[],
];

export const NOTICE_STATUSES = { draft: '草稿', published: '已发布', withdrawn: '已撤下' } as const;
export type NoticeStatus = keyof typeof NOTICE_STATUSES;
export const NOTICE_STATUS_KEYS = Object.keys(NOTICE_STATUSES) as [NoticeStatus, ...NoticeStatus[]];

/** Plain paragraphs: one per line, blank lines ignored. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

// ---- Public (no login) ----

export const publicNoticeSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  publishOn: z.string(),
  pinned: z.boolean(),
  /** The CPPCC that published it. */
  cppcc: z.string(),
});
export const publicNoticeSchema = publicNoticeSummarySchema.extend({ body: z.string() });
export type PublicNoticeSummary = z.infer<typeof publicNoticeSummarySchema>;
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

export const publicDisclosureSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  disclosedOn: z.string(),
  category: z.string(),
  topic: z.string(),
  publication: z.string(),
  cppcc: z.string(),
});
export const publicDisclosureSchema = publicDisclosureSummarySchema.extend({ text: z.string() });
export type PublicDisclosureSummary = z.infer<typeof publicDisclosureSummarySchema>;
export type PublicDisclosure = z.infer<typeof publicDisclosureSchema>;

const publicPage = {
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
};
export const publicNoticeQuery = z.object(publicPage);
export const publicDisclosureQuery = z.object({
  ...publicPage,
  category: z.string().trim().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(40).optional(),
});
export type PublicDisclosureQuery = z.infer<typeof publicDisclosureQuery>;

export const publicNoticeList = z.object({
  data: z.array(publicNoticeSummarySchema),
  total: z.number().int(),
});
export const publicDisclosureList = z.object({
  data: z.array(publicDisclosureSummarySchema),
  total: z.number().int(),
  /** What the filters offer: categories and years that have disclosed items. */
  facets: z.object({ categories: z.array(z.string()), years: z.array(z.number().int()) }),
});

// ---- Staff ----

const ref = z.object({ id: z.number().int(), name: z.string() });
const publicTitle = z.string().trim().min(1, '请填写公开标题').max(100, '公开标题最多100字');
const publicText = z.string().trim().min(1, '请填写公开文本').max(20000, '公开文本最多20000字');
const reason = z.string().trim().min(1, '请填写撤销理由').max(200, '理由最多200字');

/** The prepared public version; `version` is null when no live record exists yet. */
export const disclosurePrepareInput = z.object({
  title: publicTitle,
  text: publicText,
  version: z.number().int().nullable(),
});
/** The director approves exactly the text on the screen (edited or not). */
export const disclosureApproveInput = z.object({
  title: publicTitle,
  text: publicText,
  version: z.number().int().nullable(),
});
export const disclosureWithdrawInput = z.object({ reason, version: z.number().int() });
export type DisclosurePrepareInput = z.infer<typeof disclosurePrepareInput>;

export const disclosureSchema = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  status: z.enum(DISCLOSURE_STATUS_KEYS),
  title: z.string(),
  text: z.string(),
  category: z.string(),
  topic: z.string(),
  publication: z.string(),
  disclosedOn: z.string().nullable(),
  preparedBy: ref,
  preparedAt: z.string(),
  approvedBy: ref.nullable(),
  approvedAt: z.string().nullable(),
  withdrawn: z.object({ by: ref, at: z.string(), reason: z.string() }).nullable(),
  version: z.number().int(),
});
export type DisclosureView = z.infer<typeof disclosureSchema>;

export const itemDisclosureSchema = z.object({
  data: z.object({
    /** The live record (draft or disclosed), if any. */
    current: disclosureSchema.nullable(),
    /** Earlier records, withdrawn, newest first. */
    history: z.array(disclosureSchema),
    /** The item's current text as a starting point for the public version. */
    proposal: z.object({ title: z.string(), text: z.string() }),
    consent: z.boolean(),
    issued: z.boolean(),
  }),
  abilities: z.object({ prepare: z.boolean(), approve: z.boolean(), withdraw: z.boolean() }),
});
export type ItemDisclosure = z.infer<typeof itemDisclosureSchema>;

export const disclosureListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(DISCLOSURE_STATUS_KEYS).optional(),
});
export const disclosureRowSchema = disclosureSchema
  .omit({ text: true })
  .extend({ item: z.object({ id: z.number().int(), number: z.string().nullable(), title: z.string() }) });
export type DisclosureRowView = z.infer<typeof disclosureRowSchema>;

export const noticeInput = z.object({
  orgId: z.number().int().positive(),
  title: z.string().trim().min(1, '请填写公告标题').max(100, '公告标题最多100字'),
  body: z.string().trim().min(1, '请填写公告正文').max(20000, '公告正文最多20000字'),
  publishOn: z.iso.date({ message: '请选择发布日期' }),
  pinned: z.boolean().default(false),
});
export const noticeUpdate = noticeInput.omit({ orgId: true }).extend({ version: z.number().int() });
export const noticeVersionInput = z.object({ version: z.number().int() });
export const noticeWithdrawInput = z.object({
  reason: z.string().trim().min(1, '请填写撤下理由').max(200, '理由最多200字'),
  version: z.number().int(),
});
export type NoticeInput = z.infer<typeof noticeInput>;
export type NoticeUpdate = z.infer<typeof noticeUpdate>;

export const noticeSchema = z.object({
  id: z.number().int(),
  org: ref,
  status: z.enum(NOTICE_STATUS_KEYS),
  title: z.string(),
  body: z.string(),
  publishOn: z.string(),
  pinned: z.boolean(),
  createdBy: ref,
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedBy: ref.nullable(),
  publishedAt: z.string().nullable(),
  withdrawn: z.object({ by: ref, at: z.string(), reason: z.string() }).nullable(),
  version: z.number().int(),
});
export type NoticeView = z.infer<typeof noticeSchema>;
export const noticeListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
/** The CPPCCs whose notices the reader manages (where a new notice may be written). */
export const noticeAbilities = z.object({ create: z.boolean(), desks: z.array(ref) });
