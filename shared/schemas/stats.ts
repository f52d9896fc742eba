import { z } from 'zod';
import { ITEM_STREAM_KEYS } from '../items.ts';
import { periodsInYear } from '../periods.ts';
import { pageQuery } from './common.ts';
import { itemSummarySchema } from './items.ts';

/**
 * Statistics of information work (R1.3, R4.6, R4.7). Every figure counts items (信息), each at
 * most once per row, from what was recorded: first submissions, item events, feedback that is
 * not revoked, and the score ledger. An item merged into a composite (综合信息) is credited with
 * what happened to the composite, as scoring credits it.
 */
export const STATS_MEASURES = {
  submitted: { label: '来稿', hint: '统计期内首次报送的信息（撤回后未再报送的不计）' },
  registered: { label: '登记', hint: '统计期内登记编号的信息' },
  published: { label: '编用', hint: '统计期内在本级刊物编发的信息（单篇与综合之和）' },
  publishedSingle: { label: '单篇编用', hint: '统计期内单篇编发的信息' },
  publishedCombined: { label: '综合编用', hint: '统计期内所并入的综合信息编发的原稿' },
  referred: { label: '转办', hint: '统计期内转办的信息' },
  forwarded: { label: '上报', hint: '统计期内随刊物报送上级（如全国政协办公厅）的信息' },
  adoptedNational: { label: '国家级采用', hint: '统计期内被中办国办或全国政协办公厅采用的信息' },
  adoptedProvincial: { label: '省级采用', hint: '统计期内被省委办公厅或省政府办公厅采用的信息' },
  adoptedOther: { label: '其他采用', hint: '统计期内被省政协办公厅、市委市政府或其他单位采用的信息' },
  forwardedAdopted: {
    label: '上报被采用',
    hint: '统计期内上报的信息中，已被国家级或省级机关采用的信息（采用日期不限）',
  },
  instructionCentral: { label: '中央领导批示', hint: '统计期内获中央领导批示的信息' },
  instructionProvincialMain: { label: '省主要领导批示', hint: '统计期内获省主要领导批示的信息' },
  instructionProvincial: { label: '省级领导批示', hint: '统计期内获省级领导批示的信息' },
  instructionBureau: { label: '厅局级领导批示', hint: '统计期内获厅局级领导批示的信息' },
  instructionCity: { label: '市领导批示', hint: '统计期内获市领导批示的信息' },
  points: { label: '得分', hint: '统计期内计分台账中的得分之和（委员按个人得分，其余按报送单位得分）' },
} as const;
export type StatsMeasure = keyof typeof STATS_MEASURES;
export const STATS_MEASURE_KEYS = Object.keys(STATS_MEASURES) as [StatsMeasure, ...StatsMeasure[]];

export const STATS_RATES = {
  publishRate: { label: '编用率', hint: '编用 ÷ 来稿：同一统计期内两项之比，无来稿时不计' },
  adoptionRate: {
    label: '采用率',
    hint: '上报被采用 ÷ 上报：统计期内上报的信息中已被国家级或省级机关采用的比例，无上报时不计',
  },
} as const;

export const STATS_DIMENSIONS = {
  org: '报送单位',
  member: '委员',
  city: '市（含所辖县区）',
  topic: '信息分类',
  trend: '时间趋势',
} as const;
export type StatsDimension = keyof typeof STATS_DIMENSIONS;
export const STATS_DIMENSION_KEYS = Object.keys(STATS_DIMENSIONS) as [StatsDimension, ...StatsDimension[]];

export const STATS_PERIOD_KINDS = {
  year: '年度',
  half: '半年',
  quarter: '季度',
  month: '月度',
  week: '周',
  custom: '自定义',
} as const;
export const STATS_PERIOD_KIND_KEYS = Object.keys(STATS_PERIOD_KINDS) as [
  keyof typeof STATS_PERIOD_KINDS,
  ...(keyof typeof STATS_PERIOD_KINDS)[],
];

