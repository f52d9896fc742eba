/**
 * Roles, permissions and data scopes. This table is the single source for the server's
 * policies and the menu the web client draws. Permissions are granted through roles; a role
 * is granted to a user for one organisation with one data scope.
 */

export const PERMISSIONS = {
  // Administration (三员: system administrator)
  'org.read': '查看组织机构',
  'org.manage': '管理组织机构',
  'user.read': '查看用户',
  'user.manage': '管理用户',
  'user.import': '导入用户',
  'user.export': '导出用户',
  'settings.manage': '管理系统设置',
  'session.manage': '查看在线用户并强制下线',
  // Security administrator
  'grant.read': '查看角色授权',
  'grant.manage': '授予和撤销角色',
  'loginlog.read': '查看登录日志',
  // Audit administrator
  'audit.read': '查看审计日志',
  'audit.export': '导出审计日志',
  // Business (information work)
  'item.submit': '撰写和报送信息',
  'item.submit_for_member': '代委员报送信息',
  'item.read_unit': '查看本单位报送的信息',
  'item.edit': '登记、编辑信息',
  'item.assign': '分配编辑任务',
  'issue.compile': '编辑刊物',
  'issue.review': '审核刊物',
  'issue.approve': '审定签发刊物',
  'feedback.record': '登记反馈与批示',
  // Departments that handle referred items (交办件): sign for them and reply (办复)
  'referral.handle': '签收和办复交办件',
  // Public portal (R4.4): approving the public version of items, and notices
  'item.disclose': '批准信息公开',
  'portal.manage': '管理门户通知公告',
  'stats.read': '查看统计',
  'score.manage': '管理计分规则',
  'performance.own': '查看本人履职记录并申诉',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

/** Permissions that touch business content; none of the three administrators may hold them. */
export const BUSINESS_PERMISSIONS: readonly Permission[] = PERMISSION_KEYS.filter((p) =>
  /^(item|issue|feedback|stats|score|performance|portal|referral)\./.test(p),
);

export const SCOPES = {
  self: '本人',
  org: '本组织',
  subtree: '本组织及下级',
  all: '全部',
} as const;
export type Scope = keyof typeof SCOPES;
export const SCOPE_KEYS = Object.keys(SCOPES) as [Scope, ...Scope[]];

interface RoleDef {
  label: string;
  permissions: readonly Permission[];
  /** Scope offered by default when granting. */
  defaultScope: Scope;
  /** Policy may require a second factor for this role. */
  privileged: boolean;
  /** One of the three separated administrators (三员). */
  admin: boolean;
}

export const ROLES = {
  member: {
    label: '委员/特邀信息员',
    permissions: ['item.submit', 'performance.own'],
    defaultScope: 'self',
    privileged: false,
    admin: false,
  },
  liaison: {
    label: '单位信息员',
    permissions: ['item.submit', 'item.submit_for_member', 'item.read_unit', 'stats.read'],
    defaultScope: 'org',
    privileged: false,
    admin: false,
  },
  editor: {
    label: '信息处编辑',
    permissions: ['item.edit', 'issue.compile', 'feedback.record', 'stats.read'],
    defaultScope: 'subtree',
    privileged: false,
    admin: false,
  },
  director: {
    label: '信息处处长',
    permissions: [
      'item.edit',
      'item.assign',
      'issue.compile',
      'issue.review',
      'feedback.record',
      'stats.read',
      'score.manage',
      'item.disclose',
      'portal.manage',
    ],
    defaultScope: 'subtree',
    privileged: true,
    admin: false,
  },
  handler: {
    label: '承办单位联络员',
    permissions: ['referral.handle'],
    defaultScope: 'org',
    privileged: false,
    admin: false,
  },
  leader: {
    label: '分管领导',
    permissions: ['issue.approve', 'stats.read'],
    defaultScope: 'subtree',
    privileged: true,
    admin: false,
  },
  secgen: {
    label: '秘书长',
    permissions: ['issue.review', 'issue.approve', 'stats.read'],
    defaultScope: 'subtree',
    privileged: true,
    admin: false,
  },
  chair: {
    label: '主席',
    permissions: ['issue.approve', 'stats.read'],
    defaultScope: 'subtree',
    privileged: true,
    admin: false,
  },
  sysadmin: {
    label: '系统管理员',
    permissions: [
      'org.read',
      'org.manage',
      'user.read',
      'user.manage',
      'user.import',
      'user.export',
      'settings.manage',
      'session.manage',
      'grant.read',
    ],
    defaultScope: 'all',
    privileged: true,
    admin: true,
  },
  secadmin: {
    label: '安全管理员',
    permissions: ['org.read', 'user.read', 'grant.read', 'grant.manage', 'loginlog.read', 'session.manage'],
    defaultScope: 'all',
    privileged: true,
    admin: true,
  },
  auditor: {
    label: '审计管理员',
    permissions: ['audit.read', 'audit.export', 'loginlog.read'],
    defaultScope: 'all',
    privileged: true,
    admin: true,
  },
} as const satisfies Record<string, RoleDef>;

export type Role = keyof typeof ROLES;
export const ROLE_KEYS = Object.keys(ROLES) as [Role, ...Role[]];
export const ADMIN_ROLES: readonly Role[] = ROLE_KEYS.filter((r) => ROLES[r].admin);

export function roleHas(role: Role, permission: Permission): boolean {
  return (ROLES[role].permissions as readonly Permission[]).includes(permission);
}
