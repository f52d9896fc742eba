/**
 * Referral to a department (交办 → 签收 → 办复 → 评价) in the browser, on the demo province: the
 * editor refers one of the member's published items to 提案委员会 with a time limit; the
 * committee's handler (demo account `handler`) finds it in 交办件, reads the item, signs for it,
 * replies and uploads the reply letter's scan; the editor accepts the reply (满意); the member, on
 * a phone, reads the reply and the review on the item page (without the scan) and has been told.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recordFeedback } from '../server/modules/feedback/feedback.service.ts';
import { actorFor, WHO } from '../server/test/items.ts';
import {
  ARTIFACTS_DIR,
  type Harness,
  loginAs,
  openDropdown,
  registerHarness,
  textOf,
  WAIT_MS,
} from './harness.ts';

let h: Harness;

registerHarness((started) => {
  h = started;
});

const db = () => h.ctx.db.kysely;
const NOTE = '请研究提出办理意见，并于期限内书面办复。';
const REPLY = '经研究，已将该建议列入明年重点提案督办计划，由提案委员会牵头开展专题调研。';
const SCAN = 'reply-letter.pdf';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(128, 32), Buffer.from('\n%%EOF\n')]);

async function userId(login: string): Promise<number> {
  return (await db().selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow())
    .id;
}

/** One of the member's items that has gone out and was never referred. */
async function publishedItemOfMember() {
  return db()
    .selectFrom('items')
    .select(['id', 'title'])
    .where('created_by', '=', await userId('member'))
    .where('status', 'in', ['published', 'forwarded'])
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('referrals').select('id').whereRef('referrals.item_id', '=', 'items.id')),
      ),
    )
    .orderBy('id')
    .executeTakeFirstOrThrow();
}

const dialogOf = (page: Page, testId: string): Locator =>
  page.locator('.ant-modal', { has: page.getByTestId(testId) });

/** Waits for the referral on the page to reach `state`. */
async function expectState(page: Page, state: string) {
  await expect
    .poll(() => page.getByTestId('referral').first().getAttribute('data-state'), { timeout: WAIT_MS })
    .toBe(state);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage: true });
}

