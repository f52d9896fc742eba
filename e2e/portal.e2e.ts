/**
 * The public portal (R4.9): an anonymous reader opens /portal on a phone and on a desk, sees the
 * quarter's ranking of submitting units, a member of one unit submits an item, and after a reload
 * that unit counts one more. The page asks only the public API, and the rows carry nothing but
 * rank, unit and count.
 */
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { actorFor } from '../server/test/items.ts';
import { submitAsDemoMember } from './demo-items.ts';
import { ARTIFACTS_DIR, type Harness, registerHarness, screenshot, textOf, WAIT_MS } from './harness.ts';

let h: Harness;

registerHarness((started) => {
  h = started;
});

interface RankingRow {
  rank: number;
  unit: string;
  count: number;
}

/** Every /api path the page asks for, from the moment it is called. */
function recordApiCalls(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api')) paths.push(url.pathname);
  });
  return paths;
}

/** Opens the quarter's ranking and returns the rows of the answer the page showed. */
async function openQuarter(page: Page): Promise<RankingRow[]> {
  const answered = page.waitForResponse(
    (r: Response) => r.url().includes('/api/public/ranking?period=quarter') && r.status() === 200,
  );
  await page.goto('/portal?period=quarter');
  const body = (await (await answered).json()) as { data: { rows: RankingRow[] } };
  await page.getByTestId('portal-period').waitFor();
  await expect.poll(() => textOf(page.getByTestId('portal-period')), { timeout: WAIT_MS }).toMatch(/季度$/);
  for (const row of body.data.rows) expect(Object.keys(row).sort()).toEqual(['count', 'rank', 'unit']);
  return body.data.rows;
}

/** The count the page shows for a unit: 0 when the unit is not listed. */
async function shownCount(page: Page, unit: string): Promise<number> {
  const row = page.locator(`[data-testid="portal-row"][data-unit="${unit}"]`);
  if ((await row.count()) === 0) return 0;
  const text = await textOf(row.getByTestId('portal-count'));
  return Number(text.replace('条', ''));
}

/** The demo member, the unit it submits for, and a topic to file under. */
async function demoMember() {
  const user = await h.ctx.db.kysely
    .selectFrom('users')
    .select('id')
    .where('login', '=', 'member')
    .executeTakeFirstOrThrow();
  const member = await actorFor(h.ctx, user.id);
  const orgId = member.grants[0]!.orgId;
  const org = await h.ctx.db.kysely
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { member, orgId, unit: org.name };
}

describe('public portal', () => {
  it('shows the ranking without login, counts a new submission, and asks only the public API', async () => {
    const who = await demoMember();
    const phone = await h.newPage({ viewport: { width: 375, height: 812 } });
    const apiCalls = recordApiCalls(phone);

    // Anonymous: the page stays on /portal, never sent to the login page.
    const before = await openQuarter(phone);
    expect(new URL(phone.url()).pathname).toBe('/portal');
    expect(await textOf(phone.getByTestId('portal-title'))).toBe('民意直通车 · 政协信息报送排行');
    await expect.poll(() => textOf(phone.getByTestId('portal-updated'))).toMatch(/^更新于 \d{2}:\d{2}$/);
    await expect.poll(() => textOf(phone.getByTestId('portal-total'))).toMatch(/^合计\d+条$/);
    expect(before.length).toBeGreaterThan(0);
    const top = before[0]!;
    expect(top.rank).toBe(1);
    expect(await shownCount(phone, top.unit)).toBe(top.count);
    const unitBefore = before.find((r) => r.unit === who.unit)?.count ?? 0;
    expect(await shownCount(phone, who.unit)).toBe(unitBefore);

    // Phone width: nothing wider than the screen.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'portal-phone.png');
    await phone.screenshot({ path: path.join(ARTIFACTS_DIR, 'portal-phone-full.png'), fullPage: true });

    // The switch moves between the two periods.
    const yearAnswer = phone.waitForResponse((r) => r.url().includes('/api/public/ranking?period=year'));
    await phone.getByTestId('portal-period-switch').getByText('本年度').click();
    await yearAnswer;
    await expect.poll(() => textOf(phone.getByTestId('portal-period'))).toMatch(/^\d{4}年$/);

    // A member of the unit submits one item through the service; a reload shows it.
    await submitAsDemoMember(h.ctx, '关于推进城乡社区嵌入式养老服务的建议');
    const after = await openQuarter(phone);
    expect(after.find((r) => r.unit === who.unit)?.count).toBe(unitBefore + 1);
    await expect.poll(() => shownCount(phone, who.unit), { timeout: WAIT_MS }).toBe(unitBefore + 1);
    const totalText = await textOf(phone.getByTestId('portal-total'));
    expect(totalText).toBe(`合计${after.reduce((s, r) => s + r.count, 0)}条`);

    // Only the public API, nothing about sessions or the signed-in user.
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.filter((p) => !p.startsWith('/api/public/'))).toEqual([]);

    // The one way in: 工作人员登录 → /login.
    const links = await phone.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/login']);

    // Desk: the same page, and the login page links back to it.
    const desk = await h.newPage();
    const deskCalls = recordApiCalls(desk);
    await openQuarter(desk);
    await screenshot(desk, 'portal-desk.png');
    expect(deskCalls.filter((p) => !p.startsWith('/api/public/'))).toEqual([]);
    await desk.getByTestId('portal-login').click();
    await desk.waitForURL(/\/login$/);
    await desk.getByTestId('portal-link').click();
    await desk.waitForURL(/\/portal$/);
    await desk.getByTestId('portal-rows').waitFor();
  });
});
