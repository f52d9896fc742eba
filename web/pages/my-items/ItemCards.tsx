import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Pagination, Skeleton, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ITEM_STREAMS } from '../../../shared/items.ts';
import type { ItemSummary } from '../../../shared/schemas/items.ts';
import { formatDateTime } from '../../components/format.ts';
import { ItemStatusTag } from '../item/ItemStatusTag.tsx';
import { ReturnReason } from './ReturnReason.tsx';
import { revisable } from './revisable.ts';

interface Props {
  items: readonly ItemSummary[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  unit: boolean;
  onPage: (page: number) => void;
}

/** The phone list: one card per item, the state and any return reason first. */
export function ItemCards({ items, loading, total, page, pageSize, unit, onPage }: Props) {
  const navigate = useNavigate();
  if (loading && items.length === 0) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (items.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={unit ? '本单位暂无报送的信息' : '还没有信息，点击“写信息”开始撰写'}
      />
    );

  return (
    <div data-testid="my-item-cards">
      {items.map((item) => {
        const edit = !unit && revisable(item);
        return (
          <Card
            key={item.id}
            size="small"
            style={{ marginBottom: 10 }}
            styles={{ body: { padding: 12 } }}
            data-testid="my-item-card"
            data-item-id={item.id}
            onClick={() => navigate(`/items/${item.id}`)}
          >
            <div style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
              <ItemStatusTag status={item.status} testId="my-item-status" />
              <Tag style={{ marginInlineEnd: 0 }}>{ITEM_STREAMS[item.stream]}</Tag>
              {item.urgent && (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  紧急
                </Tag>
              )}
              <span style={{ flex: 1 }} />
              {item.number && <Typography.Text type="secondary">{item.number}</Typography.Text>}
            </div>
            <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: '8px 0 4px', fontSize: 15 }}>
              {item.title || '（无标题）'}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {unit ? `${item.authorNames} · ` : ''}
              {item.submittedAt
                ? `报送于 ${formatDateTime(item.submittedAt)}`
                : `更新于 ${formatDateTime(item.updatedAt)}`}
              {` · ${item.charCount}字`}
            </Typography.Text>
            {item.status === 'returned' && item.lastReason && <ReturnReason reason={item.lastReason} />}
            <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 8 }}>
              {edit && (
                <Button
                  size="small"
                  type="primary"
                  onClick={(e) => {
                    e.stopPropagation();
                    navigate(`/my-items/${item.id}/edit`);
                  }}
                  data-testid="my-item-revise"
                >
                  {item.status === 'returned' ? '修改后重新报送' : '继续写'}
                </Button>
              )}
              <Button size="small" type="text" style={{ paddingInline: 4 }}>
                详情 <RightOutlined />
              </Button>
            </div>
          </Card>
        );
      })}
      {total > pageSize && (
        <Pagination
          simple
          current={page}
          pageSize={pageSize}
          total={total}
          onChange={onPage}
          style={{ textAlign: 'center' }}
        />
      )}
    </div>
  );
}
