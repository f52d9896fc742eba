/**
 * Disclosure and notices on the public portal (R4.4): the demo director approves a consented,
 * issued item for the public with an edited text and publishes a notice; an anonymous reader on a
 * phone finds both on /portal and their pages, and nothing internal; after the director withdraws
 * the item it is gone from the list and its page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, loginAs, registerHarness, screenshot, textOf, WAIT_MS } from './harness.ts';

let h: Harness;

registerHarness((started) => {
  h = started;
});

const PUBLIC_TITLE = '关于完善农村互助养老服务的建议（公开稿）';
const PUBLIC_TEXT =
  '部分农村互助养老点存在资金来源单一、护理人员不足等问题。\n建议设立专项资金，推动县域养老服务联合体建设。';
const NOTICE_TITLE = '关于举办2026年度全省政协信息工作培训班的通知';
const NOTICE_BODY =
  '各市政协、省政协各参加单位：\n定于12月中旬在合肥举办全省政协信息工作培训班，请各单位选派一名信息员参加。';

/** A provincial item whose author consented, issued, not yet disclosed; with its private words. */
async function candidate() {
  const db = h.ctx.db.kysely;
  const item = await db
    .selectFrom('items')
    .innerJoin('issue_items', 'issue_items.item_id', 'items.id')
    .innerJoin('issues', 'issues.id', 'issue_items.issue_id')
    .innerJoin('organizations', 'organizations.id', 'items.target_org_id')
    .leftJoin('disclosures', 'disclosures.item_id', 'items.id')
    .selectAll('items')
    .where('items.disclosable', '=', 1)
    .where('organizations.type', '=', 'cppcc_province')
    .where('items.status', 'in', ['published', 'forwarded'])
    .where('issues.status', '=', 'issued')
    .where('disclosures.id', 'is', null)
    .orderBy('items.id', 'desc')
    .executeTakeFirstOrThrow();
  const authors = await db.selectFrom('item_authors').select('name').where('item_id', '=', item.id).execute();
  return {
    item,
    secrets: [
      item.number ?? '',
      item.title,
      item.contact_phone,
      item.situation.slice(0, 20),
      ...authors.map((a) => a.name),
    ].filter((s) => s.length > 1),
  };
}

function recordApiCalls(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api')) paths.push(url.pathname);
  });
  return paths;
}

const bodyText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');

