import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Grid, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useUnreadCount } from './use-unread-count.ts';

// The list loads on first opening: the header ships with every page.
const NotificationPanel = lazy(() =>
  import('./NotificationPanel.tsx').then((m) => ({ default: m.NotificationPanel })),
);

/** The header bell: unread badge, and the latest notifications in a drawer. */
export function NotificationBell() {
  const { count, refresh } = useUnreadCount(true);
  const [open, setOpen] = useState(false);
  const narrow = !Grid.useBreakpoint().sm;

  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]} overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          onClick={() => setOpen(true)}
          aria-label={count > 0 ? `消息提醒，${count}条未读` : '消息提醒'}
          data-testid="notification-bell"
          data-unread={count}
        />
      </Badge>
      <Drawer
        title="消息提醒"
        placement="right"
        open={open}
        onClose={() => setOpen(false)}
        size={narrow ? '100%' : 400}
        destroyOnHidden
        styles={{ body: { padding: 0 } }}
      >
        <Suspense fallback={<Spin style={{ display: 'block', margin: 24 }} />}>
          <NotificationPanel onChanged={refresh} onNavigate={() => setOpen(false)} />
        </Suspense>
      </Drawer>
    </>
  );
}
