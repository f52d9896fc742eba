import { Button, Empty, Segmented, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { NOTIFICATION_KINDS } from '../../../shared/items.ts';
import type { NotificationView } from '../../../shared/schemas/items.ts';
import { api, type ListResponse, toQuery } from '../../api/client.ts';
import { formatDateTime } from '../format.ts';
import { useNotifyError } from '../use-notify.ts';

interface Props {
  /** Something was marked read: the badge asks again. */
  onChanged: () => void;
  onNavigate: () => void;
}

/** The latest 30 notifications (or the unread ones), each leading to its item. */
/** Notices about no item or issue that open a page of their own. */
const PAGE_OF_KIND: Partial<Record<string, string>> = {
  performance_dispute: '/performance',
  referral_task: '/referrals',
  supervision_due: '/supervision',
  performance_result: '/my-performance',
};

export function NotificationPanel({ onChanged, onNavigate }: Props) {
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [list, setList] = useState<NotificationView[] | null>(null);

  const load = useCallback(() => {
    api
      .get<ListResponse<NotificationView, unknown>>(
        `/notifications${toQuery({ page: 1, pageSize: 30, unread: unreadOnly ? 'true' : undefined })}`,
      )
      .then((answer) => setList(answer.data), notifyError);
  }, [unreadOnly, notifyError]);
  useEffect(load, [load]);

  const markRead = async (body: { ids?: number[]; all?: boolean }) => {
    try {
      await api.post('/notifications/read', body);
      onChanged();
      load();
    } catch (error) {
      notifyError(error);
    }
  };

  const open = (n: NotificationView) => {
    if (!n.read) void markRead({ ids: [n.id] });
    // A notice of adoption or an instruction opens the item at its 采用与批示 card.
    const target =
      n.issueId !== null
        ? `/issues/${n.issueId}`
        : n.itemId !== null
          ? `/items/${n.itemId}${n.kind === 'item_feedback' ? '#feedback' : ''}`
          : (PAGE_OF_KIND[n.kind] ?? null);
    if (target !== null) {
      onNavigate();
      navigate(target);
    }
  };

  return (
    <div data-testid="notification-panel">
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: '10px 16px',
          borderBottom: '1px solid rgba(5,5,5,0.06)',
        }}
      >
        <Segmented
          size="small"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setUnreadOnly(v === 'unread')}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: '未读' },
          ]}
        />
        <span style={{ flex: 1 }} />
        <Button
          size="small"
          type="link"
          onClick={() => void markRead({ all: true })}
          data-testid="notifications-read-all"
        >
          全部标为已读
        </Button>
      </div>
      {list === null && <Spin style={{ display: 'block', margin: 24 }} />}
      {list?.length === 0 && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={unreadOnly ? '没有未读消息' : '暂无消息'}
          style={{ marginTop: 32 }}
        />
      )}
      {list?.map((n) => (
        <button
          type="button"
          key={n.id}
          onClick={() => open(n)}
          data-testid="notification-row"
          data-read={n.read}
          style={{
            display: 'block',
            width: '100%',
            textAlign: 'left',
            border: 0,
            borderBottom: '1px solid rgba(5,5,5,0.06)',
            background: n.read ? 'transparent' : '#f0f5ff',
            padding: '10px 16px',
            cursor: n.itemId !== null || n.issueId !== null || PAGE_OF_KIND[n.kind] ? 'pointer' : 'default',
          }}
        >
          <div style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
            {!n.read && (
              <span
                role="img"
                aria-label="未读"
                style={{ width: 8, height: 8, borderRadius: 4, background: '#1a4f8b', flex: 'none' }}
              />
            )}
            <Typography.Text strong={!n.read} style={{ flex: 1 }}>
              {n.title}
            </Typography.Text>
          </div>
          {n.body && (
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2 }}
              style={{ margin: '2px 0', fontSize: 13 }}
            >
              {n.body}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {NOTIFICATION_KINDS[n.kind]} · {formatDateTime(n.createdAt)}
          </Typography.Text>
        </button>
      ))}
    </div>
  );
}
