import { describe, expect, it } from 'vitest';
import { cstDate, cstDateTime } from './clock.ts';

describe('Asia/Shanghai calendar', () => {
  it('turns the day at 16:00 UTC (midnight in Beijing)', () => {
    expect(cstDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(cstDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('writes a moment the way documents do', () => {
    expect(cstDateTime('2026-11-27T06:30:00.000Z')).toBe('2026年11月27日 14:30');
    expect(cstDateTime('2026-01-04T16:05:00.000Z')).toBe('2026年1月5日 00:05');
  });
});
