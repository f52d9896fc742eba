import { type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ITEM_KINDS, ITEM_STREAMS } from '../../../shared/items.ts';
import type { ItemSummary } from '../../../shared/schemas/items.ts';
import { ITEM_STATES, type ItemState } from '../../../shared/workflow/items.ts';
import { formatDateTime } from '../../components/format.ts';
import { ItemStatusTag } from '../item/ItemStatusTag.tsx';

/** States whose reason (退回、不予采用、转办) is worth seeing in the list. */
const REASON_STATES: readonly ItemState[] = ['returned', 'rejected', 'referred'];

/** `MM-DD HH:mm` within the current year, the full date and time otherwise. */
function shortDateTime(value: string | null): string {
  const full = formatDateTime(value);
  return full.startsWith(`${new Date().getFullYear()}-`) ? full.slice(5) : full;
}

const dash = (text: string) => text || '—';

/** The queue's columns; secondary ones give way on narrow screens. */
export const workbenchColumns: TableColumnsType<ItemSummary> = [
  {
    title: '登记号',
    dataIndex: 'number',
    width: 96,
    responsive: ['md'],
    render: (number: string | null) => number ?? <Typography.Text type="secondary">未登记</Typography.Text>,
  },
  {
    title: '标题',
    dataIndex: 'title',
    width: 250,
    render: (title: string, item) => (
      <>
        {item.composite && <Tag color="gold">综合稿</Tag>}
        <Link to={`/items/${item.id}`} data-testid="workbench-item-link">
          {title || '（无标题）'}
        </Link>
        {item.lastReason && REASON_STATES.includes(item.status) && (
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 1, tooltip: item.lastReason }}
            style={{ margin: 0, fontSize: 12 }}
          >
            {ITEM_STATES[item.status]}理由：{item.lastReason}
          </Typography.Paragraph>
        )}
      </>
    ),
  },
  {
    title: '类别',
    key: 'stream',
    width: 104,
    responsive: ['lg'],
    render: (_, item) => (
      <>
        <div>{ITEM_STREAMS[item.stream]}</div>
        {(item.kind || item.topicName) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.kind ? ITEM_KINDS[item.kind] : item.topicName}
          </Typography.Text>
        )}
      </>
    ),
  },
  { title: '报送单位', dataIndex: 'submittingOrgName', width: 120, responsive: ['md'], render: dash },
  { title: '作者', dataIndex: 'authorNames', width: 80, responsive: ['lg'], render: dash },
  {
    title: '状态',
    dataIndex: 'status',
    width: 80,
    render: (status: ItemState) => <ItemStatusTag status={status} />,
  },
  {
    title: '承办人',
    dataIndex: 'assigneeName',
    width: 72,
    responsive: ['sm'],
    render: (name: string) => name || <Typography.Text type="secondary">未分配</Typography.Text>,
  },
  {
    title: '报送时间',
    dataIndex: 'submittedAt',
    width: 100,
    responsive: ['xxl'],
    render: (at: string | null) => shortDateTime(at),
  },
  {
    title: '时限',
    dataIndex: 'dueAt',
    width: 104,
    responsive: ['sm'],
    render: (dueAt: string | null, item) =>
      item.overdue ? (
        <Typography.Text type="danger" data-testid="item-overdue">
          {shortDateTime(dueAt)}
          <div style={{ fontSize: 12 }}>已超期</div>
        </Typography.Text>
      ) : (
        shortDateTime(dueAt)
      ),
  },
  {
    title: '紧急',
    dataIndex: 'urgent',
    width: 56,
    render: (urgent: boolean) =>
      urgent ? (
        <Tag color="red" data-testid="item-urgent">
          紧急
        </Tag>
      ) : null,
  },
];
