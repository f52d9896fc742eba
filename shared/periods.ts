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

// ---- Statistics periods (R4.6, R4.7): every calendar unit an office counts by, and a custom
// range of days. Each starts at 00:00 Beijing time; weeks run Monday to Sunday and are numbered
// as GB/T 7408 (ISO 8601) numbers them: week 1 holds the year's first Thursday.

export type CalendarKind = 'year' | 'half' | 'quarter' | 'month' | 'week';
export type StatsPeriodKind = CalendarKind | 'custom';

export interface StatsPeriod {
  kind: StatsPeriodKind;
  /** The calendar (or ISO week-numbering) year; for a custom range the year it starts in. */
  year: number;
  /** 1–2 half, 1–4 quarter, 1–12 month, 1–53 week; 0 for a year or a custom range. */
  index: number;
  /** Inclusive start and exclusive end, as ISO instants (UTC). */
  from: string;
  to: string;
  /** The same bounds as China-calendar days (YYYY-MM-DD), for columns that hold days. */
  fromDay: string;
  toDay: string;
  /** 2026年上半年, 2026年11月, 2026年第48周（11月23日至11月29日）, 2026年1月5日至2026年2月3日. */
  label: string;
}

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ymd = (y: number, m: number, d = 1) =>
  dayOf(Date.UTC(y, m - 1, d)); /* Date.UTC rolls months and days over */
const beijingStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const chineseDay = (day: string, withYear = true) =>
  `${withYear ? `${Number(day.slice(0, 4))}年` : ''}${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

function ofDays(
  kind: StatsPeriodKind,
  year: number,
  index: number,
  fromDay: string,
  toDay: string,
  label: string,
) {
  return { kind, year, index, from: beijingStart(fromDay), to: beijingStart(toDay), fromDay, toDay, label };
}

/** Monday of ISO week 1 of a week-numbering year. */
function isoWeekOne(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return jan4 - weekday * DAY_MS;
}

/** How many ISO weeks a week-numbering year has (52 or 53). */
export function weeksInYear(year: number): number {
  return Math.round((isoWeekOne(year + 1) - isoWeekOne(year)) / (7 * DAY_MS));
}

/** How many periods of a kind a year holds (a year: 1). */
export function periodsInYear(kind: CalendarKind, year: number): number {
  return { year: 1, half: 2, quarter: 4, month: 12, week: weeksInYear(year) }[kind];
}

/** A calendar period by year and index; throws on an index out of range. */
export function calendarPeriod(kind: CalendarKind, year: number, index = 0): StatsPeriod {
  const max = periodsInYear(kind, year);
  if (kind !== 'year' && (!Number.isInteger(index) || index < 1 || index > max))
    throw new RangeError(`${kind} index ${index} outside 1–${max}`);
  switch (kind) {
    case 'year':
      return ofDays(kind, year, 0, ymd(year, 1), ymd(year + 1, 1), `${year}年`);
    case 'half':
      return ofDays(
        kind,
        year,
        index,
        ymd(year, index * 6 - 5),
        ymd(year, index * 6 + 1),
        `${year}年${index === 1 ? '上' : '下'}半年`,
      );
    case 'quarter': {
      const p = periodOf('quarter', year, index);
      return ofDays(kind, year, index, ymd(year, index * 3 - 2), ymd(year, index * 3 + 1), p.label);
    }
    case 'month':
      return ofDays(kind, year, index, ymd(year, index), ymd(year, index + 1), `${year}年${index}月`);
    case 'week': {
      const monday = isoWeekOne(year) + (index - 1) * 7 * DAY_MS;
      const fromDay = dayOf(monday);
      const sunday = dayOf(monday + 6 * DAY_MS);
      return ofDays(
        kind,
        year,
        index,
        fromDay,
        dayOf(monday + 7 * DAY_MS),
        `${year}年第${index}周（${chineseDay(fromDay, false)}至${chineseDay(sunday, false)}）`,
      );
    }
  }
}

/** The calendar period of a kind that a China-calendar day falls in. */
export function periodOfDay(kind: CalendarKind, day: string): StatsPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  switch (kind) {
    case 'year':
      return calendarPeriod(kind, year);
    case 'half':
      return calendarPeriod(kind, year, month <= 6 ? 1 : 2);
    case 'quarter':
      return calendarPeriod(kind, year, Math.ceil(month / 3));
    case 'month':
      return calendarPeriod(kind, year, month);
    case 'week': {
      // The week-numbering year is the one its Thursday falls in.
      const ms = dayMs(day);
      const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * DAY_MS;
      const weekYear = new Date(thursday).getUTCFullYear();
      return calendarPeriod(kind, weekYear, Math.floor((thursday - isoWeekOne(weekYear)) / (7 * DAY_MS)) + 1);
    }
  }
}

/** The calendar period of a kind that an instant falls in, in China time. */
export function periodContaining(kind: CalendarKind, now: Date): StatsPeriod {
  return periodOfDay(kind, dayOf(now.getTime() + 8 * 3_600_000));
}

/** A custom range from one China-calendar day to another, both included. */
export function customPeriod(firstDay: string, lastDay: string): StatsPeriod {
  if (dayMs(lastDay) < dayMs(firstDay)) throw new RangeError(`${lastDay} before ${firstDay}`);
  const toDay = dayOf(dayMs(lastDay) + DAY_MS);
  const label =
    firstDay === lastDay ? chineseDay(firstDay) : `${chineseDay(firstDay)}至${chineseDay(lastDay)}`;
  return ofDays('custom', Number(firstDay.slice(0, 4)), 0, firstDay, toDay, label);
}

/** The last day a period includes (YYYY-MM-DD). */
export function lastDayOf(p: Pick<StatsPeriod, 'toDay'>): string {
  return dayOf(dayMs(p.toDay) - DAY_MS);
}

/**
 * The months or weeks a period spans, each cut to the period (a week across the start or end
 * of a custom range keeps only the days inside it), in order.
 */
export function periodsWithin(p: StatsPeriod, kind: 'month' | 'week'): StatsPeriod[] {
  const out: StatsPeriod[] = [];
  for (let day = p.fromDay; dayMs(day) < dayMs(p.toDay); ) {
    const whole = periodOfDay(kind, day);
    const fromDay = day;
    const toDay = dayMs(whole.toDay) < dayMs(p.toDay) ? whole.toDay : p.toDay;
    out.push(
      fromDay === whole.fromDay && toDay === whole.toDay
        ? whole
        : { ...whole, ...ofDays(whole.kind, whole.year, whole.index, fromDay, toDay, whole.label) },
    );
    day = toDay;
  }
  return out;
}
