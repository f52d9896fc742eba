/** Object types recorded in the audit log, as the auditor reads them. */
export const TARGET_TYPES: Record<string, string> = {
  user: '用户',
  org: '组织',
  session: '会话',
  settings: '系统设置',
  audit: '审计日志',
  login_log: '登录日志',
  system: '系统',
};
