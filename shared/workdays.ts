/**
 * The working-day calendar of Chinese government offices: Saturdays and Sundays are off, except
 * the adjusted working days (调休上班); the public holidays are off whatever the weekday. The
 * holiday lists are published each year by the State Council and entered by the system
 * administrator (系统设置 → 工作日历); nothing is assumed here. Days are ISO calendar days
 * (YYYY-MM-DD) in Asia/Shanghai; arithmetic is on the calendar date only, so no time zone enters.
 */

/** One year's official arrangement as the administrator entered it. */
export interface WorkYear {
  year: number;
  /** Days off (法定节假日 and the days around them), ISO days of that year. */
  holidays: string[];
  /** Weekend days that are worked (调休上班), ISO days of that year. */
  workdays: string[];
}

/** A calendar ready for look-ups, built once from the configured years. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Whether `day` is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(day: string): boolean {
  if (!ISO_DAY.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

export function buildCalendar(years: readonly WorkYear[]): WorkCalendar {
  return {
    holidays: new Set(years.flatMap((y) => y.holidays)),
    workdays: new Set(years.flatMap((y) => y.workdays)),
  };
}

/** The day `n` calendar days after `day` (negative goes back). */
export function shiftDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.holidays.has(day)) return false;
  if (calendar.workdays.has(day)) return true;
  return !isWeekend(day);
}

/**
 * The day on which a task given on `startDay` with `n` working days falls due: the n-th working
 * day after `startDay` (the start day itself does not count, as in “15个工作日内办复”).
 * `n = 0` is the start day itself.
 */
export function addWorkingDays(startDay: string, n: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('working days must be a whole number ≥ 0');
  let day = startDay;
  let left = n;
  while (left > 0) {
    day = shiftDay(day, 1);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not after `from`):
 * `workingDaysBetween(d, addWorkingDays(d, n, c), c) === n`.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  let n = 0;
  for (let day = shiftDay(from, 1); day <= to; day = shiftDay(day, 1))
    if (isWorkingDay(day, calendar)) n += 1;
  return n;
}

/**
 * What is wrong with one configured year, in Chinese, or null: every day a real day of that year,
 * no day listed twice or in both lists, and an adjusted working day always a Saturday or Sunday.
 */
export function workYearProblem(y: WorkYear): string | null {
  const seen = new Set<string>();
  for (const [list, label] of [
    [y.holidays, '放假日期'],
    [y.workdays, '调休上班日期'],
  ] as const) {
    for (const day of list) {
      if (!isIsoDay(day)) return `${y.year}年${label}“${day}”不是有效日期，请按2026-10-01的格式填写`;
      if (Number(day.slice(0, 4)) !== y.year) return `${y.year}年${label}“${day}”不在${y.year}年内`;
      if (seen.has(day)) return `${y.year}年日期“${day}”重复填写或同时列为放假和调休上班`;
      seen.add(day);
    }
  }
  const weekday = y.workdays.find((day) => !isWeekend(day));
  if (weekday) return `${y.year}年调休上班日期“${weekday}”不是星期六或星期日，工作日无需列入`;
  return null;
}
