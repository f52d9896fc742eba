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
}

/** The workbench's screens in menu order: the single source for the menu and the route guards. */
export const SCREENS: readonly Screen[] = [
  { path: '/', label: '工作台' },
  { path: '/my-items', label: '我的信息', permission: 'item.submit' },
  { path: '/my-performance', label: '我的履职', permission: 'performance.own' },
  { path: '/workbench', label: '信息处理', permission: 'item.edit' },
  { path: '/posts', label: '岗位与请假', permission: 'item.assign' },
  { path: '/duty', label: '值班安排', permission: 'item.edit' },
  {
    path: '/issues',
    label: '刊物编发',
    permission: 'issue.compile',
    childPermission: ['issue.compile', 'issue.review', 'issue.approve'],
  },
  { path: '/approvals', label: '刊物审签', permission: ['issue.review', 'issue.approve'] },
  {
    path: '/publications',
    label: '刊物',
    permission: ['issue.compile', 'issue.review', 'issue.approve', 'org.manage'],
  },
  { path: '/referrals', label: '交办件', permission: ['referral.handle', 'feedback.record'] },
  { path: '/supervision', label: '督办', permission: 'feedback.record' },
  { path: '/stats', label: '统计分析', permission: 'stats.read' },
  { path: '/reports', label: '通报与报告', permission: ['feedback.record', 'score.manage', 'issue.approve'] },
  {
    path: '/performance',
    label: '委员履职',
    permission: ['feedback.record', 'score.manage', 'issue.approve'],
  },
  { path: '/scoring', label: '计分规则', permission: ['score.manage', 'feedback.record', 'stats.read'] },
  { path: '/awards', label: '评选表彰', permission: ['score.manage', 'feedback.record', 'issue.approve'] },
  { path: '/disclosures', label: '公开与公告', permission: ['item.disclose', 'portal.manage', 'item.edit'] },
  { path: '/orgs', label: '组织机构', permission: 'org.read' },
  { path: '/users', label: '用户管理', permission: 'user.read' },
  { path: '/grants', label: '角色授权', permission: 'grant.read' },
  { path: '/sessions', label: '在线用户', permission: 'session.manage' },
  { path: '/login-log', label: '登录日志', permission: 'loginlog.read' },
  { path: '/audit', label: '审计日志', permission: 'audit.read' },
  { path: '/topics', label: '信息分类', permission: 'settings.manage' },
  { path: '/routing', label: '报送路径', permission: 'org.manage' },
  { path: '/approval-chains', label: '审签流程', permission: 'org.manage' },
  { path: '/settings', label: '系统设置', permission: 'settings.manage' },
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
