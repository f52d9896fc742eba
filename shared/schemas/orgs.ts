import { z } from 'zod';
import { ORG_TYPE_KEYS } from '../orgs.ts';

export const orgSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  shortName: z.string(),
  type: z.enum(ORG_TYPE_KEYS),
  active: z.boolean(),
  sortOrder: z.number().int(),
  memberCount: z.number().int(),
  version: z.number().int(),
});
export type OrgView = z.infer<typeof orgSchema>;

export const orgInput = z.object({
  parentId: z.number().int().positive().nullable(),
  name: z.string().trim().min(2, '名称至少2个字').max(60, '名称最多60个字'),
  shortName: z.string().trim().max(20, '简称最多20个字').default(''),
  type: z.enum(ORG_TYPE_KEYS, { message: '请选择正确的组织类型' }),
  sortOrder: z.number().int().min(0).max(100000).default(0),
});
export type OrgInput = z.infer<typeof orgInput>;

const shortName = z.string().trim().max(20, '简称最多20个字');
const sortOrder = z.number().int().min(0).max(100000);

export const orgUpdate = z.object({
  name: z.string().trim().min(2, '名称至少2个字').max(60, '名称最多60个字').optional(),
  shortName: shortName.optional(),
  sortOrder: sortOrder.optional(),
  parentId: z.number().int().positive().optional(),
  active: z.boolean().optional(),
  version: z.number().int(),
});
export type OrgUpdate = z.infer<typeof orgUpdate>;

export const orgAbilities = z.object({ create: z.boolean(), update: z.boolean() });
