import { Input, Select, type TableColumnsType, Tag, Tooltip } from 'antd';
import { LOGIN_RESULTS, type LoginLogEntry } from '../../../shared/schemas/auth.ts';
import { DateRangeFilter } from '../../components/DateRangeFilter.tsx';
import { describeUserAgent, formatDateTime } from '../../components/format.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { usePagedList } from '../../components/use-paged-list.ts';

type LoginResult = keyof typeof LOGIN_RESULTS;
type Filters = { login?: string; result?: LoginResult; from?: string; to?: string };

const RESULT_COLORS: Partial<Record<LoginResult, string>> = {
  success: 'green',
  logout: 'default',
  forced_logout: 'orange',
  totp_required: 'blue',
  locked: 'red',
  disabled: 'red',
};

function resultTag(result: string) {
  const label = (LOGIN_RESULTS as Record<string, string>)[result] ?? result;
  return <Tag color={RESULT_COLORS[result as LoginResult] ?? 'volcano'}>{label}</Tag>;
}

const columns: TableColumnsType<LoginLogEntry> = [
  { title: '时间', dataIndex: 'at', render: (at: string) => formatDateTime(at) },
  { title: '登录名', dataIndex: 'login' },
  { title: '结果', dataIndex: 'result', render: resultTag },
  { title: 'IP 地址', dataIndex: 'ip', responsive: ['sm'] },
  {
    title: '终端',
    dataIndex: 'userAgent',
    responsive: ['md'],
    render: (ua: string) => (
      <Tooltip title={ua}>
        <span>{describeUserAgent(ua)}</span>
      </Tooltip>
    ),
  },
];

export function LoginLogPage() {
  const list = usePagedList<LoginLogEntry, unknown, Filters>('/login-log', {});
  const set = (patch: Partial<Filters>) => list.setFilters({ ...list.filters, ...patch });

  return (
    <PageCard title="登录日志">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Input.Search
          placeholder="登录名"
          allowClear
          onSearch={(value) => set({ login: value.trim() || undefined })}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          placeholder="结果"
          options={Object.entries(LOGIN_RESULTS).map(([value, label]) => ({ value, label }))}
          value={list.filters.result}
          onChange={(result: LoginResult | undefined) => set({ result })}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
        />
        <DateRangeFilter
          from={list.filters.from}
          to={list.filters.to}
          onChange={(from, to) => set({ from, to })}
        />
      </div>
      <PagedTable<LoginLogEntry> testId="login-log-table" list={list} columns={columns} />
    </PageCard>
  );
}
