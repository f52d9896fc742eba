import { Segmented, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { chineseDate } from '../../../shared/issues.ts';
import {
  DISCLOSURE_STATUS_KEYS,
  DISCLOSURE_STATUSES,
  type DisclosureStatus,
} from '../../../shared/schemas/portal.ts';
import { type ListResponse, toQuery } from '../../api/client.ts';
import { hasPermission, useMe } from '../../api/session.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import type { DisclosureRowView } from './disclosures-api.ts';
import { NoticesPanel } from './NoticesPanel.tsx';

const STATUS_COLORS: Record<DisclosureStatus, string> = {
  draft: 'gold',
  disclosed: 'green',
  withdrawn: 'default',
};

/** The office's disclosure records: what is public, what waits for the director, what was withdrawn. */
function DisclosureList() {
  const [status, setStatus] = useState<DisclosureStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const list = useApiData<ListResponse<DisclosureRowView, { approve: boolean }>>(
    `/disclosures${toQuery({ page, status: status === 'all' ? undefined : status })}`,
  );
  return (
    <div data-testid="disclosure-list">
      <Segmented<DisclosureStatus | 'all'>
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={[
          { label: '全部', value: 'all' },
          ...DISCLOSURE_STATUS_KEYS.map((k) => ({ label: DISCLOSURE_STATUSES[k], value: k })),
        ]}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        在信息页面的“信息公开”栏拟定、批准或撤销公开文本。只有作者同意公开、已在签发的刊物中编发的信息可以公开。
      </Typography.Paragraph>
      <Table<DisclosureRowView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        scroll={{ x: 720 }}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          {
            title: '公开标题',
            key: 'title',
            render: (_, r) => (
              <div>
                <Link to={`/items/${r.item.id}`} data-testid="disclosure-row-link">
                  {r.title}
                </Link>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                  {r.item.number ?? ''} {r.item.title}
                </div>
              </div>
            ),
          },
          {
            title: '状态',
            key: 'status',
            width: 90,
            render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{DISCLOSURE_STATUSES[r.status]}</Tag>,
          },
          {
            title: '公开日期',
            key: 'on',
            width: 150,
            render: (_, r) => (r.disclosedOn ? chineseDate(r.disclosedOn) : '—'),
          },
          {
            title: '办理',
            key: 'who',
            width: 200,
            render: (_, r) =>
              r.withdrawn
                ? `${r.withdrawn.by.name}撤销：${r.withdrawn.reason}`
                : r.approvedBy
                  ? `${r.approvedBy.name}批准`
                  : `${r.preparedBy.name}拟定`,
          },
        ]}
      />
    </div>
  );
}

/** 公开与公告: the items the office disclosed on the portal, and its notices (for the director). */
export function DisclosuresPage() {
  const me = useMe();
  const notices = hasPermission(me, 'portal.manage');
  const disclosures = hasPermission(me, 'item.edit') || hasPermission(me, 'item.disclose');
  const items = [
    ...(disclosures ? [{ key: 'items', label: '信息公开', children: <DisclosureList /> }] : []),
    ...(notices ? [{ key: 'notices', label: '门户公告', children: <NoticesPanel /> }] : []),
  ];
  return (
    <PageCard title="公开与公告">
      <Tabs items={items} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 12 }}>
        公开门户：<Link to="/portal?tab=items">/portal</Link>（无需登录）
      </Typography.Paragraph>
    </PageCard>
  );
}