describe('referral to a department (交办与办复)', () => {
  it('the office refers, the department signs and replies online, the office accepts, the author reads the reply', async () => {
    const item = await publishedItemOfMember();

    // ------------------------------------------------------------------ the editor: 交办
    const office = await h.newPage();
    await loginAs(office, 'editor');
    await office.goto(`/items/${item.id}`);
    await office.getByTestId('referrals-empty').waitFor();
    await office.getByTestId('referral-create').click();
    const create = dialogOf(office, 'referral-create-dialog');
    await create.waitFor();
    // A multiple select stays open after a choice: pick, then close it.
    await create.getByTestId('referral-orgs').click();
    await office.keyboard.type('提案');
    await openDropdown(office)
      .locator('.ant-select-item-option', { hasText: /^提案委员会$/ })
      .click();
    await office.keyboard.press('Escape');
    await create.getByTestId('referral-days').fill('10');
    await create.getByTestId('referral-note').fill(NOTE);
    await create.getByRole('button', { name: /^交\s*办$/ }).click();
    await expectState(office, 'sent');
    const referral = await db()
      .selectFrom('referrals')
      .selectAll()
      .where('item_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(referral.deadline_days).toBe(10);
    expect(await textOf(office.getByTestId('referral-org'))).toBe('提案委员会');

    // ------------------------------------------------------ the committee's handler: 签收, 办复
    const dept = await h.newPage();
    await loginAs(dept, 'handler');
    await dept.getByRole('menuitem', { name: '交办件' }).click();
    const row = dept.locator(`[data-testid="referral-row"][data-referral-id="${referral.id}"]`);
    await row.waitFor();
    expect(await textOf(row)).toContain(item.title);
    await row.click();
    await dept.getByTestId('referral-page').waitFor();
    expect(await textOf(dept.getByTestId('item-title'))).toBe(item.title);
    await dept.getByTestId('referral-sign').click();
    const sign = dialogOf(dept, 'referral-step-dialog');
    await sign.getByTestId('referral-step-submit').click();
    await expectState(dept, 'signed');
    await dept.getByTestId('referral-reply').click();
    const reply = dialogOf(dept, 'referral-step-dialog');
    await reply.getByTestId('referral-reply-input').fill(REPLY);
    await reply.getByTestId('referral-step-submit').click();
    await expectState(dept, 'replied');
    const chooser = dept.waitForEvent('filechooser');
    await dept.getByTestId('referral-upload').click();
    await (await chooser).setFiles({ name: SCAN, mimeType: 'application/pdf', buffer: PDF });
    await dept.getByRole('link', { name: SCAN }).waitFor();
    await shot(dept, 'referrals-handler.png');

    // ------------------------------------------------------------------ the editor: 评价
    await office.reload();
    await expectState(office, 'replied');
    expect(await textOf(office.getByTestId('referral-reply-text'))).toBe(REPLY);
    await office.getByRole('link', { name: SCAN }).waitFor();
    await office.getByTestId('referral-review').click();
    const review = dialogOf(office, 'referral-step-dialog');
    await review.getByText('满意', { exact: true }).click();
    await review.getByTestId('referral-step-submit').click();
    await expectState(office, 'closed');
    await shot(office, 'referrals-office.png');

    // ------------------------------------------------------------ the member, on a phone
    const context = await h.browser.newContext({
      baseURL: h.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    context.setDefaultTimeout(WAIT_MS);
    try {
      const phone = await context.newPage();
      await loginAs(phone, 'member');
      await phone.goto(`/items/${item.id}`);
      const section = phone.getByTestId('item-referrals');
      await section.getByTestId('referral-reply-text').waitFor();
      expect(await textOf(section.getByTestId('referral-reply-text'))).toBe(REPLY);
      expect(await textOf(section.getByTestId('referral-review'))).toContain('满意');
      expect(await section.getByRole('link', { name: SCAN }).count()).toBe(0);
      expect(await section.getByTestId('referral-create').count()).toBe(0);
      expect(await section.locator('button').count()).toBe(0);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await shot(phone, 'referrals-member-phone.png');
    } finally {
      await context.close();
    }
    const told = await db()
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', await userId('member'))
      .where('kind', '=', 'item_reply')
      .execute();
    expect(told.map((n) => n.title)).toContain(`信息《${item.title}》：提案委员会已办复`);
  });

  it('the office follows up an instruction (督办) and reminds; the administrator enters the year’s holidays', async () => {
    const item = await publishedItemOfMember();
    const editorId = await userId('editor');
    const editor = await actorFor(h.ctx, editorId);
    await recordFeedback(h.ctx, editor, WHO, item.id, {
      kind: 'instruction',
      leaderName: '王明远',
      rank: 'provincial_main',
      text: '请省政协提案委员会会同有关部门研究落实。',
      occurredOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      note: '',
    });

    const office = await h.newPage();
    await loginAs(office, 'editor');
    await office.goto(`/items/${item.id}`);
    await office.getByTestId('supervision-create').click();
    const create = dialogOf(office, 'supervision-create-dialog');
    await create.getByTestId('supervision-orgs').click();
    await office.keyboard.type('提案');
    await openDropdown(office)
      .locator('.ant-select-item-option', { hasText: /^提案委员会$/ })
      .click();
    await office.keyboard.press('Escape');
    await create.getByTestId('supervision-due').click();
    await office.locator('.ant-picker-dropdown:visible td.ant-picker-cell-today').click();
    await create.getByRole('button', { name: /^立\s*项$/ }).click();
    await office.getByTestId('item-supervisions').getByTestId('supervision').waitFor();

    await office.getByRole('menuitem', { name: '督办' }).click();
    const card = office
      .getByTestId('supervision-list')
      .getByTestId('supervision')
      .filter({ hasText: item.title });
    await card.waitFor();
    await card.getByTestId('supervision-remind').click();
    const remind = dialogOf(office, 'supervision-step-dialog');
    await remind.getByRole('button', { name: '发送催办' }).click();
    await remind.waitFor({ state: 'hidden' });
    await expect.poll(() => textOf(card), { timeout: WAIT_MS }).toContain('已催办1次');
    const handlerTold = await db()
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', await userId('handler'))
      .where('title', '=', `催办：《${item.title}》`)
      .execute();
    expect(handlerTold).toHaveLength(1);
    await shot(office, 'supervision-list.png');

    const admin = await h.newPage();
    await loginAs(admin, 'sysadmin');
    await admin.goto('/settings');
    await admin.getByTestId('settings-add-year').click();
    await admin.getByTestId('settings-holidays').fill('2026-10-01\n2026-10-02, 2026-10-05');
    await admin.getByTestId('settings-workdays').fill('2026-10-10');
    await admin.getByTestId('settings-submit').click();
    await expect
      .poll(async () => (await h.ctx.settings.get()).workCalendar.flatMap((y) => y.holidays), {
        timeout: WAIT_MS,
      })
      .toEqual(['2026-10-01', '2026-10-02', '2026-10-05']);
    expect((await h.ctx.settings.get()).workCalendar[0]?.workdays).toEqual(['2026-10-10']);
  });
});
