import { describe, expect, it } from 'vitest';
import {
  calendarPeriod,
  currentPeriod,
  customPeriod,
  lastDayOf,
  periodContaining,
  periodOf,
  periodOfDay,
  periodsWithin,
  weeksInYear,
} from './periods.ts';

describe('periods (China calendar)', () => {
  it('keeps the year and quarter the portal counts by', () => {
    expect(periodOf('quarter', 2026, 4)).toEqual({
      kind: 'quarter',
      year: 2026,
      index: 4,
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
      label: '2026年第四季度',
    });
    expect(currentPeriod('year', new Date('2026-12-31T16:00:00Z')).label).toBe('2027年');
  });

  it('starts every period at 00:00 Beijing time: 16:00 UTC the day before belongs to the next', () => {
    expect(periodContaining('quarter', new Date('2026-09-30T16:00:00Z')).label).toBe('2026年第四季度');
    expect(periodContaining('quarter', new Date('2026-09-30T15:59:59Z')).label).toBe('2026年第三季度');
    expect(periodContaining('month', new Date('2026-10-31T16:00:00Z')).label).toBe('2026年11月');
    expect(periodContaining('half', new Date('2026-06-30T16:00:00Z')).label).toBe('2026年下半年');
    const q = calendarPeriod('quarter', 2026, 4);
    expect([q.fromDay, q.toDay, lastDayOf(q)]).toEqual(['2026-10-01', '2027-01-01', '2026-12-31']);
  });

  it('numbers Monday-based weeks as GB/T 7408 does, across the turn of the year', () => {
    const w = periodOfDay('week', '2026-11-27');
    expect([w.year, w.index, w.fromDay, w.toDay]).toEqual([2026, 48, '2026-11-23', '2026-11-30']);
    expect(w.label).toBe('2026年第48周（11月23日至11月29日）');
    expect(w.from).toBe('2026-11-22T16:00:00.000Z');
    // 2027-01-01 is a Friday: it lies in week 53 of 2026.
    expect(weeksInYear(2026)).toBe(53);
    expect(periodOfDay('week', '2027-01-01')).toMatchObject({ year: 2026, index: 53 });
    // 2024-12-30 is a Monday in week 1 of 2025.
    expect(periodOfDay('week', '2024-12-30')).toMatchObject({ year: 2025, index: 1, fromDay: '2024-12-30' });
    expect(() => calendarPeriod('week', 2025, 53)).toThrow(RangeError);
    expect(() => calendarPeriod('month', 2025, 13)).toThrow(RangeError);
  });

  it('takes a custom range of whole days, both ends included', () => {
    const p = customPeriod('2026-01-05', '2026-02-03');
    expect([p.from, p.to]).toEqual(['2026-01-04T16:00:00.000Z', '2026-02-03T16:00:00.000Z']);
    expect(p.label).toBe('2026年1月5日至2026年2月3日');
    expect(customPeriod('2026-03-01', '2026-03-01').label).toBe('2026年3月1日');
    expect(() => customPeriod('2026-03-02', '2026-03-01')).toThrow(RangeError);
  });

  it('splits a period into months or weeks cut to its ends', () => {
    const months = periodsWithin(calendarPeriod('quarter', 2026, 4), 'month');
    expect(months.map((m) => m.label)).toEqual(['2026年10月', '2026年11月', '2026年12月']);
    const weeks = periodsWithin(customPeriod('2026-11-25', '2026-12-08'), 'week');
    expect(weeks.map((x) => [x.index, x.fromDay, x.toDay])).toEqual([
      [48, '2026-11-25', '2026-11-30'],
      [49, '2026-11-30', '2026-12-07'],
      [50, '2026-12-07', '2026-12-09'],
    ]);
  });
});
