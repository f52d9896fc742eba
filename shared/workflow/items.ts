/**
 * The life of an item (信息稿件), as one table. The server enforces it (one `transition`
 * service); the web client draws the steps and offers only the actions it allows. See
 * DESIGN §2 and docs/ARCHITECTURE.md.
 */

export const ITEM_STATES = {
  draft: '草稿',
  submitted: '已报送',
  registered: '已登记',
  editing: '编辑中',
  selected: '拟用',
  published: '已编发',
  forwarded: '已上报',
  archived: '已归档',
  returned: '退回修改',
  rejected: '不予采用',
  merged: '已合并',
  referred: '已转办',
} as const;
export type ItemState = keyof typeof ITEM_STATES;
export const ITEM_STATE_KEYS = Object.keys(ITEM_STATES) as [ItemState, ...ItemState[]];

/** The main line, in order, for the step display; the side exits leave it. */
export const ITEM_MAIN_LINE: readonly ItemState[] = [
  'draft',
  'submitted',
  'registered',
  'editing',
  'selected',
  'published',
  'forwarded',
  'archived',
];

/** Side exits, each reached with a required reason or input. */
export const ITEM_SIDE_EXITS: readonly ItemState[] = ['returned', 'rejected', 'merged', 'referred'];

/**
 * Who may take an action.
 * - `author`: the item's creator or a user listed among its authors;
 * - `office`: information-office staff (item.edit) of the CPPCC that receives the item;
 * - `assigner`: office staff who may also assign work (item.assign);
 * - `system`: only the platform itself (publishing an issue, forwarding, AB-post hand-over).
 */
export type ItemParty = 'author' | 'office' | 'assigner' | 'system';

export const ITEM_PARTIES: Record<ItemParty, string> = {
  author: '作者（撰稿人、联名作者或代报人）',
  office: '接收该信息的信息处工作人员',
  assigner: '接收该信息的信息处处长',
  system: '系统自动',
};

/** Inputs an action needs besides the item's row version. */
export type ItemActionInput = 'declarations' | 'assignee' | 'content' | 'referral' | 'composite';

export const ITEM_INPUT_LABELS: Record<ItemActionInput, string> = {
  declarations: '报送前确认事项',
  assignee: '承办人',
  content: '修改后的稿件',
  referral: '转办单位',
  composite: '合并后的综合稿件',
};

export interface ItemActionDef {
  label: string;
  from: readonly ItemState[];
  /** The state after the action; `null` keeps the state (assignment, hand-over). */
  to: ItemState | null;
  by: ItemParty;
  /** A written reason is required (and shown to the author). */
  reason: boolean;
  inputs: readonly ItemActionInput[];
  /** Taken on several items at once from the workbench. */
  bulk: boolean;
}

