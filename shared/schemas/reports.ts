import { z } from 'zod';

/**
 * Generated documents (R4.1, R4.7): the quarterly notification (季度通报) of each unit's and
 * member's submissions and adoptions, and the half-yearly and annual work reports. Figures come
 * from the statistics; the office adds its own words before the file is written.
 */
export const REPORT_KINDS = {
  quarter: '季度通报',
  half: '半年工作报告',
  year: '年度工作报告',
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;
export const REPORT_KIND_KEYS = Object.keys(REPORT_KINDS) as [ReportKind, ...ReportKind[]];

const period = {
  orgId: z.coerce.number().int().positive().optional(),
  kind: z.enum(REPORT_KIND_KEYS, { message: '请选择材料类别' }),
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
  /** Quarter 1–4, half 1–2; ignored for a year. */
  index: z.coerce.number().int().min(0).max(4).default(0),
};

export const reportQuery = z
  .object(period)
  .refine((q) => q.kind === 'year' || (q.index >= 1 && q.index <= (q.kind === 'quarter' ? 4 : 2)), {
    message: '请选择季度或半年',
    path: ['index'],
  });
export type ReportQuery = z.infer<typeof reportQuery>;

const words = z.string().trim().max(3000, '每部分最多3000字');

/** The office's own words: per editable section key, paragraphs separated by blank lines. */
export const reportInput = z
  .object({
    ...period,
    orgId: z.number().int().positive().optional(),
    texts: z.record(z.string().max(20), words).default({}),
    format: z.enum(['docx', 'xlsx']),
  })
  .refine((q) => q.kind === 'year' || (q.index >= 1 && q.index <= (q.kind === 'quarter' ? 4 : 2)), {
    message: '请选择季度或半年',
    path: ['index'],
  });
export type ReportInput = z.infer<typeof reportInput>;

const table = z.object({
  title: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number()]))),
  /** Relative column widths for the printed table. */
  widths: z.array(z.number()),
  numeric: z.array(z.boolean()),
});
export type ReportTable = z.infer<typeof table>;

/** A chart drawn in the Word file (and as an image on the page): categories and named series. */
export const chartSchema = z.object({
  title: z.string(),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), type: z.enum(['bar', 'line']), values: z.array(z.number()) })),
});
export type ReportChart = z.infer<typeof chartSchema>;

export const reportSchema = z.object({
  kind: z.enum(REPORT_KIND_KEYS),
  orgId: z.number().int(),
  orgName: z.string(),
  periodLabel: z.string(),
  title: z.string(),
  salutation: z.string(),
  sections: z.array(
    z.object({
      heading: z.string(),
      paragraphs: z.array(z.string()),
      /** The office writes (or edits) this section; `paragraphs` are the default words. */
      editable: z.string().nullable(),
      /** Figures printed after the section's paragraphs, numbered through the document (图1, 图2 …). */
      charts: z.array(chartSchema).default([]),
    }),
  ),
  annexes: z.array(table),
  office: z.string(),
  /** 2026年11月27日 */
  date: z.string(),
});
export type ReportModel = z.infer<typeof reportSchema>;
