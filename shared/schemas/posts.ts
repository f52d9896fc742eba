import { z } from 'zod';
import { POST_DUTY_KEYS } from '../items.ts';

const ref = z.object({ id: z.number().int(), name: z.string() });

/** A post (岗位) of an information office with its A holder and B stand-in (R3.2). */
export const postSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  duty: z.enum(POST_DUTY_KEYS),
  holderA: ref,
  holderB: ref,
  /** Who does the work today: A, or B while A is on leave. */
  onDuty: ref,
  deadlineHours: z.number().int(),
  version: z.number().int(),
});
export type PostView = z.infer<typeof postSchema>;

export const postInput = z
  .object({
    orgId: z.number().int().positive(),
    name: z.string().trim().min(1, '请填写岗位名称').max(30, '岗位名称最多30个字'),
    duty: z.enum(POST_DUTY_KEYS, { message: '请选择岗位职责' }),
    holderAId: z.number().int().positive({ message: '请选择A岗' }),
    holderBId: z.number().int().positive({ message: '请选择B岗' }),
    deadlineHours: z.number().int().min(1, '办理时限至少1小时').max(720, '办理时限最多720小时'),
  })
  .refine((p) => p.holderAId !== p.holderBId, { message: 'A岗与B岗不能是同一人', path: ['holderBId'] });
export type PostInput = z.infer<typeof postInput>;

export const postUpdate = z.object({ version: z.number().int() }).and(postInput);

export const leaveSchema = z.object({
  id: z.number().int(),
  user: ref,
  startDate: z.string(),
  endDate: z.string(),
  note: z.string(),
});
export const leaveInput = z
  .object({
    userId: z.number().int().positive(),
    startDate: z.iso.date({ message: '请选择开始日期' }),
    endDate: z.iso.date({ message: '请选择结束日期' }),
    note: z.string().trim().max(100).default(''),
  })
  .refine((l) => l.startDate <= l.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });

export const dutySchema = z.object({
  date: z.string(),
  user: ref,
  note: z.string(),
});
export const dutyQuery = z.object({
  orgId: z.coerce.number().int().positive(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为YYYY-MM'),
});
export const dutyInput = z.object({
  orgId: z.number().int().positive(),
  date: z.iso.date({ message: '请选择日期' }),
  userId: z.number().int().positive().nullable(),
  note: z.string().trim().max(100).default(''),
});