/** Longest custom range, in days (ten years). */
export const STATS_MAX_DAYS = 3660;

/** The period: a calendar unit by year and index, or a custom range of whole days. */
export const statsPeriodQuery = z
  .object({
    period: z.enum(STATS_PERIOD_KIND_KEYS).default('quarter'),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    index: z.coerce.number().int().min(1).max(53).optional(),
    from: z.iso.date({ message: '开始日期格式应为YYYY-MM-DD' }).optional(),
    to: z.iso.date({ message: '结束日期格式应为YYYY-MM-DD' }).optional(),
    stream: z.enum(ITEM_STREAM_KEYS).optional(),
  })
  .superRefine((q, c) => {
    if (q.period === 'custom') {
      if (!q.from || !q.to) c.addIssue({ code: 'custom', path: ['from'], message: '请选择开始和结束日期' });
      else if (q.to < q.from)
        c.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
      else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 >= STATS_MAX_DAYS)
        c.addIssue({ code: 'custom', path: ['to'], message: '统计区间不能超过十年' });
      return;
    }
    if (q.year === undefined) c.addIssue({ code: 'custom', path: ['year'], message: '请选择年份' });
    if (q.period === 'year') return;
    const max = periodsInYear(q.period, q.year ?? 2000);
    if (q.index === undefined || q.index > max)
      c.addIssue({ code: 'custom', path: ['index'], message: `请选择第1至第${max}个统计期` });
  });
export type StatsPeriodQuery = z.infer<typeof statsPeriodQuery>;

export const statsSummaryQuery = statsPeriodQuery.safeExtend({
  dimension: z.enum(STATS_DIMENSION_KEYS).default('org'),
  /** The trend's step. */
  by: z.enum(['month', 'week']).default('month'),
});
export type StatsSummaryQuery = z.infer<typeof statsSummaryQuery>;

export const statsItemsQuery = statsSummaryQuery.safeExtend({
  key: z.string().min(1).max(40),
  measure: z.enum(STATS_MEASURE_KEYS),
  ...pageQuery.shape,
});
export type StatsItemsQuery = z.infer<typeof statsItemsQuery>;

const measuresShape = Object.fromEntries(
  STATS_MEASURE_KEYS.map((k) => [k, k === 'points' ? z.number() : z.number().int()]),
) as Record<StatsMeasure, z.ZodNumber>;

export const statsFiguresSchema = z.object({
  ...measuresShape,
  publishRate: z.number().nullable(),
  adoptionRate: z.number().nullable(),
});
export type StatsFigures = z.infer<typeof statsFiguresSchema>;

export const statsRowSchema = z.object({
  /** Organisation, user, city or topic id; a month `2026-11` or week `2026-W48`; `none` for no city or topic. */
  key: z.string(),
  label: z.string(),
  /** A member's unit, a unit's CPPCC, a trend step's dates. */
  note: z.string(),
  figures: statsFiguresSchema,
});
export type StatsRow = z.infer<typeof statsRowSchema>;

export const statsSummarySchema = z.object({
  period: z.object({
    kind: z.enum(STATS_PERIOD_KIND_KEYS),
    label: z.string(),
    from: z.string(),
    to: z.string(),
    fromDay: z.string(),
    lastDay: z.string(),
  }),
  dimension: z.enum(STATS_DIMENSION_KEYS),
  /** The CPPCCs and units the figures cover (the reader's statistics scope). */
  scope: z.array(z.string()),
  rows: z.array(statsRowSchema),
  /** Each item once: for members, an item of several authors counts once in the totals. */
  totals: statsFiguresSchema,
});
export type StatsSummary = z.infer<typeof statsSummarySchema>;

export const statsItemSchema = itemSummarySchema.extend({
  /** The reader may open the item page (a stats reader does not always work the item). */
  openable: z.boolean(),
});
export type StatsItem = z.infer<typeof statsItemSchema>;
