/**
 * Feedback on items (采用与批示) in the browser, with the demo province: the editor records on
 * one of the member's published items an adoption by 全国政协办公厅 (with a scan of the notice)
 * and an instruction of a 省主要领导 (a failed save keeps every word typed); the member, on a
 * phone, opens the item from the notification bell and reads both records and the scan; the
 * editor revokes one with a reason and the member sees it struck through as 已撤销. On an issued
 * issue, the editor records an adoption of the whole issue and is told how many items it went to.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  type Harness,
  loginAs,
  pickOption,
  registerHarness,
  toast,
  WAIT_MS,
} from './harness.ts';

let h: Harness;

registerHarness((started) => {
  h = started;
});

const db = () => h.ctx.db.kysely;

const PUBLICATION = '《人民政协信息》第45期';
const LEADER = '王明远';
const INSTRUCTION = '此件反映的问题具有普遍性，请省民政厅会同省财政厅研究提出具体措施。';
const REVOKE_REASON = '登记有误：实为综合采用，另行登记。';
const SCAN = 'adoption-notice.png';
/** A 1×1 PNG: what a scanner saves, in miniature. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function userId(login: string): Promise<number> {
  return (await db().selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow())
    .id;
}

/** One of the member's items that has gone out (已编发/已上报) and has no feedback yet. */
async function publishedItemOfMember() {
  return db()
    .selectFrom('items')
    .select(['id', 'title'])
    .where('created_by', '=', await userId('member'))
    .where('status', 'in', ['published', 'forwarded'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('item_feedback').select('id').whereRef('item_feedback.item_id', '=', 'items.id'),
        ),
      ),
    )
    .orderBy('id')
    .executeTakeFirstOrThrow();
}

