import type { Permission } from '../../shared/roles.ts';

export interface Screen {
  /** Route path (also the menu key). */
  path: string;
  label: string;
  /** Needed to see the menu entry and open the page; none = every signed-in user. */
  permission?: Permission;
}

/** The workbench's screens in menu order: the single source for the menu and the route guards. */
export const SCREENS: readonly Screen[] = [
  { path: '/', label: '工作台' },
  { path: '/my-items', label: '我的信息', permission: 'item.submit' },
  { path: '/workbench', label: '信息处理', permission: 'item.edit' },
  { path: '/posts', label: '岗位与请假', permission: 'item.assign' },
  { path: '/duty', label: '值班安排', permission: 'item.edit' },
  { path: '/orgs', label: '组织机构', permission: 'org.read' },
  { path: '/users', label: '用户管理', permission: 'user.read' },
  { path: '/grants', label: '角色授权', permission: 'grant.read' },
  { path: '/sessions', label: '在线用户', permission: 'session.manage' },
  { path: '/login-log', label: '登录日志', permission: 'loginlog.read' },
  { path: '/audit', label: '审计日志', permission: 'audit.read' },
  { path: '/topics', label: '信息分类', permission: 'settings.manage' },
  { path: '/routing', label: '报送路径', permission: 'org.manage' },
  { path: '/settings', label: '系统设置', permission: 'settings.manage' },
  { path: '/profile', label: '个人设置' },
];

export function screenOf(pathname: string): Screen | undefined {
  const first = `/${pathname.split('/')[1] ?? ''}`;
  return SCREENS.find((screen) => screen.path === first);
}
