/**
 * Publications (刊物), their issues (期), approval chains and dispatch: the words and the
 * fixed sets shared by the server (which enforces them) and the web (which offers them).
 */

export const ISSUE_STATES = {
  compiling: '编排中',
  reviewing: '审签中',
  issued: '已签发',
} as const;
export type IssueState = keyof typeof ISSUE_STATES;
export const ISSUE_STATE_KEYS = Object.keys(ISSUE_STATES) as [IssueState, ...IssueState[]];

/** 正刊 numbered 第N期 per year; 增刊 numbered separately (增刊第N期). */
export const ISSUE_KINDS = { regular: '正刊', supplement: '增刊' } as const;
export type IssueKind = keyof typeof ISSUE_KINDS;
export const ISSUE_KIND_KEYS = Object.keys(ISSUE_KINDS) as [IssueKind, ...IssueKind[]];

export const ISSUE_URGENCIES = { normal: '平件', urgent: '加急', very_urgent: '特急' } as const;
export type IssueUrgency = keyof typeof ISSUE_URGENCIES;
export const ISSUE_URGENCY_KEYS = Object.keys(ISSUE_URGENCIES) as [IssueUrgency, ...IssueUrgency[]];

/** The closing block's groups: 报 (upward), 送 (peers and leaders), 发 (downward). */
export const RECIPIENT_GROUPS = { bao: '报', song: '送', fa: '发' } as const;
export type RecipientGroup = keyof typeof RECIPIENT_GROUPS;
export const RECIPIENT_GROUP_KEYS = Object.keys(RECIPIENT_GROUPS) as [RecipientGroup, ...RecipientGroup[]];

export const DISPATCH_CHANNELS = {
  confidential: '机要交换',
  edoc: '电子公文',
  network: '网络报送',
  fax: '传真',
} as const;
export type DispatchChannel = keyof typeof DISPATCH_CHANNELS;
export const DISPATCH_CHANNEL_KEYS = Object.keys(DISPATCH_CHANNELS) as [
  DispatchChannel,
  ...DispatchChannel[],
];

export const DISPATCH_STATUSES = { pending: '待报送', sent: '已报送', received: '已签收' } as const;
export type DispatchStatus = keyof typeof DISPATCH_STATUSES;
export const DISPATCH_STATUS_KEYS = Object.keys(DISPATCH_STATUSES) as [DispatchStatus, ...DispatchStatus[]];

/** How the signers of one step sign: any one of them, one after another, or all (会签). */
export const STEP_MODES = { single: '一人审签', sequential: '依次审签', all: '会签（全部签署）' } as const;
export type StepMode = keyof typeof STEP_MODES;
export const STEP_MODE_KEYS = Object.keys(STEP_MODES) as [StepMode, ...StepMode[]];

/** When a rule picks its chain (R3.5). */
export const CHAIN_CONDITIONS = {
  top_leaders: '报送对象含省委书记或省长',
  always: '其他情形',
} as const;
export type ChainCondition = keyof typeof CHAIN_CONDITIONS;
export const CHAIN_CONDITION_KEYS = Object.keys(CHAIN_CONDITIONS) as [ChainCondition, ...ChainCondition[]];

/** What happens on an issue, as its history records it. */
export const ISSUE_EVENTS = {
  create: '新建',
  compile: '编排',
  submit: '送审',
  approve: '审签同意',
  sign: '签发',
  return: '退回',
  withdraw: '撤回',
  transfer: '转交',
  add_signer: '加签',
  remind: '催办',
  correct: '勘误',
  dispatch: '报送登记',
  remove: '删除',
} as const;
export type IssueEvent = keyof typeof ISSUE_EVENTS;

/** A signoff row's state within one round of approval. */
export const SIGNOFF_STATES = {
  waiting: '待依次审签',
  pending: '待审签',
  approved: '已同意',
  returned: '已退回',
  transferred: '已转交',
  cancelled: '已撤销',
} as const;
export type SignoffState = keyof typeof SIGNOFF_STATES;

/** Dates as printed in official documents: 2026年11月27日 (no leading zeros). */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 第N期, 增刊第N期. */
export function issueNumberLabel(kind: IssueKind, number: number | null): string {
  const n = number === null ? '　' : String(number);
  return kind === 'supplement' ? `增刊第${n}期` : `第${n}期`;
}

/**
 * 省委书记 and 省长 (not 副省长) recognised by name: such a recipient always counts as the
 * provincial Party secretary or governor, whatever the flag says, so R3.5's higher chain cannot
 * be avoided by clearing it.
 */
export function isTopLeaderName(name: string): boolean {
  return /省委书记/.test(name) || /(^|[^副])省长/.test(name);
}

/** Recipients with the top-leader flag set wherever the name calls for it. */
export function normalizeRecipients<R extends { name: string; topLeader: boolean }>(list: readonly R[]): R[] {
  return list.map((r) => (r.topLeader || !isTopLeaderName(r.name) ? r : { ...r, topLeader: true }));
}
