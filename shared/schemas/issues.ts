import { z } from 'zod';
import {
  CHAIN_CONDITION_KEYS,
  DISPATCH_CHANNEL_KEYS,
  DISPATCH_STATUS_KEYS,
  ISSUE_KIND_KEYS,
  ISSUE_STATE_KEYS,
  ISSUE_URGENCY_KEYS,
  RECIPIENT_GROUP_KEYS,
  SIGNOFF_STATES,
  STEP_MODE_KEYS,
} from '../issues.ts';
import { ITEM_STREAM_KEYS } from '../items.ts';
import { itemContent } from './items.ts';

const ref = z.object({ id: z.number().int(), name: z.string() });
const SIGNOFF_STATE_KEYS = Object.keys(SIGNOFF_STATES) as [keyof typeof SIGNOFF_STATES];

/** One addressee of a publication: an organisation or a named leader, in 报, 送 or 发. */
export const recipientSchema = z.object({
  name: z.string().trim().min(1, '请填写报送对象').max(40, '报送对象名称最多40个字'),
  group: z.enum(RECIPIENT_GROUP_KEYS, { message: '请选择报、送或发' }),
  /** The provincial Party secretary or governor: such an issue goes through the higher chain (R3.5). */
  topLeader: z.boolean().default(false),
  /** A body above this CPPCC (全国政协办公厅…): sending to it forwards the items (已上报). */
  upward: z.boolean().default(false),
  channel: z.enum(DISPATCH_CHANNEL_KEYS, { message: '请选择报送渠道' }).default('confidential'),
});
export type Recipient = z.infer<typeof recipientSchema>;

const recipients = z
  .array(recipientSchema)
  .max(60, '报送对象最多60个')
  .refine((list) => new Set(list.map((r) => r.name)).size === list.length, {
    message: '报送对象不能重复',
  });

export const publicationInput = z.object({
  orgId: z.number().int().positive({ message: '请选择编印单位所属政协' }),
  name: z
    .string()
    .trim()
    .min(1, '请填写刊物名称')
    .max(20, '刊物名称最多20个字')
    .refine((s) => !/[《》]/.test(s), '刊物名称不需要书名号'),
  masthead: z.string().trim().min(1, '请填写报头文字').max(12, '报头文字最多12个字'),
  mastheadColor: z
    .string()
    .regex(/^[0-9A-Fa-f]{6}$/, '报头颜色应为六位十六进制色值，如C00000')
    .transform((s) => s.toUpperCase()),
  publisher: z.string().trim().min(1, '请填写编印单位').max(30, '编印单位最多30个字'),
  streams: z.array(z.enum(ITEM_STREAM_KEYS)).min(1, '请至少选择一类信息'),
  singleItem: z.boolean(),
  perWeek: z.number().int().min(0).max(7, '每周最多7期'),
  marking: z.string().trim().max(20, '发行范围标注最多20个字'),
  recipients,
  printRun: z.number().int().min(1, '印数至少1份').max(100000),
  countTotal: z.boolean(),
  totalOffset: z.number().int().min(0).max(1_000_000),
  active: z.boolean().default(true),
});
export type PublicationInput = z.infer<typeof publicationInput>;
export const publicationUpdate = publicationInput.extend({ version: z.number().int() });

export const publicationSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  masthead: z.string(),
  mastheadColor: z.string(),
  publisher: z.string(),
  streams: z.array(z.enum(ITEM_STREAM_KEYS)),
  singleItem: z.boolean(),
  perWeek: z.number().int(),
  marking: z.string(),
  recipients: z.array(recipientSchema),
  printRun: z.number().int(),
  countTotal: z.boolean(),
  totalOffset: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  /** Issued this calendar week (Monday to Sunday, China time), against `perWeek`. */
  issuedThisWeek: z.number().int(),
  /** Issues already carry the running total: its starting point can no longer change. */
  totalUsed: z.boolean(),
  /** Being compiled or signed now. */
  inProgress: z.number().int(),
  lastIssue: z.object({ id: z.number().int(), label: z.string(), signedAt: z.string() }).nullable(),
});
export type PublicationView = z.infer<typeof publicationSchema>;

export const signerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('post'), postId: z.number().int().positive() }),
  z.object({ type: z.literal('user'), userId: z.number().int().positive() }),
]);
export type Signer = z.infer<typeof signerSchema>;

export const chainStepSchema = z.object({
  name: z.string().trim().min(1, '请填写环节名称').max(30, '环节名称最多30个字'),
  mode: z.enum(STEP_MODE_KEYS, { message: '请选择审签方式' }),
  signers: z.array(signerSchema).min(1, '每个环节至少指定一名审签人').max(10, '每个环节最多10名审签人'),
});
export type ChainStep = z.infer<typeof chainStepSchema>;

