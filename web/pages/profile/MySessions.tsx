import { App, Button, Card, Popconfirm, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '../../../shared/schemas/auth.ts';
import { api, type ListResponse } from '../../api/client.ts';
import { describeUserAgent, formatDateTime } from '../../components/format.ts';
import { useNotifyError } from '../../components/use-notify.ts';

/** The user's own sessions on all devices; any but the current one can be signed out. */
export function MySessions() {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [sessions, setSessions] = useState<SessionView[]>([]);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setLoading(true);
      try {
        const answer = await api.get<ListResponse<SessionView, { revoke: boolean }>>('/me/sessions', {
          signal,
        });
        setSessions(answer.data);
        setLoading(false);
      } catch (error) {
        if (signal?.aborted) return;
        setLoading(false);
        notifyError(error);
      }
    },
    [notifyError],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const revoke = async (session: SessionView) => {
    try {
      await api.delete(`/me/sessions/${session.id}`);
      message.success('该会话已注销');
      await load();
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: TableColumnsType<SessionView> = [
    {
      title: '终端',
      dataIndex: 'userAgent',
      render: (ua: string, session) => (
        <Tooltip title={ua}>
          <span>{describeUserAgent(ua)}</span> {session.current && <Tag color="blue">当前会话</Tag>}
        </Tooltip>
      ),
    },
    { title: 'IP 地址', dataIndex: 'ip', responsive: ['sm'] },
    {
      title: '登录时间',
      dataIndex: 'createdAt',
      responsive: ['md'],
      render: (at: string) => formatDateTime(at),
    },
    { title: '最近活动', dataIndex: 'lastSeenAt', render: (at: string) => formatDateTime(at) },
    {
      title: '操作',
      key: 'actions',
      render: (_, session) =>
        !session.current && (
          <Popconfirm
            title="确定注销该会话？"
            description="该设备上须重新登录。"
            onConfirm={() => revoke(session)}
          >
            <Button type="link" size="small" danger data-testid="my-session-revoke">
              注销
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title="我的登录会话"
      extra={
        <Button size="small" onClick={() => void load()}>
          刷新
        </Button>
      }
    >
      <Table<SessionView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={sessions}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
