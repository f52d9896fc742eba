import { DownloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { AUDIT_ACTIONS, type AuditEntryView } from '../../../shared/schemas/audit.ts';
import { toQuery } from '../../api/client.ts';
import { DateRangeFilter } from '../../components/DateRangeFilter.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { usePagedList } from '../../components/use-paged-list.ts';
import { AuditVerifyButton } from './AuditVerifyButton.tsx';
import { TARGET_TYPES } from './audit-labels.ts';

type Filters = {
  actor?: string;
  action?: string;
  targetType?: string;
  result?: 'success' | 'failure';
  from?: string;
  to?: string;
};

const columns: TableColumnsType<AuditEntryView> = [
  { title: '序号', dataIndex: 'id', responsive: ['xl'] },
  { title: '时间', dataIndex: 'at', render: (at: string) => formatDateTime(at) },
  { title: '操作人', dataIndex: 'actorLogin', render: (login: string) => login || '—' },
  { title: '操作', dataIndex: 'action', render: (action: string) => AUDIT_ACTIONS[action] ?? action },
  {
    title: '对象',
    key: 'target',
    responsive: ['md'],
    render: (_, entry) => {
      const type = TARGET_TYPES[entry.targetType] ?? entry.targetType;
      return entry.targetId && entry.targetId !== '-' ? `${type} ${entry.targetId}` : type;
    },
  },
  {
    title: '摘要',
    dataIndex: 'summary',
    responsive: ['lg'],
    render: (summary: string) => (
      <Typography.Paragraph
        ellipsis={{ rows: 2, tooltip: summary }}
        style={{ maxWidth: 360, marginBottom: 0 }}
      >
        {summary}
      </Typography.Paragraph>
    ),
  },
  { title: 'IP 地址', dataIndex: 'ip', responsive: ['md'] },
  {
    title: '结果',
    dataIndex: 'result',
    render: (result: AuditEntryView['result']) =>
      result === 'success' ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>,
  },
  {
    title: '哈希',
    dataIndex: 'hash',
    responsive: ['xl'],
    render: (hash: string) => (
      <Typography.Text code copyable={{ text: hash }} title={hash}>
        {hash.slice(0, 12)}
      </Typography.Text>
    ),
  },
];

export function AuditPage() {
  const list = usePagedList<AuditEntryView, { export: boolean; verify: boolean }, Filters>('/audit', {});
  const set = (patch: Partial<Filters>) => list.setFilters({ ...list.filters, ...patch });

  return (
    <PageCard
      title="审计日志"
      actions={
        <>
          {list.abilities?.verify && <AuditVerifyButton />}
          {list.abilities?.export && (
            <Button
              icon={<DownloadOutlined />}
              href={`/api/audit/export${toQuery(list.filters)}`}
              data-testid="audit-export"
            >
              导出
            </Button>
          )}
        </>
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Input.Search
          placeholder="操作人登录名"
          allowClear
          onSearch={(value) => set({ actor: value.trim() || undefined })}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="操作类型"
          options={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))}
          value={list.filters.action}
          onChange={(action: string | undefined) => set({ action })}
          style={{ width: 180 }}
          popupMatchSelectWidth={false}
        />
        <Select
          allowClear
          placeholder="对象类型"
          options={Object.entries(TARGET_TYPES).map(([value, label]) => ({ value, label }))}
          value={list.filters.targetType}
          onChange={(targetType: string | undefined) => set({ targetType })}
          style={{ width: 130 }}
        />
        <Select
          allowClear
          placeholder="结果"
          options={[
            { value: 'success', label: '成功' },
            { value: 'failure', label: '失败' },
          ]}
          value={list.filters.result}
          onChange={(result: Filters['result']) => set({ result })}
          style={{ width: 100 }}
        />
        <DateRangeFilter
          from={list.filters.from}
          to={list.filters.to}
          onChange={(from, to) => set({ from, to })}
        />
      </div>
      <PagedTable<AuditEntryView> testId="audit-table" list={list} columns={columns} size="middle" />
    </PageCard>
  );
}