describe('disclosure and notices on the portal', () => {
  it('the director discloses an item and publishes a notice; the public reads both and nothing internal; a withdrawal takes the item away', async () => {
    const { item, secrets } = await candidate();
    // The demo portal is not empty before anything is done here.
    const demo = await h.ctx.db.kysely
      .selectFrom('disclosures')
      .select('id')
      .where('status', '=', 'disclosed')
      .execute();
    expect(demo.length).toBeGreaterThan(0);

    // ---------------------------------------------------------- the director: 批准公开
    const desk = await h.newPage();
    await loginAs(desk, 'director');
    await desk.goto(`/items/${item.id}`);
    const card = desk.getByTestId('item-disclosure');
    await card.waitFor();
    expect(await textOf(card.getByTestId('disclosure-status'))).toBe('未公开');
    // Prepared from the item's current text; the director edits it before approving.
    expect(await card.getByTestId('disclosure-title').inputValue()).toBe(item.title);
    await card.getByTestId('disclosure-title').fill(PUBLIC_TITLE);
    await card.getByTestId('disclosure-text').fill(PUBLIC_TEXT);
    await card.getByTestId('disclosure-approve').click();
    const approved = desk.waitForResponse((r) =>
      r.url().endsWith(`/api/items/${item.id}/disclosure/approve`),
    );
    await desk.locator('.ant-popconfirm:visible').getByRole('button', { name: '批准公开' }).click();
    expect((await approved).status()).toBe(200);
    await expect
      .poll(() => textOf(card.getByTestId('disclosure-status')), { timeout: WAIT_MS })
      .toBe('已公开');
    await desk.locator('[data-testid="item-event"][data-action="disclose"]').waitFor();
    await screenshot(desk, 'portal-disclosure-1-approved.png');

    // ---------------------------------------------------------- the director: a notice
    await desk.goto('/disclosures');
    await desk.getByRole('tab', { name: '门户公告' }).click();
    await desk.getByTestId('notice-create').click();
    const dialog = desk.getByTestId('notice-dialog');
    await dialog.getByTestId('notice-title').fill(NOTICE_TITLE);
    await dialog.getByTestId('notice-body').fill(NOTICE_BODY);
    const created = desk.waitForResponse(
      (r) => r.url().endsWith('/api/notices') && r.request().method() === 'POST',
    );
    await desk.getByRole('button', { name: '保存草稿' }).click();
    expect((await created).status()).toBe(200);
    const row = desk.locator(`[data-testid="notice-row"][data-title="${NOTICE_TITLE}"]`);
    await row.waitFor();
    // A draft is not public yet.
    const draftList = await (await fetch(`${h.baseUrl}/api/public/notices`)).json();
    expect(JSON.stringify(draftList)).not.toContain(NOTICE_TITLE);
    await desk.locator('tr', { has: row }).getByTestId('notice-publish').click();
    const published = desk.waitForResponse((r) => /\/api\/notices\/\d+\/publish$/.test(r.url()));
    await desk
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /^发\s*布$/ })
      .click();
    expect((await published).status()).toBe(200);
    await desk.locator('tr', { has: row }).getByText('已发布').waitFor();

    // ---------------------------------------------------------- the public, on a phone
    const phone = await h.newPage({ viewport: { width: 375, height: 812 } });
    const calls = recordApiCalls(phone);
    await phone.goto('/portal');
    await phone.getByTestId('portal-rows').waitFor();
    await phone.getByTestId('portal-tab-notices').click();
    await phone.getByTestId('portal-notice').filter({ hasText: NOTICE_TITLE }).click();
    await phone.waitForURL(/\/portal\/notices\/\d+$/);
    await expect
      .poll(() => textOf(phone.getByTestId('portal-article-title')), { timeout: WAIT_MS })
      .toBe(NOTICE_TITLE);
    expect(await textOf(phone.getByTestId('portal-article-text'))).toContain('请各单位选派一名信息员参加');
    await screenshot(phone, 'portal-disclosure-2-notice.png');

    await phone.goto('/portal?tab=items');
    const entry = phone.getByTestId('portal-item').filter({ hasText: PUBLIC_TITLE });
    await entry.waitFor();
    await screenshot(phone, 'portal-disclosure-3-items.png');
    await entry.click();
    await phone.waitForURL(/\/portal\/items\/\d+$/);
    const itemUrl = phone.url();
    await expect
      .poll(() => textOf(phone.getByTestId('portal-article-title')), { timeout: WAIT_MS })
      .toBe(PUBLIC_TITLE);
    expect(await textOf(phone.getByTestId('portal-article-text'))).toContain('推动县域养老服务联合体建设');
    expect(await textOf(phone.getByTestId('portal-article-meta'))).toContain('政协安徽省委员会');
    const shown = await bodyText(phone);
    for (const secret of secrets) expect(shown, secret).not.toContain(secret);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'portal-disclosure-4-item.png');
    expect(calls.filter((p) => !p.startsWith('/api/public/'))).toEqual([]);

    // ---------------------------------------------------------- withdrawn: gone at once
    await desk.goto(`/items/${item.id}`);
    await card.getByTestId('disclosure-withdraw').click();
    const withdraw = desk.getByTestId('disclosure-withdraw-dialog');
    await withdraw.locator('textarea').fill('内容需进一步核实');
    const withdrawn = desk.waitForResponse((r) =>
      r.url().endsWith(`/api/items/${item.id}/disclosure/withdraw`),
    );
    await desk.getByTestId('disclosure-withdraw-dialog-ok').click();
    expect((await withdrawn).status()).toBe(200);
    await expect
      .poll(() => textOf(card.getByTestId('disclosure-status')), { timeout: WAIT_MS })
      .toBe('未公开');
    await desk.locator('[data-testid="item-event"][data-action="undisclose"]').waitFor();

    await phone.goto(itemUrl);
    await phone.getByTestId('portal-gone').waitFor();
    await phone.goto('/portal?tab=items');
    await phone.getByTestId('portal-items').waitFor();
    expect(await bodyText(phone)).not.toContain(PUBLIC_TITLE);
  });
});
