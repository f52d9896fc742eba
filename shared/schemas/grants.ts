import { z } from 'zod';
import { ROLE_KEYS, SCOPE_KEYS } from '../roles.ts';

export const grantInput = z.object({
  userId: z.number().int().positive(),
  role: z.enum(ROLE_KEYS, { message: '请选择角色' }),
  orgId: z.number().int().positive(),
  scope: z.enum(SCOPE_KEYS, { message: '请选择数据范围' }),
});
export type GrantInput = z.infer<typeof grantInput>;

export const grantSchema = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  userLogin: z.string(),
  userRealName: z.string(),
  role: z.enum(ROLE_KEYS),
  orgId: z.number().int(),
  orgName: z.string(),
  scope: z.enum(SCOPE_KEYS),
  grantedBy: z.string(),
  createdAt: z.string(),
});
export type GrantView = z.infer<typeof grantSchema>;

export const grantListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  userId: z.coerce.number().int().positive().optional(),
  role: z.enum(ROLE_KEYS).optional(),
  orgId: z.coerce.number().int().positive().optional(),
});
