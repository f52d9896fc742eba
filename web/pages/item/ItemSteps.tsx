import { ExclamationCircleFilled } from '@ant-design/icons';
import { Grid, Steps } from 'antd';
import type { ItemDetail } from '../../../shared/schemas/items.ts';
import {
  ITEM_ACTIONS,
  ITEM_MAIN_LINE,
  ITEM_SIDE_EXITS,
  ITEM_STATES,
  type ItemState,
} from '../../../shared/workflow/items.ts';
import { formatDateTime } from '../../components/format.ts';

type StepItem = NonNullable<Parameters<typeof Steps>[0]['items']>[number];

/** Red for a piece that will not be used; orange for the exits that continue elsewhere. */
const EXIT_COLORS: Partial<Record<ItemState, string>> = { rejected: '#cf1322' };

/**
 * When the item entered each state for the last time. Actions that leave the state as it was
 * (分配承办人、修改拟用稿、登记反馈、勘误、AB岗转交) do not count as entering it.
 */
function enteredAt(item: ItemDetail): Map<ItemState, string> {
  const at = new Map<ItemState, string>();
  for (const event of item.events)
    if (ITEM_ACTIONS[event.action].to !== null || !at.has(event.toState))
      at.set(event.toState, event.createdAt);
  return at;
}

/** The main line up to where the item stands; a side exit ends it as a coloured step with its reason. */
export function ItemSteps({ item }: { item: ItemDetail }) {
  const narrow = !Grid.useBreakpoint().md;
  const at = enteredAt(item);
  const sideExit = ITEM_SIDE_EXITS.includes(item.status);
  let items: StepItem[];
  let current: number;

  const mainStep = (state: ItemState): StepItem => ({
    key: state,
    title: ITEM_STATES[state],
    content: at.has(state) ? formatDateTime(at.get(state)) : undefined,
  });

  if (sideExit) {
    const exit = [...item.events].reverse().find((e) => e.toState === item.status);
    const left = exit?.fromState ?? 'submitted';
    const upTo = Math.max(0, ITEM_MAIN_LINE.indexOf(left));
    const color = EXIT_COLORS[item.status] ?? '#d46b08';
    items = [
      ...ITEM_MAIN_LINE.slice(0, upTo + 1).map(mainStep),
      {
        key: item.status,
        title: <span style={{ color }}>{ITEM_STATES[item.status]}</span>,
        status: 'error',
        icon: <ExclamationCircleFilled style={{ color, fontSize: 24 }} />,
        content: (
          <span data-testid="item-steps-reason">
            {exit ? formatDateTime(exit.createdAt) : ''}
            {item.lastReason ? `　理由：${item.lastReason}` : ''}
          </span>
        ),
      },
    ];
    current = items.length - 1;
  } else {
    current = Math.max(0, ITEM_MAIN_LINE.indexOf(item.status));
    items = ITEM_MAIN_LINE.map(mainStep);
  }

  return (
    <div data-testid="item-steps" data-current={item.status} style={{ overflowX: 'auto' }}>
      <Steps
        size="small"
        orientation={narrow ? 'vertical' : 'horizontal'}
        titlePlacement={narrow ? 'horizontal' : 'vertical'}
        current={current}
        status={sideExit ? 'error' : item.status === 'archived' ? 'finish' : 'process'}
        items={items}
      />
    </div>
  );
}
