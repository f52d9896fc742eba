import type { Permission } from '../../shared/roles.ts';

export interface Screen {
  /** Route path (also the menu key). */
  path: string;
  label: string;
  /**
   * Needed to see the menu entry and open the page; a list means any one of them; none = every
   * signed-in user.
   */
  permission?: Permission | readonly Permission[];
  /**
   * Who may open the pages below this one (`/issues/12`) when that is wider than the list itself:
   * e.g. a leader opens an issue from a notice without having the compile list. Default: `permission`.
   */
  childPermission?: Permission | readonly Permission[];
  /** The heading the menu lists it under (with the screens of the same group next to it). */
  group?: ScreenGroup;
}

export type ScreenGroup = '刊物工作' | '交办督办' | '考核评价' | '系统管理';

/** The workbench's screens in menu order: the single source for the menu and the route guards. */
export const SCREENS: readonly Screen[] = [
  { path: '/', label: '工作台' },
  { path: '/my-items', label: '我的信息', permission: 'item.submit' },
  { path: '/my-performance', label: '我的履职', permission: 'performance.own' },
  { path: '/workbench', label: '信息处理', permission: 'item.edit' },
  { path: '/posts', label: '岗位与请假', permission: 'item.assign' },
  { path: '/duty', label: '值班安排', permission: 'item.edit' },
  { path: '/disclosures', label: '公开与公告', permission: ['item.disclose', 'portal.manage', 'item.edit'] },
  {
    path: '/issues',
    label: '刊物编发',
    permission: 'issue.compile',
    childPermission: ['issue.compile', 'issue.review', 'issue.approve'],
    group: '刊物工作',
  },
  { path: '/approvals', label: '刊物审签', permission: ['issue.review', 'issue.approve'], group: '刊物工作' },
  {
    path: '/publications',
    label: '刊物',
    permission: ['issue.compile', 'issue.review', 'issue.approve', 'org.manage'],
    group: '刊物工作',
  },
  {
    path: '/referrals',
    label: '交办件',
    permission: ['referral.handle', 'feedback.record'],
    group: '交办督办',
  },
  {
    path: '/supervision',
    label: '督办',
    permission: ['feedback.record', 'referral.handle'],
    group: '交办督办',
  },
  { path: '/stats', label: '统计分析', permission: 'stats.read', group: '考核评价' },
  {
    path: '/reports',
    label: '通报与报告',
    permission: ['feedback.record', 'score.manage', 'issue.approve'],
    group: '考核评价',
  },
  {
    path: '/performance',
    label: '委员履职',
    permission: ['feedback.record', 'score.manage', 'issue.approve'],
    group: '考核评价',
  },
  {
    path: '/scoring',
    label: '计分规则',
    permission: ['score.manage', 'feedback.record', 'stats.read'],
    group: '考核评价',
  },
  {
    path: '/awards',
    label: '评选表彰',
    permission: ['score.manage', 'feedback.record', 'issue.approve'],
    group: '考核评价',
  },
  { path: '/orgs', label: '组织机构', permission: 'org.read', group: '系统管理' },
  { path: '/users', label: '用户管理', permission: 'user.read', group: '系统管理' },
  { path: '/grants', label: '角色授权', permission: 'grant.read', group: '系统管理' },
  { path: '/sessions', label: '在线用户', permission: 'session.manage', group: '系统管理' },
  { path: '/login-log', label: '登录日志', permission: 'loginlog.read', group: '系统管理' },
  { path: '/audit', label: '审计日志', permission: 'audit.read', group: '系统管理' },
  { path: '/topics', label: '信息分类', permission: 'settings.manage', group: '系统管理' },
  { path: '/routing', label: '报送路径', permission: 'org.manage', group: '系统管理' },
  { path: '/approval-chains', label: '审签流程', permission: 'org.manage', group: '系统管理' },
  { path: '/settings', label: '系统设置', permission: 'settings.manage', group: '系统管理' },
  { path: '/profile', label: '个人设置' },
];

/** The user holds the permission, or one of the list; no requirement lets everyone in. */
export function permits(
  held: readonly Permission[],
  required: Permission | readonly Permission[] | undefined,
): boolean {
  if (required === undefined) return true;
  return typeof required === 'string' ? held.includes(required) : required.some((p) => held.includes(p));
}

/** The screen's own page is listed (menu, home shortcuts) only for these holders. */
export function screenListed(screen: Screen, held: readonly Permission[]): boolean {
  return permits(held, screen.permission);
}

/** May the user open `pathname`? The screen's page needs `permission`, pages below it `childPermission`. */
export function pathAllowed(pathname: string, held: readonly Permission[]): boolean {
  const screen = screenOf(pathname);
  if (!screen) return true;
  const below = pathname.replace(/\/+$/, '') !== screen.path && screen.path !== '/';
  return permits(held, below ? (screen.childPermission ?? screen.permission) : screen.permission);
}

export function screenOf(pathname: string): Screen | undefined {
  const first = `/${pathname.split('/')[1] ?? ''}`;
  return SCREENS.find((screen) => screen.path === first);
}