export const ITEM_ACTIONS = {
  submit: {
    label: '报送',
    from: ['draft'],
    to: 'submitted',
    by: 'author',
    reason: false,
    inputs: ['declarations'],
    bulk: false,
  },
  withdraw: {
    label: '撤回',
    from: ['submitted'],
    to: 'draft',
    by: 'author',
    reason: false,
    inputs: [],
    bulk: false,
  },
  resubmit: {
    label: '修改后重新报送',
    from: ['returned'],
    to: 'submitted',
    by: 'author',
    reason: false,
    inputs: ['declarations'],
    bulk: false,
  },
  register: {
    label: '登记',
    from: ['submitted'],
    to: 'registered',
    by: 'office',
    reason: false,
    inputs: [],
    bulk: true,
  },
  assign: {
    label: '分配承办人',
    from: ['submitted', 'registered', 'editing', 'selected'],
    to: null,
    by: 'assigner',
    reason: false,
    inputs: ['assignee'],
    bulk: true,
  },
  edit: {
    label: '保存编辑',
    from: ['registered', 'editing'],
    to: 'editing',
    by: 'office',
    reason: false,
    inputs: ['content'],
    bulk: false,
  },
  revise: {
    label: '修改拟用稿',
    from: ['selected'],
    to: null,
    by: 'office',
    reason: false,
    inputs: ['content'],
    bulk: false,
  },
  return: {
    label: '退回修改',
    from: ['submitted', 'registered', 'editing'],
    to: 'returned',
    by: 'office',
    reason: true,
    inputs: [],
    bulk: false,
  },
  reject: {
    label: '不予采用',
    from: ['submitted', 'registered', 'editing'],
    to: 'rejected',
    by: 'office',
    reason: true,
    inputs: [],
    bulk: false,
  },
  merge: {
    label: '合并为综合信息',
    from: ['registered', 'editing'],
    to: 'merged',
    by: 'office',
    reason: false,
    inputs: ['composite'],
    bulk: true,
  },
  refer: {
    label: '转办',
    from: ['registered', 'editing'],
    to: 'referred',
    by: 'office',
    reason: true,
    inputs: ['referral'],
    bulk: false,
  },
  select: {
    label: '拟用',
    from: ['registered', 'editing'],
    to: 'selected',
    by: 'office',
    reason: false,
    inputs: [],
    bulk: false,
  },
  deselect: {
    label: '撤销拟用',
    from: ['selected'],
    to: 'editing',
    by: 'office',
    reason: true,
    inputs: [],
    bulk: false,
  },
  publish: {
    label: '编发',
    from: ['selected'],
    to: 'published',
    by: 'system',
    reason: false,
    inputs: [],
    bulk: false,
  },
  forward: {
    label: '上报',
    from: ['published'],
    to: 'forwarded',
    by: 'system',
    reason: false,
    inputs: [],
    bulk: false,
  },
  feedback: {
    label: '登记反馈',
    from: ['published', 'forwarded', 'referred', 'archived'],
    to: null,
    by: 'system',
    reason: false,
    inputs: [],
    bulk: false,
  },
  correct: {
    label: '勘误',
    from: ['published', 'forwarded'],
    to: null,
    by: 'system',
    reason: true,
    inputs: [],
    bulk: false,
  },
  handover: {
    label: 'AB岗转交',
    from: ['submitted', 'registered', 'editing', 'selected'],
    to: null,
    by: 'system',
    reason: true,
    inputs: [],
    bulk: false,
  },
  archive: {
    label: '归档',
    from: ['published', 'forwarded', 'rejected', 'referred'],
    to: 'archived',
    by: 'office',
    reason: false,
    inputs: [],
    bulk: false,
  },
  // Public disclosure (R4.4): the office director approves a public version of an issued item
  // whose author consented, and may withdraw it; recorded on the item's timeline, state unchanged.
  disclose: {
    label: '批准公开',
    from: ['published', 'forwarded', 'archived'],
    to: null,
    by: 'system',
    reason: false,
    inputs: [],
    bulk: false,
  },
  undisclose: {
    label: '撤销公开',
    from: ['published', 'forwarded', 'archived'],
    to: null,
    by: 'system',
    reason: true,
    inputs: [],
    bulk: false,
  },
  /** A step of a referral to a department: 交办, 签收, 办复, 评价, 撤销 (the note says which). */
  handle: {
    label: '交办办复',
    from: ['published', 'forwarded', 'referred', 'archived'],
    to: null,
    by: 'system',
    reason: false,
    inputs: [],
    bulk: false,
  },
  /** A step of the follow-up of an instruction: 立项督办, 催办, 办结. */
  supervise: {
    label: '督办',
    from: ['published', 'forwarded', 'referred', 'archived'],
    to: null,
    by: 'system',
    reason: false,
    inputs: [],
    bulk: false,
  },
} as const satisfies Record<string, ItemActionDef>;

export type ItemAction = keyof typeof ITEM_ACTIONS;
export const ITEM_ACTION_KEYS = Object.keys(ITEM_ACTIONS) as [ItemAction, ...ItemAction[]];

/** Actions a person may request through the API (the rest are the platform's own). */
export const USER_ITEM_ACTIONS = ITEM_ACTION_KEYS.filter((a) => ITEM_ACTIONS[a].by !== 'system');

/** The state an action leads to from `from`, or `undefined` when the table does not allow it. */
export function nextState(action: ItemAction, from: ItemState): ItemState | undefined {
  const def: ItemActionDef = ITEM_ACTIONS[action];
  if (!def.from.includes(from)) return undefined;
  return def.to ?? from;
}

/** Actions the table allows in a state for the parties an actor holds on the item. */
export function actionsFor(state: ItemState, parties: ReadonlySet<ItemParty>): ItemAction[] {
  return ITEM_ACTION_KEYS.filter((a) => {
    const def: ItemActionDef = ITEM_ACTIONS[a];
    return def.from.includes(state) && parties.has(def.by);
  });
}

/** States in which the author may change the text (before submission and after a return). */
export const AUTHOR_EDITABLE_STATES: readonly ItemState[] = ['draft', 'returned'];

/** States in which the item waits for the office (counted as open work with a deadline). */
export const OFFICE_OPEN_STATES: readonly ItemState[] = ['submitted', 'registered', 'editing', 'selected'];
