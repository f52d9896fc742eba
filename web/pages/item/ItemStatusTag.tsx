import { Tag } from 'antd';
import { ITEM_STATES, type ItemState } from '../../../shared/workflow/items.ts';
import { STATE_COLORS } from './item-labels.ts';

export function ItemStatusTag({ status, testId }: { status: ItemState; testId?: string }) {
  return (
    <Tag
      color={STATE_COLORS[status]}
      data-testid={testId}
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {ITEM_STATES[status]}
    </Tag>
  );
}
