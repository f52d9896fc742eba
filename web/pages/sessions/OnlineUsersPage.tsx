import { App, Button, Input, Popconfirm, type TableColumnsType, Tag, Tooltip } from 'antd';
import type { SessionView } from '../../../shared/schemas/auth.ts';
import { api } from '../../api/client.ts';
import { describeUserAgent, formatDateTime } from '../../components/format.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useNotifyError } from '../../components/use-notify.ts';
import { usePagedList } from '../../components/use-paged-list.ts';

type Filters = { q?: string };

export function OnlineUsersPage() {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const list = usePagedList<SessionView, { revoke: boolean }, Filters>('/sessions', {});

  const forceLogout = async (session: SessionView) => {
    try {
      await api.delete(`/sessions/${session.id}`);
      message.success(`已强制 ${session.realName} 的该会话下线`);
      list.reload();
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: TableColumnsType<SessionView> = [
    { title: '姓名', dataIndex: 'realName' },
    { title: '登录名', dataIndex: 'login' },
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
    {
      title: '登录时间',
      dataIndex: 'createdAt',
      responsive: ['lg'],
      render: (at: string) => formatDateTime(at),
    },
    { title: '最近活动', dataIndex: 'lastSeenAt', render: (at: string) => formatDateTime(at) },
    {
      title: '到期时间',
      dataIndex: 'expiresAt',
      responsive: ['xl'],
      render: (at: string) => formatDateTime(at),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, session) =>
        session.current ? (
          <Tag color="blue">当前会话</Tag>
        ) : (
          list.abilities?.revoke && (
            <Popconfirm
              title={`确定强制 ${session.realName} 下线？`}
              description="该会话立即失效，对方须重新登录。"
              okButtonProps={{ danger: true }}
              onConfirm={() => forceLogout(session)}
            >
              <Button type="link" size="small" danger data-testid="session-force-logout">
                强制下线
              </Button>
            </Popconfirm>
          )
        ),
    },
  ];

  return (
    <PageCard title="在线用户" actions={<Button onClick={list.reload}>刷新</Button>}>
      <Input.Search
        placeholder="按姓名或登录名查找"
        allowClear
        onSearch={(value) => list.setFilters({ q: value.trim() || undefined })}
        style={{ width: 260, marginBottom: 12 }}
      />
      <PagedTable<SessionView> testId="session-table" list={list} columns={columns} />
    </PageCard>
  );
}
