import type { ItemAction } from '../../../shared/workflow/items.ts';

/** What the toast says once an action went through. */
export const DONE_TEXTS: Partial<Record<ItemAction, string>> = {
  submit: '信息已报送',
  resubmit: '修改稿已重新报送',
  withdraw: '信息已撤回为草稿，可继续修改',
  register: '信息已登记',
  assign: '承办人已分配',
  edit: '编辑修改已保存为新版本',
  revise: '拟用稿修改已保存为新版本',
  return: '已退回作者修改',
  reject: '已作不予采用处理',
  refer: '信息已转办',
  select: '已列为拟用',
  deselect: '已撤销拟用',
  archive: '信息已归档',
};

/** Actions taken from the item page's action bar; the rest belong to the workbench or the platform. */
export const PAGE_ACTIONS: readonly ItemAction[] = [
  'submit',
  'resubmit',
  'withdraw',
  'register',
  'assign',
  'edit',
  'revise',
  'select',
  'deselect',
  'return',
  'reject',
  'refer',
  'archive',
];

/** Confirmed with a simple question rather than a form. */
export const CONFIRM_TEXTS: Partial<Record<ItemAction, string>> = {
  withdraw: '撤回后信息回到草稿状态，修改后需重新报送。确定撤回？',
  archive: '归档后本信息办结，只能查阅。确定归档？',
};
