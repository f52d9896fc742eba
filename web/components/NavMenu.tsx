import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BranchesOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CrownOutlined,
  DesktopOutlined,
  EditOutlined,
  FileTextOutlined,
  FileWordOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  LoginOutlined,
  NodeIndexOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../../shared/schemas/auth.ts';
import { SCREENS, screenListed, screenOf } from './screens.ts';

const ICONS: Record<string, ReactNode> = {
  '/': <HomeOutlined />,
  '/my-items': <EditOutlined />,
  '/workbench': <FileTextOutlined />,
  '/posts': <IdcardOutlined />,
  '/duty': <CalendarOutlined />,
  '/issues': <ProfileOutlined />,
  '/approvals': <CheckSquareOutlined />,
  '/publications': <ReadOutlined />,
  '/stats': <BarChartOutlined />,
  '/referrals': <SendOutlined />,
  '/supervision': <AlertOutlined />,
  '/awards': <CrownOutlined />,
  '/disclosures': <GlobalOutlined />,
  '/reports': <FileWordOutlined />,
  '/performance': <TrophyOutlined />,
  '/my-performance': <TrophyOutlined />,
  '/scoring': <CalculatorOutlined />,
  '/orgs': <ApartmentOutlined />,
  '/users': <TeamOutlined />,
  '/grants': <SafetyCertificateOutlined />,
  '/sessions': <DesktopOutlined />,
  '/login-log': <LoginOutlined />,
  '/audit': <AuditOutlined />,
  '/topics': <TagsOutlined />,
  '/routing': <BranchesOutlined />,
  '/approval-chains': <NodeIndexOutlined />,
  '/settings': <SettingOutlined />,
  '/profile': <UserOutlined />,
};

const testIdOf = (path: string) => `menu-${path === '/' ? 'home' : path.slice(1)}`;

interface Props {
  me: Me;
  onNavigate?: () => void;
}

/** Only the screens the user's permissions open. */
export function NavMenu({ me, onNavigate }: Props) {
  const navigate = useNavigate();
  const location = useLocation();
  const items: MenuProps['items'] = SCREENS.filter((screen) => screenListed(screen, me.permissions)).map(
    (screen) => ({
      key: screen.path,
      icon: ICONS[screen.path],
      label: screen.label,
      'data-testid': testIdOf(screen.path),
    }),
  );
  const selected = screenOf(location.pathname)?.path;

  return (
    <nav data-testid="menu">
      <Menu
        theme="dark"
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
