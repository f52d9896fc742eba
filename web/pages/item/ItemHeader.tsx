import { Space, Tag, Typography } from 'antd';
import { ITEM_KINDS, ITEM_STREAMS } from '../../../shared/items.ts';
import type { ItemDetail } from '../../../shared/schemas/items.ts';
import { ItemStatusTag } from './ItemStatusTag.tsx';

/** Number, state and the tags an office worker scans first. */
export function ItemHeader({ item }: { item: ItemDetail }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
      <Typography.Text strong style={{ fontSize: 16 }} data-testid="item-number">
        {item.number ? `编号 ${item.number}` : '尚未登记编号'}
      </Typography.Text>
      <Space size={4} wrap>
        <ItemStatusTag status={item.status} testId="item-status" />
        <Tag color="blue">{ITEM_STREAMS[item.stream]}</Tag>
        {item.kind && <Tag>{ITEM_KINDS[item.kind]}</Tag>}
        {item.urgent && (
          <Tag color="red" data-testid="item-urgent">
            紧急
          </Tag>
        )}
        {item.composite && <Tag color="gold">综合稿</Tag>}
        {item.overdue && <Tag color="volcano">已超期</Tag>}
        {item.onBehalf && <Tag>代报</Tag>}
      </Space>
    </div>
  );
}
