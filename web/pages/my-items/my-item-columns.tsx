import { Button, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ITEM_STREAMS } from '../../../shared/items.ts';
import type { ItemSummary } from '../../../shared/schemas/items.ts';
import { formatDateTime } from '../../components/format.ts';
import { ItemStatusTag } from '../item/ItemStatusTag.tsx';
import { ReturnReason } from './ReturnReason.tsx';
import { revisable } from './revisable.ts';

/** The desk-width table of 我的信息 / 本单位信息. */
export function myItemColumns(
  unit: boolean,
  onRevise: (item: ItemSummary) => void,
): TableProps<ItemSummary>['columns'] {
  return [
    {
      title: '标题',
      dataIndex: 'title',
      render: (_, item) => (
        <div style={{ minWidth: 240, maxWidth: 480 }}>
          <Link to={`/items/${item.id}`} data-testid="my-item-title">
            {item.title || '（无标题）'}
          </Link>
          {item.urgent && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              紧急
            </Tag>
          )}
          {item.status === 'returned' && item.lastReason && <ReturnReason reason={item.lastReason} compact />}
        </div>
      ),
    },
    { title: '类别', dataIndex: 'stream', width: 120, render: (_, item) => ITEM_STREAMS[item.stream] },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (_, item) => <ItemStatusTag status={item.status} testId="my-item-status" />,
    },
    { title: '编号', dataIndex: 'number', width: 110, render: (_, item) => item.number ?? '—' },
    ...(unit ? [{ title: '作者', dataIndex: 'authorNames', width: 160 }] : []),
    { title: '字数', dataIndex: 'charCount', width: 70 },
    {
      title: '报送时间',
      dataIndex: 'submittedAt',
      width: 140,
      render: (_, item) => formatDateTime(item.submittedAt),
    },
    {
      title: '最近更新',
      dataIndex: 'updatedAt',
      width: 140,
      render: (_, item) => (
        <Typography.Text type="secondary">{formatDateTime(item.updatedAt)}</Typography.Text>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, item) =>
        !unit && revisable(item) ? (
          <Button size="small" type="link" onClick={() => onRevise(item)} data-testid="my-item-revise">
            {item.status === 'returned' ? '修改' : '继续写'}
          </Button>
        ) : (
          <Link to={`/items/${item.id}`}>查看</Link>
        ),
    },
  ];
}
