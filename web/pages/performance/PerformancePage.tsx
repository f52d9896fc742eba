import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Drawer, Grid, Segmented, Skeleton, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import type { DisputeView, MemberRow, RecordView } from '../../../shared/schemas/performance.ts';
import { formatPoints } from '../../../shared/scoring.ts';
import { toQuery } from '../../api/client.ts';
import { DeskSwitcher } from '../../components/DeskSwitcher.tsx';
import { beijingToday } from '../../components/format.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { downloadFile } from '../issues/issue-format.ts';
import { DisputeList, RecordPanel } from './RecordPanel.tsx';
import { ResolveModal } from './ResolveModal.tsx';
import { SchemeCard } from './SchemeCard.tsx';

interface Abilities {
  orgs: { id: number; name: string }[];
  orgId: number;
  year: number;
  resolve: boolean;
  manage: boolean;
}

/** 委员履职 for the office: members by the year's total, their records, disputes and the scheme. */
export function PerformancePage() {
  const screens = Grid.useBreakpoint();
  const notifyError = useNotifyError();
  const thisYear = beijingToday().year;
  const [year, setYear] = useState(thisYear);
  const [orgId, setOrgId] = useState<number | undefined>();
  const query = toQuery({ orgId, year });
  const list = useApiData<{ data: MemberRow[]; abilities: Abilities }>(`/performance/members${query}`);
  const disputes = useApiData<{ data: DisputeView[] }>(`/performance/disputes${query}`);
  const abilities = list.data?.abilities;
  const [memberId, setMemberId] = useState<number | null>(null);
  const record = useApiData<{ data: RecordView }>(
    memberId === null ? null : `/performance/members/${memberId}${query}`,
  );
  // The record on show is the one asked for, never the previous member's while the next loads.
  const shownRecord =
    record.data && !record.loading && record.data.data.member.id === memberId ? record.data.data : null;
  const [resolving, setResolving] = useState<DisputeView | null>(null);
  const open = (disputes.data?.data ?? []).filter((d) => d.state === 'open').length;

  return (
    <PageCard
      title="委员履职"
      actions={
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            downloadFile(`/api/performance/export${query}`, `${year}年度委员履职情况.xlsx`).catch(notifyError)
          }
          data-testid="performance-export"
        >
          导出Excel
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <DeskSwitcher orgs={abilities?.orgs ?? []} value={abilities?.orgId} onChange={setOrgId} />
        <Segmented
          value={year}
          onChange={(v) => setYear(Number(v))}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
            value: y,
            label: `${y}年度`,
          }))}
        />
      </Space>
      <Tabs
        items={[
          {
            key: 'members',
            label: '委员得分',
            children:
              list.loading && !list.data ? (
                <Skeleton active />
              ) : (
                <Table
                  size="small"
                  rowKey="id"
                  data-testid="performance-members"
                  dataSource={list.data?.data ?? []}
                  pagination={{ pageSize: 50, showSizeChanger: false }}
                  scroll={{ x: 640 }}
                  onRow={(r) => ({ onClick: () => setMemberId(r.id), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: '名次', dataIndex: 'rank', width: 60 },
                    { title: '姓名', dataIndex: 'name', width: 100 },
                    { title: '委员', dataIndex: 'level', width: 110 },
                    { title: '所在单位', dataIndex: 'unit' },
                    { title: '计分信息', dataIndex: 'items', width: 90, render: (n: number) => `${n}条` },
                    { title: '得分', dataIndex: 'total', width: 80, render: (p: number) => formatPoints(p) },
                    {
                      title: '申诉',
                      dataIndex: 'openDisputes',
                      width: 80,
                      render: (n: number) => (n ? <Badge count={n} /> : ''),
                    },
                  ]}
                />
              ),
          },
          {
            key: 'disputes',
            label: (
              <Badge count={open} size="small" offset={[8, 0]}>
                申诉处理
              </Badge>
            ),
            children: (
              <DisputeList
                disputes={disputes.data?.data ?? []}
                action={(d) =>
                  abilities?.resolve &&
                  d.state === 'open' && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setResolving(d)}
                      data-testid="dispute-resolve"
                    >
                      处理
                    </Button>
                  )
                }
              />
            ),
          },
          {
            key: 'scheme',
            label: '计分办法',
            children: abilities && (
              <SchemeCard
                orgId={abilities.orgId}
                year={year}
                editable={abilities.manage && year >= thisYear}
              />
            ),
          },
        ]}
      />
      <Drawer
        open={memberId !== null}
        onClose={() => setMemberId(null)}
        size={screens.md ? 760 : '100%'}
        title={shownRecord ? `${shownRecord.member.name}·${year}年度履职记录` : '履职记录'}
      >
        {shownRecord ? (
          <RecordPanel record={shownRecord} />
        ) : record.failed ? (
          <Alert type="error" showIcon title="履职记录加载失败，请关闭后重试" />
        ) : (
          <Skeleton active />
        )}
      </Drawer>
      <ResolveModal
        dispute={resolving}
        onClose={() => setResolving(null)}
        onDone={() => {
          setResolving(null);
          disputes.reload();
          list.reload();
        }}
      />
    </PageCard>
  );
}
