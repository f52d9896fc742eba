import { z } from 'zod';
import { PERMISSION_KEYS, ROLE_KEYS, SCOPE_KEYS } from '../roles.ts';

export const loginBody = z.object({
  login: z.string().trim().min(1, '请输入登录名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const totpBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '请输入6位数字验证码'),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

export const disableTotpBody = z.object({ password: z.string().min(1).max(256), code: totpBody.shape.code });

export const grantSummary = z.object({
  id: z.number().int(),
  role: z.enum(ROLE_KEYS),
  orgId: z.number().int(),
  orgName: z.string(),
  scope: z.enum(SCOPE_KEYS),
});

export const meSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  realName: z.string(),
  grants: z.array(grantSummary),
  permissions: z.array(z.enum(PERMISSION_KEYS)),
  totpEnabled: z.boolean(),
  /** Steps the user must take before anything else. */
  requirements: z.object({ passwordChange: z.boolean(), totpEnroll: z.boolean() }),
  csrfToken: z.string(),
  sessionExpiresAt: z.string(),
  demo: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const loginResult = z.object({
  data: z.union([
    z.object({ status: z.literal('totp_required') }),
    z.object({ status: z.literal('ok'), me: meSchema }),
  ]),
});

export const totpSetup = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });

export const sessionSchema = z.object({
  id: z.string(),
  userId: z.number().int(),
  login: z.string(),
  realName: z.string(),
  ip: z.string(),
  userAgent: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionSchema>;

export const loginLogSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  login: z.string(),
  userId: z.number().int().nullable(),
  ip: z.string(),
  userAgent: z.string(),
  result: z.string(),
});
export type LoginLogEntry = z.infer<typeof loginLogSchema>;

export const LOGIN_RESULTS = {
  success: '成功',
  bad_credentials: '登录名或密码错误',
  locked: '账号锁定',
  disabled: '账号停用',
  totp_failed: '动态验证码错误',
  totp_required: '待输入动态验证码',
  logout: '退出登录',
  forced_logout: '被强制下线',
} as const;
