import { z } from 'zod';
import { ITEM_ACTION_KEYS, ITEM_ACTIONS } from '../workflow/items.ts';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorLogin: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  summary: z.string(),
  ip: z.string(),
  result: z.enum(['success', 'failure']),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  targetType: z.string().trim().max(32).optional(),
  result: z.enum(['success', 'failure']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

/** Chinese labels for audit actions shown on the auditor's screen. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出',
  'auth.password_change': '修改密码',
  'auth.totp_enable': '启用双因素认证',
  'auth.totp_disable': '停用双因素认证',
  'session.revoke': '注销会话',
  'session.force_logout': '强制下线',
  'org.create': '新建组织',
  'org.update': '修改组织',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.enable': '启用/停用用户',
  'user.reset_password': '重置密码',
  'user.import': '导入用户',
  'user.export': '导出用户',
  'grant.create': '授予角色',
  'grant.revoke': '撤销角色',
  'settings.update': '修改设置',
  'audit.read': '查看审计日志',
  'audit.export': '导出审计日志',
  'audit.purge': '清理过期审计日志',
  'audit.verify': '校验审计日志完整性',
  'loginlog.read': '查看登录日志',
  'system.bootstrap': '系统初始化',
  'access.denied': '越权操作被拒绝',
  'org.delete': '删除组织',
  'item.create': '新建信息草稿',
  'item.attachment_add': '上传信息附件',
  'item.attachment_download': '下载信息附件',
  'item.attachment_remove': '删除信息附件',
  ...Object.fromEntries(ITEM_ACTION_KEYS.map((a) => [`item.${a}`, `信息${ITEM_ACTIONS[a].label}`])),
  'post.create': '新建岗位',
  'post.update': '调整岗位（A岗/B岗）',
  'post.delete': '删除岗位',
  'leave.create': '登记请假',
  'leave.delete': '取消请假',
  'duty.set': '安排值班',
  'topic.create': '新增信息分类',
  'topic.update': '修改信息分类',
  'routing.create': '新增报送路径调整',
  'routing.delete': '删除报送路径调整',
};
