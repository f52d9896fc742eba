import { Descriptions, type DescriptionsProps, Tag } from 'antd';
import { Link } from 'react-router';
import { ITEM_DIRECTIONS, ITEM_SOURCES } from '../../../shared/items.ts';
import type { ItemDetail } from '../../../shared/schemas/items.ts';
import { formatDateTime } from '../../components/format.ts';

type Row = NonNullable<DescriptionsProps['items']>[number];

function authorsOf(item: ItemDetail) {
  if (item.authors.length === 0) return '—';
  return (
    <span data-testid="item-authors">
      {item.authors.map((author, i) => (
        <Tag
          key={`${author.userId ?? 'o'}-${author.orgId ?? 'u'}-${author.name}`}
          style={{ marginBottom: 4 }}
        >
          {i === 0 && item.authors.length > 1 ? '第一作者　' : ''}
          {author.name}
        </Tag>
      ))}
    </span>
  );
}

/** Who wrote it, from where, on what source, and where it stands in the office. */
export function ItemMeta({ item }: { item: ItemDetail }) {
  const rows: (Row | false)[] = [
    { key: 'authors', label: item.authors.length > 1 ? '联名作者' : '作者', children: authorsOf(item) },
    { key: 'org', label: '报送单位', children: item.submittingOrg.name },
    item.onBehalf && { key: 'behalf', label: '代报人', children: item.createdBy.name },
    { key: 'target', label: '接收单位', children: item.targetOrg.name || '—' },
    { key: 'topic', label: '信息分类', children: item.topicName || '—' },
    item.direction !== null && {
      key: 'direction',
      label: '采集方向',
      children: ITEM_DIRECTIONS[item.direction],
    },
    {
      key: 'source',
      label: '信息来源',
      children: `${ITEM_SOURCES[item.sourceType]}${item.sourceRef ? `（${item.sourceRef}）` : ''}`,
    },
    item.contactPhone !== '' && { key: 'phone', label: '联系电话', children: item.contactPhone },
    { key: 'disclosable', label: '是否可公开', children: item.disclosable ? '可公开' : '不公开' },
    { key: 'submitted', label: '报送时间', children: formatDateTime(item.submittedAt) },
    item.registeredAt !== null && {
      key: 'registered',
      label: '登记时间',
      children: formatDateTime(item.registeredAt),
    },
    item.assignee !== null && {
      key: 'assignee',
      label: '承办人',
      children: <span data-testid="item-assignee">{item.assignee.name}</span>,
    },
    item.dueAt !== null && {
      key: 'due',
      label: '办理时限',
      children: (
        <span style={item.overdue ? { color: '#cf1322' } : undefined}>
          {formatDateTime(item.dueAt)}
          {item.overdue ? '（已超期）' : ''}
        </span>
      ),
    },
    item.referOrg !== null && { key: 'refer', label: '转办单位', children: item.referOrg.name },
    item.mergedInto !== null && {
      key: 'merged',
      label: '已合并至',
      children: (
        <Link to={`/items/${item.mergedInto.id}`}>
          {item.mergedInto.number ? `${item.mergedInto.number} ` : ''}
          {item.mergedInto.title}
        </Link>
      ),
    },
    item.mergedFrom.length > 0 && {
      key: 'from',
      label: '由以下信息综合',
      children: (
        <span>
          {item.mergedFrom.map((m) => (
            <div key={m.id}>
              <Link to={`/items/${m.id}`}>
                {m.number ? `${m.number} ` : ''}
                {m.title}
              </Link>
            </div>
          ))}
        </span>
      ),
    },
  ];
  return (
    <Descriptions
      data-testid="item-meta"
      column={1}
      size="small"
      items={rows.filter((row): row is Row => row !== false)}
    />
  );
}
