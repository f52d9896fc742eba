/**
 * Calendar periods as offices count them, in China time (Asia/Shanghai, UTC+8, no daylight
 * saving): a year or a quarter starts at 00:00 Beijing time on its first day.
 */

export type PeriodKind = 'year' | 'quarter';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–4 for a quarter; 0 for a year. */
  index: number;
  /** Inclusive start and exclusive end, as ISO instants (UTC). */
  from: string;
  to: string;
  /** 2026年 / 2026年第四季度. */
  label: string;
}

const QUARTERS = ['一', '二', '三', '四'] as const;
const beijingMidnight = (year: number, month: number) =>
  new Date(`${year}-${String(month).padStart(2, '0')}-01T00:00:00+08:00`).toISOString();

export function periodOf(kind: PeriodKind, year: number, index = 0): Period {
  if (kind === 'year')
    return {
      kind,
      year,
      index: 0,
      from: beijingMidnight(year, 1),
      to: beijingMidnight(year + 1, 1),
      label: `${year}年`,
    };
  const month = (index - 1) * 3 + 1;
  const end = index === 4 ? beijingMidnight(year + 1, 1) : beijingMidnight(year, month + 3);
  return {
    kind,
    year,
    index,
    from: beijingMidnight(year, month),
    to: end,
    label: `${year}年第${QUARTERS[index - 1]}季度`,
  };
}

/** The year or quarter an instant falls in, in China time. */
export function currentPeriod(kind: PeriodKind, now: Date): Period {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  const year = beijing.getUTCFullYear();
  return kind === 'year'
    ? periodOf('year', year)
    : periodOf('quarter', year, Math.floor(beijing.getUTCMonth() / 3) + 1);
}