async function feedbackRows(itemId: number) {
  return db().selectFrom('item_feedback').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

async function phoneContext(): Promise<BrowserContext> {
  const context = await h.browser.newContext({
    baseURL: h.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  return context;
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage });
}

/** The 登记反馈 dialog (rendered once per page, also while closed). */
const feedbackDialog = (page: Page): Locator =>
  page.locator('.ant-modal', { has: page.getByTestId('feedback-form-step') });

function saveAnswer(page: Page, pattern: RegExp) {
  return page.waitForResponse((r) => pattern.test(r.url()) && r.request().method() === 'POST');
}

const rows = (page: Page) => page.getByTestId('item-feedback').getByTestId('feedback-row');

describe('feedback (采用与批示)', () => {
  it('the office records an adoption and an instruction with a scan; the member reads them on a phone; a revoked record stays, struck through', async () => {
    const item = await publishedItemOfMember();

    // ------------------------------------------------------------- the editor: 采用 with a scan
    const page = await h.newPage();
    await loginAs(page, 'editor');
    await page.goto(`/items/${item.id}`);
    await page.getByTestId('feedback-empty').waitFor();
    const steps = (await page.getByTestId('item-steps').textContent()) ?? '';
    await page.getByTestId('feedback-record').click();
    const dialog = feedbackDialog(page);
    await dialog.waitFor();

    // Nothing chosen: the required fields say so in Chinese, nothing is sent.
    await dialog.getByTestId('feedback-save').click();
    await dialog.getByText('请选择采用单位').waitFor();
    await dialog.getByText('请选择采用形式').waitFor();

    await pickOption(page, dialog.getByTestId('feedback-body'), '全国政协办公厅');
    await dialog.getByText('单篇采用', { exact: true }).click();
    await dialog.getByTestId('feedback-publication').fill(PUBLICATION);
    // The date picker offers no day after today.
    await dialog.getByTestId('feedback-date').click();
    const tomorrow = page.locator('.ant-picker-dropdown:visible td.ant-picker-cell-today + td');
    if ((await tomorrow.count()) > 0)
      expect(await tomorrow.first().getAttribute('class')).toContain('ant-picker-cell-disabled');
    await page.keyboard.press('Escape');
    await shot(page, 'feedback-1-editor-adoption.png');
    const adopted = saveAnswer(page, new RegExp(`/api/items/${item.id}/feedback$`));
    await dialog.getByTestId('feedback-save').click();
    expect((await adopted).status()).toBe(200);

    // Saved: the scan of the adoption notice goes with it.
    await dialog.getByTestId('feedback-saved').waitFor();
    const uploaded = saveAnswer(page, /\/api\/feedback\/\d+\/files$/);
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: SCAN, mimeType: 'image/png', buffer: PNG });
    expect((await uploaded).status()).toBe(200);
    await dialog.getByTestId('feedback-saved-file').filter({ hasText: SCAN }).waitFor();
    await shot(page, 'feedback-2-editor-scan.png');
    await dialog.getByTestId('feedback-done').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => rows(page).count(), { timeout: WAIT_MS }).toBe(1);
    await page.getByTestId('feedback-file').filter({ hasText: SCAN }).waitFor();

    // ------------------------------------------------- 领导批示: a failed save keeps the words
    await page.getByTestId('feedback-record').click();
    await dialog.waitFor();
    // The form starts afresh after a saved record.
    expect(await dialog.getByTestId('feedback-publication').count()).toBe(1);
    expect(await dialog.getByTestId('feedback-publication').inputValue()).toBe('');
    await dialog.getByText('领导批示', { exact: true }).click();
    await dialog.getByTestId('feedback-save').click();
    await dialog.getByText('请填写批示内容').waitFor();
    await pickOption(page, dialog.getByTestId('feedback-rank'), '省主要领导');
    await dialog.getByTestId('feedback-leader').fill(LEADER);
    await dialog.getByTestId('feedback-instruction-text').fill(INSTRUCTION);

    const refusal = 'FAILED_FOR_TEST';
    await page.route(`**/api/items/${item.id}/feedback`, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: refusal, message: '服务暂时不可用，请稍后再试' } }),
          })
        : route.fallback(),
    );
    await dialog.getByTestId('feedback-save').click();
    await dialog.getByTestId('feedback-error').filter({ hasText: '服务暂时不可用' }).waitFor();
    expect(await dialog.getByTestId('feedback-instruction-text').inputValue()).toBe(INSTRUCTION);
    expect(await dialog.getByTestId('feedback-leader').inputValue()).toBe(LEADER);
    await page.unroute(`**/api/items/${item.id}/feedback`);

    const instructed = saveAnswer(page, new RegExp(`/api/items/${item.id}/feedback$`));
    await dialog.getByTestId('feedback-save').click();
    expect((await instructed).status()).toBe(200);
    await dialog.getByTestId('feedback-saved').waitFor();
    await dialog.getByTestId('feedback-done').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => rows(page).count(), { timeout: WAIT_MS }).toBe(2);
    // The timeline has the two events.
    await expect
      .poll(() => page.locator('[data-testid="item-event"][data-action="feedback"]').count(), {
        timeout: WAIT_MS,
      })
      .toBe(2);
    // Recording leaves the item where it stood: the steps keep their dates.
    expect(await page.getByTestId('item-steps').textContent()).toBe(steps);
    await page.getByTestId('item-feedback').scrollIntoViewIfNeeded();
    await shot(page, 'feedback-3-editor-item.png');

    const stored = await feedbackRows(item.id);
    expect(stored.map((r) => [r.kind, r.body, r.form, r.publication, r.rank, r.leader_name, r.text])).toEqual(
      [
        ['adoption', 'national_cppcc', 'single', PUBLICATION, null, '', ''],
        ['instruction', null, null, '', 'provincial_main', LEADER, INSTRUCTION],
      ],
    );
    const files = await db()
      .selectFrom('feedback_files')
      .selectAll()
      .where('feedback_id', '=', stored[0]!.id)
      .execute();
    expect(files.map((f) => [f.file_name, f.size])).toEqual([[SCAN, PNG.length]]);

    // ------------------------------------------------------------- the member, on a phone
    const phone = await phoneContext();
    try {
      const member = await phone.newPage();
      await loginAs(member, 'member');
      await member.getByTestId('notification-bell').click();
      const note = member
        .getByTestId('notification-row')
        .filter({ hasText: item.title })
        .filter({ hasText: '作出批示' })
        .first();
      await note.waitFor();
      await shot(member, 'feedback-4-member-bell.png');
      await note.click();
      await member.waitForURL(new RegExp(`/items/${item.id}#feedback$`));
      await expect.poll(() => rows(member).count(), { timeout: WAIT_MS }).toBe(2);
      const memberCard = member.getByTestId('item-feedback');
      const cardText = (await memberCard.textContent()) ?? '';
      expect(cardText).toContain(`全国政协办公厅单篇采用（${PUBLICATION}）`);
      expect(cardText).toContain(`省主要领导${LEADER}作出批示`);
      expect(cardText).toContain(INSTRUCTION);
      expect(cardText).toContain('林静登记');
      // Reading only: no recording, no revoking, no uploading for the author.
      expect(await memberCard.getByTestId('feedback-record').count()).toBe(0);
      expect(await memberCard.getByTestId('feedback-revoke').count()).toBe(0);
      expect(await memberCard.getByTestId('feedback-upload').count()).toBe(0);
      // The scan downloads.
      const link = memberCard.getByTestId('feedback-file').getByRole('link', { name: SCAN });
      const href = (await link.getAttribute('href')) ?? '';
      const download = await member.request.get(href);
      expect(download.status()).toBe(200);
      expect(Buffer.from(await download.body()).equals(PNG)).toBe(true);
      // Fits the phone: no sideways scrolling.
      // The score lines that came from each: the adoption and the instruction, for the member.
      const score = member.getByTestId('item-score');
      await score.waitFor();
      await expect
        .poll(async () => (await score.textContent()) ?? '', { timeout: WAIT_MS })
        .toContain('全国政协办公厅单篇采用');
      expect((await score.textContent()) ?? '').toContain('省主要领导批示');
      expect((await score.textContent()) ?? '').toContain('韩志远');
      expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(member, 'feedback-5-member-phone.png');

      // --------------------------------------------------- the editor revokes the adoption
      const adoptionRow = rows(page).filter({ hasText: '全国政协办公厅' });
      await adoptionRow.getByTestId('feedback-revoke').click();
      const revokeDialog = page.locator('.ant-modal', { has: page.getByTestId('feedback-revoke-dialog') });
      await revokeDialog.waitFor();
      await revokeDialog.getByRole('button', { name: '确认撤销' }).click();
      await revokeDialog.getByText('请填写撤销原因').waitFor();
      await revokeDialog.getByTestId('feedback-revoke-reason-input').fill(REVOKE_REASON);
      const revoked = saveAnswer(page, /\/api\/feedback\/\d+\/revoke$/);
      await revokeDialog.getByRole('button', { name: '确认撤销' }).click();
      expect((await revoked).status()).toBe(200);
      await toast(page, '反馈记录已撤销').waitFor();
      await revokeDialog.waitFor({ state: 'hidden' });
      await expect.poll(() => adoptionRow.getAttribute('data-revoked'), { timeout: WAIT_MS }).toBe('true');
      expect(await adoptionRow.getByTestId('feedback-revoke').count()).toBe(0);
      await adoptionRow.getByTestId('feedback-revoke-reason').filter({ hasText: REVOKE_REASON }).waitFor();
      await shot(page, 'feedback-6-editor-revoked.png');

      // The member sees it struck through, with the reason; the instruction stands.
      await member.reload();
      await expect.poll(() => rows(member).count(), { timeout: WAIT_MS }).toBe(2);
      const memberAdoption = rows(member).filter({ hasText: '全国政协办公厅' });
      expect(await memberAdoption.getAttribute('data-revoked')).toBe('true');
      await memberAdoption.getByTestId('feedback-revoked-tag').waitFor();
      expect(await memberAdoption.locator('del').count()).toBeGreaterThan(0);
      await memberAdoption.getByText(REVOKE_REASON, { exact: false }).waitFor();
      expect(await rows(member).filter({ hasText: LEADER }).getAttribute('data-revoked')).toBe('false');
      await member.getByTestId('item-feedback').scrollIntoViewIfNeeded();
      await shot(member, 'feedback-7-member-revoked.png');
      // Revoking the adoption took its score lines away; the instruction's remain.
      await expect
        .poll(async () => (await member.getByTestId('item-score').textContent()) ?? '', { timeout: WAIT_MS })
        .not.toContain('全国政协办公厅单篇采用');
      expect((await member.getByTestId('item-score').textContent()) ?? '').toContain('省主要领导批示');
    } catch (error) {
      for (const [i, p] of phone.pages().entries())
        await p
          .screenshot({
            path: path.join(ARTIFACTS_DIR, `failure-feedback-phone-${i + 1}.png`),
            fullPage: true,
          })
          .catch(() => {});
      throw error;
    } finally {
      await phone.close();
    }

    const after = await feedbackRows(item.id);
    expect(after[0]?.revoked_at).not.toBeNull();
    expect(after[0]?.revoke_reason).toBe(REVOKE_REASON);
    expect(after[1]?.revoked_at).toBeNull();
  });

  it('the office records an adoption of a whole issued issue on each of its items', async () => {
    const editorId = await userId('editor');
    const issue = await db()
      .selectFrom('issues')
      .select(['id', 'org_id'])
      .where('status', '=', 'issued')
      .where('compiled_by', '=', editorId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const items = await db()
      .selectFrom('issue_items')
      .select('item_id')
      .where('issue_id', '=', issue.id)
      .orderBy('position')
      .execute();
    expect(items.length).toBeGreaterThan(0);

    const page = await h.newPage();
    await loginAs(page, 'editor');
    await page.goto(`/issues/${issue.id}`);
    await page.getByTestId('issue-feedback').click();
    const dialog = feedbackDialog(page);
    await dialog.waitFor();
    await dialog.getByText(`将记入本期全部${items.length}条信息`).waitFor();
    await pickOption(page, dialog.getByTestId('feedback-body'), '省委办公厅');
    await dialog.getByText('综合采用', { exact: true }).click();
    await shot(page, 'feedback-8-issue-dialog.png');
    const saved = saveAnswer(page, new RegExp(`/api/issues/${issue.id}/feedback$`));
    await dialog.getByTestId('feedback-save').click();
    expect((await saved).status()).toBe(200);
    await toast(page, `已记入本期${items.length}条信息`).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const recorded = await db()
      .selectFrom('item_feedback')
      .select(['item_id', 'body', 'form'])
      .where('issue_id', '=', issue.id)
      .execute();
    expect(recorded.map((r) => r.item_id).sort()).toEqual(items.map((i) => i.item_id).sort());
    expect(recorded.every((r) => r.body === 'provincial_party' && r.form === 'combined')).toBe(true);

    // Each item shows it, naming the issue.
    await page.goto(`/items/${items[0]!.item_id}`);
    const row = rows(page).filter({ hasText: '省委办公厅综合采用' });
    await row.waitFor();
    expect((await row.textContent()) ?? '').toMatch(/随《.+》\d{4}年第\d+期整期登记/);
  });
});
