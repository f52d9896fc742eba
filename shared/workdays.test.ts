import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  buildCalendar,
  isWorkingDay,
  workingDaysBetween,
  workYearProblem,
} from './workdays.ts';

// A made-up arrangement for the tests (not an official list): 2026-10-01 (Thursday) and
// 2027-01-01 (Friday) off, Saturday 2026-10-10 worked.
const calendar = buildCalendar([
  { year: 2026, holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] },
  { year: 2027, holidays: ['2027-01-01'], workdays: [] },
]);
const none = buildCalendar([]);

describe('working days', () => {
  it('skips weekends: Friday plus one working day is Monday', () => {
    expect(addWorkingDays('2026-11-27', 1, none)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-27', 0, none)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-23', 15, none)).toBe('2026-12-14');
  });

  it('skips a configured holiday that falls on a weekday', () => {
    expect(isWorkingDay('2026-10-01', none)).toBe(true);
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false);
    // Wednesday 30 September + 1: Thursday and Friday are off, the weekend too → Monday 5 October.
    expect(addWorkingDays('2026-09-30', 1, calendar)).toBe('2026-10-05');
  });

  it('counts an adjusted working day (调休上班) on a Saturday', () => {
    expect(isWorkingDay('2026-10-10', none)).toBe(false);
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true);
    // Friday 9 October + 1 is Saturday 10 October when it is worked.
    expect(addWorkingDays('2026-10-09', 1, calendar)).toBe('2026-10-10');
    expect(addWorkingDays('2026-10-09', 1, none)).toBe('2026-10-12');
  });

  it('crosses a year end with a holiday in the new year', () => {
    // Wed 30 Dec: Thu 31 (1), Fri 1 Jan off, weekend, Mon 4 (2), Tue 5 (3).
    expect(addWorkingDays('2026-12-30', 3, calendar)).toBe('2027-01-05');
    expect(workingDaysBetween('2026-12-30', '2027-01-05', calendar)).toBe(3);
  });

  it('counts working days between two days, inverse of adding them', () => {
    for (const n of [0, 1, 2, 5, 15, 40])
      expect(workingDaysBetween('2026-09-25', addWorkingDays('2026-09-25', n, calendar), calendar)).toBe(n);
    expect(workingDaysBetween('2026-11-30', '2026-11-27', none)).toBe(0);
  });

  it('rejects a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2026-11-27', -1, none)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-27', 1.5, none)).toThrow(RangeError);
  });
});

describe('the administrator’s calendar entries', () => {
  it('accepts a well-formed year', () => {
    expect(workYearProblem({ year: 2026, holidays: ['2026-10-01'], workdays: ['2026-10-10'] })).toBeNull();
  });

  it('names what is wrong, in Chinese', () => {
    expect(workYearProblem({ year: 2026, holidays: ['2026-02-30'], workdays: [] })).toContain('不是有效日期');
    expect(workYearProblem({ year: 2026, holidays: ['2027-01-01'], workdays: [] })).toContain('不在2026年内');
    expect(workYearProblem({ year: 2026, holidays: ['2026-10-10'], workdays: ['2026-10-10'] })).toContain(
      '同时列为放假和调休上班',
    );
    expect(workYearProblem({ year: 2026, holidays: [], workdays: ['2026-10-09'] })).toContain(
      '不是星期六或星期日',
    );
  });
});
