/** Member performance by hand: the default scheme (used 10, adopted +5, cap 15) and variations. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERFORMANCE_SCHEME, type PerformanceScheme } from '../../../shared/performance.ts';
import { type ItemFacts, performanceEntries } from './engine.ts';

const item = (patch: Partial<Omit<ItemFacts, 'on'>> & { on: Partial<ItemFacts['on']> }): ItemFacts => ({
  itemId: 1,
  title: '关于加强农村养老服务的建议',
  number: '2026-001',
  stream: 'sqmy',
  authors: [11, 12],
  ...patch,
  on: { submitted: '2026-03-01', used: null, adopted: null, instructed: null, ...patch.on },
});
const brief = (map: Map<number, { lines: { event: string; points: number }[]; points: number }[]>) =>
  Object.fromEntries(
    [...map].map(([member, entries]) => [
      member,
      entries.map((e) => [e.points, e.lines.map((l) => `${l.event}:${l.points}`).join(' ')]),
    ]),
  );

describe('member performance, by hand', () => {
  it('1. used 10, adopted +5; an instruction after that is over the cap of 15; each co-author in full', () => {
    const facts = item({ on: { used: '2026-03-10', adopted: '2026-04-02', instructed: '2026-05-01' } });
    expect(brief(performanceEntries([facts], DEFAULT_PERFORMANCE_SCHEME, 2026))).toEqual({
      11: [[1500, 'used:1000 adopted:500']],
      12: [[1500, 'used:1000 adopted:500']],
    });
  });

  it('2. used in December and adopted in January: 10 in one year, 5 in the next', () => {
    const facts = item({ on: { submitted: '2026-12-01', used: '2026-12-20', adopted: '2027-01-08' } });
    expect(brief(performanceEntries([facts], DEFAULT_PERFORMANCE_SCHEME, 2026))[11]).toEqual([
      [1000, 'used:1000'],
    ]);
    expect(brief(performanceEntries([facts], DEFAULT_PERFORMANCE_SCHEME, 2027))[11]).toEqual([
      [500, 'adopted:500'],
    ]);
  });

  it('3. only the counted streams: 政协综合信息 is left out by default', () => {
    const facts = item({ stream: 'zhxx', on: { used: '2026-03-10' } });
    expect(performanceEntries([facts], DEFAULT_PERFORMANCE_SCHEME, 2026).size).toBe(0);
    const both: PerformanceScheme = { ...DEFAULT_PERFORMANCE_SCHEME, streams: ['sqmy', 'zhxx'] };
    expect(performanceEntries([facts], both, 2026).size).toBe(2);
  });

  it('4. the first author only, when the scheme says so', () => {
    const lead: PerformanceScheme = { ...DEFAULT_PERFORMANCE_SCHEME, coauthors: 'lead_only' };
    const facts = item({ on: { used: '2026-03-10' } });
    expect(Object.keys(brief(performanceEntries([facts], lead, 2026)))).toEqual(['11']);
  });

  it('5. submissions counted, no cap, decimals: 2.5 + 10 + 5 + 5', () => {
    const open: PerformanceScheme = { ...DEFAULT_PERFORMANCE_SCHEME, submitted: 2.5, capPerItem: null };
    const facts = item({ on: { used: '2026-03-10', adopted: '2026-04-02', instructed: '2026-05-01' } });
    expect(brief(performanceEntries([facts], open, 2026))[11]).toEqual([
      [2250, 'submitted:250 used:1000 adopted:500 instructed:500'],
    ]);
  });

  it('6. an item submitted but never used scores nothing under the default scheme', () => {
    expect(performanceEntries([item({ on: {} })], DEFAULT_PERFORMANCE_SCHEME, 2026).size).toBe(0);
  });

  it('7. on one day, submission before use: the cap cuts the later event', () => {
    const tight: PerformanceScheme = { ...DEFAULT_PERFORMANCE_SCHEME, submitted: 2, capPerItem: 11 };
    const facts = item({ on: { submitted: '2026-03-10', used: '2026-03-10' } });
    const [entry] = performanceEntries([facts], tight, 2026).get(11) ?? [];
    expect(entry?.lines.map((l) => [l.event, l.points, l.note])).toEqual([
      ['submitted', 200, '报送2分'],
      ['used', 900, '编用10分，单条上限11分，计9分'],
    ]);
  });
});
