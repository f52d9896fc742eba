import {
  ITEM_ACTION_KEYS,
  ITEM_ACTIONS,
  ITEM_INPUT_LABELS,
  ITEM_PARTIES,
  ITEM_STATES,
  type ItemActionDef,
} from './items.ts';

/** The workflow table as rows of cells, for docs/ARCHITECTURE.md (a test keeps the two equal). */
export function workflowRows(): string[][] {
  return ITEM_ACTION_KEYS.map((key) => {
    const def: ItemActionDef = ITEM_ACTIONS[key];
    return [
      `${def.label} \`${key}\``,
      def.from.map((s) => ITEM_STATES[s]).join('、'),
      def.to ? ITEM_STATES[def.to] : '（不变）',
      ITEM_PARTIES[def.by],
      [def.reason ? '理由' : '', ...def.inputs.map((i) => ITEM_INPUT_LABELS[i])].filter(Boolean).join('、') ||
        '—',
      def.bulk ? '可批量' : '',
    ];
  });
}

export const WORKFLOW_HEADER = ['操作', '允许的当前状态', '办理后状态', '由谁办理', '必须提供', '批量'];
