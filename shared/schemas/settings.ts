import { z } from 'zod';
import { ROLE_KEYS } from '../roles.ts';
import { workYearProblem } from '../workdays.ts';

/** One year of the working-day calendar (shared/workdays.ts), as the administrator enters it. */
export const workYearSchema = z
  .object({
    year: z.number().int().min(2000, '年份应在2000～2100之间').max(2100, '年份应在2000～2100之间'),
    holidays: z.array(z.string().trim()).max(60, '每年放假日期最多60天'),
    workdays: z.array(z.string().trim()).max(20, '每年调休上班日期最多20天'),
  })
  .superRefine((y, c) => {
    const problem = workYearProblem(y);
    if (problem) c.addIssue({ code: 'custom', message: problem });
  });

/** Settings an administrator can change at run time, with their defaults and limits. */
export const settingsSchema = z.object({
  /** Roles whose holders must use a second factor. */
  totpRequiredRoles: z.array(z.enum(ROLE_KEYS)),
  /** Audit rows are kept at least this long; never under 180 days (等保). */
  auditRetentionDays: z.number().int().min(180, '审计日志保存期限不得少于180天').max(3650),
  sessionIdleMinutes: z.number().int().min(5).max(30, '会话空闲超时不得超过30分钟'),
  sessionAbsoluteHours: z.number().int().min(1).max(12, '会话最长有效期不得超过12小时'),
  lockoutThreshold: z.number().int().min(3).max(10),
  lockoutMinutes: z.number().int().min(5).max(1440),
  /** Passwords older than this must be changed at the next request; 0 turns the rule off. */
  passwordMaxAgeDays: z.number().int().min(0).max(365, '密码有效期不得超过365天'),
  /** The length a 社情民意 item should keep to; shown live while writing (R-guidance). */
  itemCharGuide: z.number().int().min(300).max(10000),
  /** Submission is refused above this many characters. */
  itemCharMax: z.number().int().min(500).max(40000),
  /** Registration number: {year} and {seq} (zero-padded to four digits), e.g. 2026-0001. */
  itemNumberFormat: z
    .string()
    .trim()
    .max(40)
    .refine((f) => f.includes('{seq}'), '登记编号格式须包含{seq}（流水号）'),
  itemMaxAttachments: z.number().int().min(0).max(5, '每条信息最多5个附件'),
  itemMaxAttachmentMb: z.number().int().min(1).max(50),
  /** Hours after which an unread notification is collected into the daily digest. */
  digestAfterHours: z.number().int().min(1).max(168),
  /** Holidays and adjusted working days per year (工作日历), for deadlines in working days. */
  workCalendar: z
    .array(workYearSchema)
    .max(20)
    .refine((ys) => new Set(ys.map((y) => y.year)).size === ys.length, '同一年份只能填写一次')
    .default([]),
});
export type Settings = z.infer<typeof settingsSchema>;
