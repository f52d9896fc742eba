import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ITEM_KINDS, ITEM_STREAMS } from '../../../shared/items.ts';
import type { ItemDetail } from '../../../shared/schemas/items.ts';
import { useMe } from '../../api/session.ts';
import { permits } from '../../components/screens.ts';
import { ItemStatusTag } from './ItemStatusTag.tsx';

/** The issue the item is compiled into: a link for those who work on issues, its name for others. */
function CompiledInto({ issue }: { issue: NonNullable<ItemDetail['issue']> }) {
  const me = useMe();
  const opens = permits(me.permissions, ['issue.compile', 'issue.review', 'issue.approve']);
  return (
    <Typography.Text data-testid="item-issue">
      已编入：
      {opens ? (
        <Link to={`/issues/${issue.id}`} data-testid="item-issue-link">
          {issue.label}
        </Link>
      ) : (
        issue.label
      )}
    </Typography.Text>
  );
}

/** Number, state and the tags an office worker scans first; the issue it is compiled into. */
export function ItemHeader({ item }: { item: ItemDetail }) {
  return (
    <div>
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
          {item.topLeaders && (
            <Tag color="red" data-testid="item-top-leaders">
              报省委书记、省长
            </Tag>
          )}
        </Space>
      </div>
      {item.issue && (
        <div style={{ marginTop: 8 }}>
          <CompiledInto issue={item.issue} />
        </div>
      )}
    </div>
  );
}
