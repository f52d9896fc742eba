/**
 * The public ranking: open without login, counted by first submission in China-calendar periods,
 * refreshed as soon as an item is submitted, and carrying nothing but rank, unit and count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPeriod, periodOf } from '../../../shared/periods.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { act, type ItemWorld, makeItemWorld, newDraft } from '../../test/items.ts';

let t: TestContext;
let w: ItemWorld;

beforeAll(async () => {
  t = await createTestContext();
  w = await makeItemWorld(t.ctx);
});
afterAll(() => t.close());

const ranking = async (period: 'year' | 'quarter' = 'quarter') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/ranking?period=${period}` });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    data: { period: { label: string }; rows: { rank: number; unit: string; count: number }[]; total: number };
  };
};

describe('public ranking', () => {
  it('is open without login and moves with each submission, drafts not counted', async () => {
    const before = await ranking();
    const party = before.data.rows.find((r) => r.unit === w.p.party.name)?.count ?? 0;
    const id = await newDraft(t.ctx, w);
    expect((await ranking()).data.rows.find((r) => r.unit === w.p.party.name)?.count ?? 0).toBe(party);
    await act(t.ctx, w.actors.author, id, 'submit');
    const after = await ranking();
    expect(after.data.rows.find((r) => r.unit === w.p.party.name)?.count).toBe(party + 1);
    expect(after.data.total).toBe(before.data.total + 1);
    // Withdrawn and resubmitted, an item still counts once.
    await act(t.ctx, w.actors.author, id, 'withdraw');
    await act(t.ctx, w.actors.author, id, 'submit');
    expect((await ranking()).data.rows.find((r) => r.unit === w.p.party.name)?.count).toBe(party + 1);
  });

  it('carries nothing internal: only the period, rank, unit and count', async () => {
    await act(
      t.ctx,
      w.actors.author,
      await newDraft(t.ctx, w, { title: '内部标题不得出现在门户' }),
      'submit',
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/public/ranking?period=year' });
    const body = res.json() as { data: { rows: Record<string, unknown>[] } };
    expect(Object.keys(body.data).sort()).toEqual(['period', 'rows', 'total', 'updatedAt']);
    for (const row of body.data.rows) expect(Object.keys(row).sort()).toEqual(['count', 'rank', 'unit']);
    expect(res.body).not.toContain('内部标题');
    expect(res.body).not.toContain(w.users.author.login);
    expect(res.headers['cache-control']).toContain('max-age=30');
    // Other routes stay closed.
    expect((await t.app.inject({ method: 'GET', url: '/api/items' })).statusCode).toBe(401);
  });

  it('ranks ties together and counts by quarter from 00:00 Beijing time', async () => {
    const rows = (await ranking('year')).data.rows;
    for (let i = 1; i < rows.length; i += 1) {
      const [a, b] = [rows[i - 1], rows[i]] as [(typeof rows)[number], (typeof rows)[number]];
      expect(a.count).toBeGreaterThanOrEqual(b.count);
      if (a.count === b.count) expect(b.rank).toBe(a.rank);
    }
    // 2026-09-30 23:59 Beijing is the third quarter; one minute later the fourth.
    expect(currentPeriod('quarter', new Date('2026-09-30T15:59:00Z')).label).toBe('2026年第三季度');
    expect(currentPeriod('quarter', new Date('2026-09-30T16:00:00Z')).label).toBe('2026年第四季度');
    expect(periodOf('quarter', 2026, 4)).toMatchObject({
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    });
    expect(currentPeriod('year', new Date('2026-12-31T16:00:00Z')).label).toBe('2027年');
  });
});
