import { z } from 'zod';
import { ROLE_KEYS } from '../roles.ts';
import { queryBool } from './common.ts';

export const MEMBER_LEVELS = { national: '全国', province: '省', city: '市', county: '县' } as const;
export type MemberLevel = keyof typeof MEMBER_LEVELS;
export const MEMBER_LEVEL_KEYS = Object.keys(MEMBER_LEVELS) as [MemberLevel, ...MemberLevel[]];

const mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号码应为11位数字，以1开头');

export const memberProfile = z.object({
  level: z.enum(MEMBER_LEVEL_KEYS, { message: '委员级别应为：全国、省、市、县之一' }),
  term: z.string().trim().max(20).default(''),
  sector: z.string().trim().max(40).default(''),
  party: z.string().trim().max(40).default(''),
  standing: z.boolean().default(false),
});
export type MemberProfile = z.infer<typeof memberProfile>;

export const membershipInput = z.object({
  orgId: z.number().int().positive(),
  title: z.string().trim().max(40).default(''),
});

export const userInput = z.object({
  login: z
    .string()
    .trim()
    .min(2, '登录名至少2个字符')
    .max(32, '登录名最多32个字符')
    .regex(/^[A-Za-z0-9_.-]+$/, '登录名只能包含字母、数字、下划线、点和连字符'),
  realName: z.string().trim().min(1, '请填写姓名').max(40, '姓名最多40个字符'),
  mobile: mobile.or(z.literal('')).default(''),
  memberships: z.array(membershipInput).min(1, '至少选择一个所属组织').max(10),
  member: memberProfile.nullable().default(null),
  specialOfficer: z.boolean().default(false),
});
export type UserInput = z.infer<typeof userInput>;

export const userUpdate = userInput.omit({ login: true }).extend({ version: z.number().int() });
export type UserUpdate = z.infer<typeof userUpdate>;

export const userSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  realName: z.string(),
  mobile: z.string(),
  enabled: z.boolean(),
  memberships: z.array(z.object({ orgId: z.number().int(), orgName: z.string(), title: z.string() })),
  member: memberProfile.nullable(),
  specialOfficer: z.boolean(),
  roles: z.array(z.enum(ROLE_KEYS)),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UserView = z.infer<typeof userSchema>;

export const userListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(64).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  /** Include users of the organisation's whole subtree. */
  subtree: queryBool.optional(),
  enabled: queryBool.optional(),
  memberLevel: z.enum(MEMBER_LEVEL_KEYS).optional(),
  role: z.enum(ROLE_KEYS).optional(),
  specialOfficer: queryBool.optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const userAbilities = z.object({
  update: z.boolean(),
  enable: z.boolean(),
  resetPassword: z.boolean(),
  grant: z.boolean(),
  forceLogout: z.boolean(),
});
export const userListAbilities = z.object({ create: z.boolean(), import: z.boolean(), export: z.boolean() });

export const enableBody = z.object({ enabled: z.boolean() });

export const resetPasswordResult = z.object({ data: z.object({ temporaryPassword: z.string() }) });

export const importRowError = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;