export const chainInput = z.object({
  orgId: z.number().int().positive(),
  name: z.string().trim().min(1, '请填写流程名称').max(30, '流程名称最多30个字'),
  steps: z.array(chainStepSchema).min(1, '审签流程至少一个环节').max(8, '审签流程最多8个环节'),
  active: z.boolean().default(true),
});
export type ChainInput = z.infer<typeof chainInput>;
export const chainUpdate = chainInput.extend({ version: z.number().int() });

const signerView = z.object({
  type: z.enum(['post', 'user']),
  id: z.number().int(),
  /** “信息处处长岗（A：张三，B：李四）” or the person's name. */
  label: z.string(),
});
export const chainSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  active: z.boolean(),
  /** The current version; running issues keep the version they started with. */
  version: z.number().int(),
  steps: z.array(chainStepSchema.extend({ signerViews: z.array(signerView) })),
  updatedAt: z.string(),
});
export type ChainView = z.infer<typeof chainSchema>;

export const ruleSchema = z.object({
  condition: z.enum(CHAIN_CONDITION_KEYS, { message: '请选择适用情形' }),
  publicationId: z.number().int().positive().nullable(),
  chainId: z.number().int().positive({ message: '请选择审签流程' }),
});
export type RuleInput = z.infer<typeof ruleSchema>;
export const rulesInput = z.object({
  orgId: z.number().int().positive(),
  /** The `stamp` of the rules as loaded: a save over rules changed since is refused (CONFLICT). */
  stamp: z.string().max(100),
  rules: z.array(ruleSchema).min(1, '至少需要一条审签规则').max(40),
});
export const rulesView = z.object({
  orgId: z.number().int(),
  stamp: z.string(),
  rules: z.array(ruleSchema.extend({ chainName: z.string(), publicationName: z.string().nullable() })),
});

export const issueCreate = z.object({
  publicationId: z.number().int().positive({ message: '请选择刊物' }),
  kind: z.enum(ISSUE_KIND_KEYS).default('regular'),
  urgency: z.enum(ISSUE_URGENCY_KEYS).default('normal'),
  itemIds: z
    .array(z.number().int().positive())
    .max(60, '一期最多编排60条信息')
    .refine((ids) => new Set(ids).size === ids.length, { message: '同一信息不能重复编排' })
    .default([]),
});
export type IssueCreate = z.infer<typeof issueCreate>;

/** The compile board saves the whole arrangement at once: order, note, recipients. */
export const issueUpdate = z.object({
  version: z.number().int(),
  kind: z.enum(ISSUE_KIND_KEYS),
  urgency: z.enum(ISSUE_URGENCY_KEYS),
  editorNote: z.string().trim().max(1000, '编者按最多1000字'),
  recipients,
  printRun: z.number().int().min(1, '印数至少1份').max(100000),
  itemIds: z
    .array(z.number().int().positive())
    .max(60, '一期最多编排60条信息')
    .refine((ids) => new Set(ids).size === ids.length, { message: '同一信息不能重复编排' }),
});
export type IssueUpdate = z.infer<typeof issueUpdate>;

export const issueListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  publicationId: z.coerce.number().int().positive().optional(),
  status: z.enum(ISSUE_STATE_KEYS).optional(),
  /** Only issues waiting for the caller's signature. */
  mine: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type IssueListQuery = z.infer<typeof issueListQuery>;

export const issueSummarySchema = z.object({
  id: z.number().int(),
  publication: ref,
  kind: z.enum(ISSUE_KIND_KEYS),
  urgency: z.enum(ISSUE_URGENCY_KEYS),
  status: z.enum(ISSUE_STATE_KEYS),
  /** 2026年第12期 (总第1034期); before issuing “待签发时编号”. */
  label: z.string(),
  year: z.number().int().nullable(),
  number: z.number().int().nullable(),
  totalNumber: z.number().int().nullable(),
  itemCount: z.number().int(),
  firstTitle: z.string(),
  compiledBy: ref,
  /** The step now being signed and who is to sign it. */
  currentStep: z.string().nullable(),
  waitingFor: z.array(z.string()),
  /** The caller is one of those waited for. */
  mine: z.boolean(),
  topLeaders: z.boolean(),
  submittedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type IssueSummary = z.infer<typeof issueSummarySchema>;

export const signoffSchema = z.object({
  id: z.number().int(),
  round: z.number().int(),
  user: ref,
  viaPost: z.string().nullable(),
  status: z.enum(SIGNOFF_STATE_KEYS),
  comment: z.string(),
  actedBy: ref.nullable(),
  actedAt: z.string().nullable(),
  added: z.boolean(),
  remindedAt: z.string().nullable(),
});
export type SignoffView = z.infer<typeof signoffSchema>;

export const issueItemSchema = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  title: z.string(),
  stream: z.enum(ITEM_STREAM_KEYS),
  status: z.string(),
  charCount: z.number().int(),
  authors: z.string(),
  version: z.number().int(),
  urgent: z.boolean(),
});

