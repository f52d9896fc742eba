import { Drawer, Grid, Layout, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Me } from '../../shared/schemas/auth.ts';
import { toQuery } from '../api/client.ts';
import { useSession } from '../api/session.ts';
import { AppHeader } from './AppHeader.tsx';
import { Forbidden } from './Forbidden.tsx';
import { NavMenu } from './NavMenu.tsx';
import { PageWatermark } from './PageWatermark.tsx';
import { pathAllowed } from './screens.ts';

/** The workbench frame; only for a signed-in user who has no security step pending. */
export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  if (session.status !== 'ready') {
    const next = session.status === 'anonymous' && session.expired ? location.pathname + location.search : '';
    return <Navigate to={`/login${toQuery({ next })}`} replace />;
  }
  const { me } = session;
  if (me.requirements.passwordChange) return <Navigate to="/password" replace />;
  if (me.requirements.totpEnroll) return <Navigate to="/totp-enroll" replace />;
  return <Workbench me={me} />;
}

function Brand({ short }: { short: boolean }) {
  return (
    <div style={{ height: 64, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Typography.Text strong style={{ color: '#fff', fontSize: short ? 16 : 20, letterSpacing: 2 }}>
        {short ? '民意' : '民意直通车'}
      </Typography.Text>
    </div>
  );
}

function Workbench({ me }: { me: Me }) {
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const allowed = pathAllowed(location.pathname, me.permissions);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          forceRender
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand short={false} />
          <NavMenu me={me} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208}>
          <Brand short={collapsed} />
          <NavMenu me={me} />
        </Layout.Sider>
      )}
      <Layout>
        <AppHeader me={me} narrow={narrow} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content style={{ padding: narrow ? 8 : 16 }}>
          <PageWatermark me={me}>{allowed ? <Outlet /> : <Forbidden />}</PageWatermark>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
