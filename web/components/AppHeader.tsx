import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useNavigation } from 'react-router';
import { BUSINESS_PERMISSIONS } from '../../shared/roles.ts';
import type { Me } from '../../shared/schemas/auth.ts';
import { logout } from '../api/session.ts';
import { NotificationBell } from './notifications/NotificationBell.tsx';

interface Props {
  me: Me;
  narrow: boolean;
  onOpenMenu: () => void;
}

export function AppHeader({ me, narrow, onOpenMenu }: Props) {
  const navigate = useNavigate();
  const navigation = useNavigation();

  const signOut = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: narrow ? '0 8px' : '0 16px',
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        boxShadow: '0 1px 4px rgba(0, 21, 41, 0.08)',
        position: 'sticky',
        top: 0,
        zIndex: 20,
      }}
    >
      {narrow && (
        <Button
          type="text"
          icon={<MenuOutlined />}
          onClick={onOpenMenu}
          aria-label="打开菜单"
          data-testid="menu-toggle"
        />
      )}
      {narrow && (
        <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
          民意直通车
        </Typography.Text>
      )}
      {navigation.state === 'loading' && <Spin size="small" />}
      <div style={{ flex: 1 }} />
      <Space size={narrow ? 4 : 12}>
        {me.demo && <Tag color="orange">演示环境</Tag>}
        {me.permissions.some((p) => BUSINESS_PERMISSIONS.includes(p)) && <NotificationBell />}
        <Button
          type="text"
          icon={<UserOutlined />}
          onClick={() => navigate('/profile')}
          data-testid="header-user"
        >
          {me.realName}
        </Button>
        <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout">
          {narrow ? null : '退出'}
        </Button>
      </Space>
    </Layout.Header>
  );
}