export const dispatchSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  group: z.enum(RECIPIENT_GROUP_KEYS),
  topLeader: z.boolean(),
  upward: z.boolean(),
  channel: z.enum(DISPATCH_CHANNEL_KEYS),
  status: z.enum(DISPATCH_STATUS_KEYS),
  sentOn: z.string().nullable(),
  handler: ref.nullable(),
  note: z.string(),
  version: z.number().int(),
});
export type DispatchView = z.infer<typeof dispatchSchema>;

export const dispatchUpdate = z
  .object({
    version: z.number().int(),
    channel: z.enum(DISPATCH_CHANNEL_KEYS, { message: '请选择报送渠道' }),
    status: z.enum(DISPATCH_STATUS_KEYS, { message: '请选择报送状态' }),
    sentOn: z.iso.date({ message: '请选择报送日期' }).nullable(),
    handlerId: z.number().int().positive().nullable(),
    note: z.string().trim().max(200, '备注最多200字').default(''),
  })
  .refine((d) => d.status === 'pending' || d.sentOn !== null, {
    message: '已报送的记录请填写报送日期',
    path: ['sentOn'],
  })
  .refine((d) => d.status === 'pending' || d.handlerId !== null, {
    message: '已报送的记录请选择经办人',
    path: ['handlerId'],
  });
export type DispatchUpdate = z.infer<typeof dispatchUpdate>;

export const issueFileSchema = z.object({
  revision: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  note: z.string(),
  createdBy: ref.nullable(),
  createdAt: z.string(),
});

export const issueEventSchema = z.object({
  id: z.number().int(),
  /** The event's key (see ISSUE_EVENTS in shared/issues.ts). */
  kind: z.string(),
  /** Its Chinese label. */
  action: z.string(),
  actor: ref.nullable(),
  step: z.string().nullable(),
  reason: z.string(),
  note: z.string(),
  at: z.string(),
});

/** What changed in the issue since the caller last looked at it (for approvers). */
export const issueChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'moved', 'text', 'note', 'recipients']),
  title: z.string(),
  /** For text changes: the character diff (see shared/text-diff.ts). */
  diff: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })).nullable(),
});
export type IssueChange = z.infer<typeof issueChangeSchema>;

export const issueDetailSchema = issueSummarySchema.extend({
  orgId: z.number().int(),
  editorNote: z.string(),
  recipients: z.array(recipientSchema),
  printRun: z.number().int(),
  singleItem: z.boolean(),
  streams: z.array(z.enum(ITEM_STREAM_KEYS)),
  items: z.array(issueItemSchema),
  chain: z
    .object({
      name: z.string(),
      version: z.number().int(),
      currentStep: z.number().int().nullable(),
      steps: z.array(
        z.object({ name: z.string(), mode: z.enum(STEP_MODE_KEYS), signoffs: z.array(signoffSchema) }),
      ),
    })
    .nullable(),
  /** The chain the rules pick now for this issue's recipients (before submission). */
  plannedChain: z.string().nullable(),
  events: z.array(issueEventSchema),
  files: z.array(issueFileSchema),
  dispatches: z.array(dispatchSchema),
  /** null when the caller has never looked at it, or it has not changed since. */
  changes: z.array(issueChangeSchema).nullable(),
  revision: z.number().int(),
  contentVersion: z.number().int(),
  version: z.number().int(),
});
export type IssueDetail = z.infer<typeof issueDetailSchema>;

export const issueAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  /** The caller's approval would finish the last step: it is the sign-off (签发). */
  approveSigns: z.boolean(),
  /** Steps the caller may return the issue to (-1: to compiling). */
  returnTo: z.array(z.number().int()),
  withdraw: z.boolean(),
  transfer: z.boolean(),
  addSigner: z.boolean(),
  remind: z.boolean(),
  correct: z.boolean(),
  dispatch: z.boolean(),
  remove: z.boolean(),
});
export type IssueAbilities = z.infer<typeof issueAbilities>;

export const issueVersionInput = z.object({ version: z.number().int() });
export const approveInput = z.object({
  version: z.number().int(),
  comment: z.string().trim().max(500, '审签意见最多500字').default(''),
});
export const returnInput = z.object({
  version: z.number().int(),
  /** A step index before the current one, or -1 for compiling. */
  toStep: z.number().int().min(-1),
  reason: z.string().trim().min(1, '请填写退回理由').max(500, '退回理由最多500字'),
});
export const withdrawInput = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(1, '请填写撤回原因').max(500),
});
export const transferInput = z.object({
  version: z.number().int(),
  userId: z.number().int().positive({ message: '请选择转交对象' }),
  reason: z.string().trim().min(1, '请填写转交原因').max(500),
});
export const addSignerInput = z.object({
  version: z.number().int(),
  userId: z.number().int().positive({ message: '请选择加签人' }),
  reason: z.string().trim().max(500).default(''),
});
export const correctionInput = z.object({
  version: z.number().int(),
  itemId: z.number().int().positive({ message: '请选择需要勘误的信息' }),
  content: itemContent,
  note: z.string().trim().min(1, '请填写勘误说明').max(300, '勘误说明最多300字'),
});
export type CorrectionInput = z.infer<typeof correctionInput>;
