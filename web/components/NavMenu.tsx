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
import { SCREENS, type Screen, screenListed, screenOf } from './screens.ts';

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

type MenuItem = NonNullable<MenuProps['items']>[number];

/**
 * The listed screens as menu entries: screens of one group under its heading when the user has
 * two or more of them (one alone stands on its own), a divider before a loose entry after a group.
 */
function menuItems(listed: readonly Screen[]): MenuItem[] {
  const entry = (screen: Screen): MenuItem => ({
    key: screen.path,
    icon: ICONS[screen.path],
    label: screen.label,
    'data-testid': testIdOf(screen.path),
  });
  const out: MenuItem[] = [];
  let afterGroup = false;
  for (let i = 0; i < listed.length; ) {
    const group = listed[i]?.group;
    let j = i + 1;
    while (group && j < listed.length && listed[j]?.group === group) j += 1;
    const members = listed.slice(i, j);
    if (group && members.length > 1) {
      out.push({ type: 'group', key: `group:${group}`, label: group, children: members.map(entry) });
      afterGroup = true;
    } else {
      if (afterGroup) out.push({ type: 'divider', key: `divider:${i}` });
      out.push(...members.map(entry));
      afterGroup = false;
    }
    i = j;
  }
  return out;
}

/** Only the screens the user's permissions open. */
export function NavMenu({ me, onNavigate }: Props) {
  const navigate = useNavigate();
  const location = useLocation();
  const items = menuItems(SCREENS.filter((screen) => screenListed(screen, me.permissions)));
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
