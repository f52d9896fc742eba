/**
 * The life of one item across two people, in order: a member writes a 社情民意 item on a phone,
 * loses the connection while writing and gets every word back from the browser, submits it;
 * the Information Office editor registers it, edits it into a new version (the diff shows),
 * returns it with a reason; the member reads the reason, revises and resubmits; the editor
 * registers it again and selects it (拟用). States are checked on the page and in the database.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { act, actorFor } from '../server/test/items.ts';
import { submitAsDemoMember } from './demo-items.ts';
import {
  ARTIFACTS_DIR,
  type Harness,
  loginAs,
  openDropdown,
  pickOption,
  registerHarness,
  textOf,
  WAIT_MS,
} from './harness.ts';

let h: Harness;

registerHarness((started) => {
  h = started;
});

const TITLE = '关于破解农村留守老人助餐难题的建议';
/** What Word puts on the clipboard: full-width indents, tabs, runs of empty paragraphs. */
const WORD_SITUATION =
  '\u3000\u3000据调查，我省农村60周岁以上留守老人约120万人，\t其中独居老人占比超过三成。\r\n\r\n\r\n' +
  '\u3000\u3000部分村级助餐点因资金不足、运营成本高，开办不久即停办。  \r\n\u00a0\r\n';
const CLEAN_SITUATION =
  '据调查，我省农村60周岁以上留守老人约120万人，其中独居老人占比超过三成。\n' +
  '部分村级助餐点因资金不足、运营成本高，开办不久即停办。';
const ANALYSIS = '一是筹资渠道单一，主要依靠村集体补贴；二是专业运营力量缺乏。';
const SUGGESTION = '建议将农村助餐纳入民生实事，省级财政按服务人次给予补助。';
const OFFLINE_1 = '同时鼓励乡镇卫生院、邮政网点参与配送。';
const OFFLINE_2 = '并建立助餐服务质量评价机制。';
const EDITOR_SUGGESTION = '建议将农村老年助餐纳入省级民生实事，按服务人次给予补助，并鼓励社会力量参与。';
const ATTACHMENT_TEXT = '某县12个村级助餐点2024—2025年运营情况统计表\n';
const RETURN_REASON = '请补充典型案例和近两年的具体数据，原因分析再具体一些。';
const REVISED_ANALYSIS = `${ANALYSIS}三是缺少典型案例：如某县12个助餐点两年内停办9个。`;

const EDITED_TITLE = '关于完善农村养老服务供给体系的建议';
const DIRECTOR_SUGGESTION = '建议设立省级农村养老服务专项资金，推进县域医共体与养老机构签约合作。';

/** An item the demo member wrote and submitted and the editor registered, made through the services. */
async function registeredItem(): Promise<number> {
  const editor = await actorFor(
    h.ctx,
    (
      await h.ctx.db.kysely
        .selectFrom('users')
        .select('id')
        .where('login', '=', 'editor')
        .executeTakeFirstOrThrow()
    ).id,
  );
  const { id } = await submitAsDemoMember(h.ctx);
  await act(h.ctx, editor, id, 'register');
  return id;
}

async function item(id: number) {
  return h.ctx.db.kysely.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function versions(id: number) {
  const rows = await h.ctx.db.kysely
    .selectFrom('item_versions')
    .select(['no', 'kind'])
    .where('item_id', '=', id)
    .orderBy('no')
    .execute();
  return rows.map((r) => r.kind);
}

async function events(id: number) {
  const rows = await h.ctx.db.kysely
    .selectFrom('item_events')
    .select(['action', 'reason'])
    .where('item_id', '=', id)
    .orderBy('id')
    .execute();
  return rows;
}

/** A phone: 375×812, touch, mobile user agent semantics; closed by the caller. */
async function phoneContext(): Promise<BrowserContext> {
  const context = await h.browser.newContext({
    baseURL: h.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  return context;
}

/** The harness captures its own pages on failure; the phone contexts are captured here. */
async function capture(context: BrowserContext, name: string): Promise<void> {
  for (const [i, page] of context.pages().entries())
    await page
      .screenshot({ path: path.join(ARTIFACTS_DIR, `failure-items-${name}-${i + 1}.png`), fullPage: true })
      .catch(() => {});
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage: true });
}

/** Pastes `text` into a field as the browser would from Word (text/plain on the clipboard). */
async function pasteInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function pickCascader(page: Page, control: Locator, labels: string[]): Promise<void> {
  await control.click();
  for (const label of labels) {
    const option = page.locator('.ant-cascader-menu-item:visible', { hasText: label }).first();
    await option.waitFor();
    await option.click();
  }
  await page.locator('.ant-cascader-dropdown:visible').waitFor({ state: 'hidden' });
}

/** The text of a form field (textarea or input). */
const fieldText = (field: Locator) => field.inputValue();

async function status(page: Page): Promise<string> {
  const tag = page.getByTestId('item-status');
  await tag.waitFor();
  return (await tag.getAttribute('data-status')) ?? '';
}

async function expectStatus(page: Page, expected: string): Promise<void> {
  await expect.poll(() => status(page), { timeout: WAIT_MS }).toBe(expected);
}

/** Ticks all six declarations and confirms the submission. */
async function declareAndSubmit(page: Page, shotName?: string): Promise<void> {
  const dialog = page.locator('.ant-modal', { hasText: '报送前请逐项确认' });
  await dialog.waitFor();
  expect(await dialog.getByTestId('declarations-confirm').isDisabled()).toBe(true);
  for (const key of ['petition', 'litigation', 'personnel', 'secret', 'privacy', 'copied'])
    await dialog.getByTestId(`declaration-${key}`).click();
  if (shotName) await shot(page, shotName);
  const answered = page.waitForResponse(
    (r) => r.url().includes('/transitions') && r.request().method() === 'POST',
  );
  await dialog.getByTestId('declarations-confirm').click();
  expect((await answered).status()).toBe(200);
}

async function takeAction(page: Page, action: string): Promise<void> {
  const answered = page.waitForResponse(
    (r) => r.url().includes('/transitions') && r.request().method() === 'POST',
  );
  await page.getByTestId(`item-action-${action}`).click();
  expect((await answered).status()).toBe(200);
}

describe('items', () => {
  it('a member writes on a phone through a lost connection; the office registers, edits, returns; the member revises; the office selects it', async () => {
    // ---------------------------------------------------------------- the member writes
    const phone = await phoneContext();
    let itemId = 0;
    try {
      const page = await phone.newPage();
      await loginAs(page, 'member');
      await page.getByTestId('menu-toggle').click();
      await page.getByTestId('menu-my-items').click();
      await page.waitForURL(/\/my-items$/);
      await page
        .getByTestId('my-item-cards')
        .or(page.getByText('还没有信息，点击“写信息”开始撰写'))
        .waitFor();
      await page.getByTestId('write-item').click();
      await page.waitForURL(/\/my-items\/new$/);

      await page.getByTestId('item-title').fill(TITLE);
      // Marks the field: the same element must still be there once the draft has an address.
      await page.getByTestId('item-title').evaluate((el) => el.setAttribute('data-session', 'first'));
      await pickCascader(page, page.getByTestId('item-topic'), ['社会建设', '养老托育']);
      await pickOption(page, page.getByTestId('item-direction'), '下接地气');
      // Pasted from Word: plain paragraphs, no indents, no empty lines.
      await pasteInto(page.getByTestId('item-situation'), WORD_SITUATION);
      await expect.poll(() => fieldText(page.getByTestId('item-situation'))).toBe(CLEAN_SITUATION);
      await page.getByTestId('item-analysis').fill(ANALYSIS);
      await page.getByTestId('item-suggestion').fill(SUGGESTION);
      await page.getByTestId('item-phone').fill('13905510123');
      // The first autosave creates the draft on the server and the address follows it.
      await page.waitForURL(/\/my-items\/\d+\/edit$/);
      itemId = Number(/\/my-items\/(\d+)\/edit/.exec(page.url())?.[1]);
      // The writing session went on: no reload, nothing re-initialised under the author's fingers.
      expect(await page.getByTestId('item-title').getAttribute('data-session')).toBe('first');
      // The live count: the three sections without whitespace.
      const count = Number(await page.getByTestId('char-count').getAttribute('data-count'));
      expect(count).toBeGreaterThan(80);
      expect(await textOf(page.getByTestId('char-count'))).toContain('建议不超过1500字');

      // Autosaved to the server a moment after typing stops.
      await expect
        .poll(async () => (await item(itemId)).contact_phone, { timeout: WAIT_MS })
        .toBe('13905510123');
      const saved = await item(itemId);
      expect(saved.status).toBe('draft');
      expect(saved.title).toBe(TITLE);
      expect(saved.situation).toBe(CLEAN_SITUATION);
      expect(saved.direction).toBe('grassroots');

      // The connection drops; the member keeps typing; the banner says the text is safe.
      await phone.setOffline(true);
      const suggestion = page.getByTestId('item-suggestion');
      await suggestion.click();
      await suggestion.press('End');
      await suggestion.pressSequentially(OFFLINE_1);
      await page.getByTestId('offline-banner').waitFor();
      expect(await textOf(page.getByTestId('offline-banner'))).toContain(
        '网络已断开，内容已保存在本机，恢复网络后将自动同步',
      );
      const stored = await page.evaluate((id) => {
        const key = Object.keys(localStorage).find(
          (k) => k.startsWith('minyi.item-draft.') && k.endsWith(`.${id}`),
        );
        return key ? localStorage.getItem(key) : null;
      }, itemId);
      expect(stored).toContain(OFFLINE_1);
      await page.waitForTimeout(3500);
      expect((await item(itemId)).suggestion).toBe(SUGGESTION);

      // It comes back: the text goes to the server by itself.
      await phone.setOffline(false);
      await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
      await expect
        .poll(async () => (await item(itemId)).suggestion, { timeout: WAIT_MS })
        .toBe(SUGGESTION + OFFLINE_1);

      // Offline again; this time the page is closed before the connection returns.
      await phone.setOffline(true);
      await suggestion.press('End');
      await suggestion.pressSequentially(OFFLINE_2);
      await page.getByTestId('offline-banner').waitFor();
      await page.close();
      await phone.setOffline(false);
      expect((await item(itemId)).suggestion).toBe(SUGGESTION + OFFLINE_1);

      // Reopened: the browser copy is newer than the server's and is offered back.
      const again = await phone.newPage();
      await again.goto(`/my-items/${itemId}/edit`);
      const restore = again.getByTestId('restore-local-draft');
      await restore.waitFor();
      await again.getByText('发现本机保存的草稿').waitFor();
      await restore.click();
      await expect
        .poll(() => fieldText(again.getByTestId('item-suggestion')))
        .toBe(SUGGESTION + OFFLINE_1 + OFFLINE_2);
      await expect
        .poll(async () => (await item(itemId)).suggestion, { timeout: WAIT_MS })
        .toBe(SUGGESTION + OFFLINE_1 + OFFLINE_2);
      // A supporting file goes with it.
      const uploaded = again.waitForResponse((r) => r.url().endsWith(`/items/${itemId}/attachments`));
      await again
        .getByTestId('item-attachments')
        .locator('input[type="file"]')
        .setInputFiles({
          name: '调研数据.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from(ATTACHMENT_TEXT),
        });
      expect((await uploaded).status()).toBe(200);
      await again.getByTestId('attachment-row').filter({ hasText: '调研数据.txt' }).waitFor();
      expect(await again.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(again, 'items-phone-editor.png');

      // Submitted with the six declarations; the author can no longer change it.
      await again.getByTestId('item-submit').click();
      await declareAndSubmit(again, 'items-phone-declarations.png');
      await again.waitForURL(new RegExp(`/items/${itemId}$`));
      await expectStatus(again, 'submitted');
      expect((await item(itemId)).status).toBe('submitted');
      expect(await versions(itemId)).toEqual(['original']);
      await again.goto(`/my-items/${itemId}/edit`);
      await again.getByTestId('item-editor-readonly').waitFor();
      expect(await again.getByTestId('item-submit').count()).toBe(0);
      // The browser copy has done its job.
      expect(
        await again.evaluate(() =>
          Object.keys(localStorage).filter((k) => k.startsWith('minyi.item-draft.')),
        ),
      ).toEqual([]);
    } catch (error) {
      await capture(phone, 'member-writes');
      throw error;
    } finally {
      await phone.close();
    }

    // ---------------------------------------------------------------- the office: register, edit, return
    const desk = await h.newPage();
    await loginAs(desk, 'editor');
    await desk.goto('/workbench');
    const link = desk.getByTestId('workbench-item-link').filter({ hasText: TITLE });
    await link.first().waitFor();
    await link.first().click();
    await desk.waitForURL(new RegExp(`/items/${itemId}$`));
    await expectStatus(desk, 'submitted');
    // The author's attachment downloads from the office's page.
    const file = desk.getByTestId('attachment-row').filter({ hasText: '调研数据.txt' }).locator('a');
    const href = (await file.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^/api/items/${itemId}/attachments/\\d+$`));
    const download = await desk.request.get(href);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe(ATTACHMENT_TEXT);
    await takeAction(desk, 'register');
    await expectStatus(desk, 'registered');
    const registered = await item(itemId);
    expect(registered.number).not.toBeNull();
    expect(await textOf(desk.getByTestId('item-number'))).toContain(registered.number ?? '');

    // 编辑加工: a new version; the difference shows word by word.
    await desk.getByTestId('item-action-edit').click();
    const edited = desk.getByTestId('item-edit-suggestion');
    await edited.waitFor();
    expect(await fieldText(edited)).toBe(SUGGESTION + OFFLINE_1 + OFFLINE_2);
    await edited.fill(EDITOR_SUGGESTION);
    const savedEdit = desk.waitForResponse((r) => r.url().includes('/transitions'));
    await desk.getByTestId('item-edit-save').click();
    expect((await savedEdit).status()).toBe(200);
    await expectStatus(desk, 'editing');
    expect(await versions(itemId)).toEqual(['original', 'edit']);
    expect((await item(itemId)).suggestion).toBe(EDITOR_SUGGESTION);
    const diff = desk.getByTestId('version-diff');
    await diff.waitFor();
    await diff.locator('ins[data-diff="insert"]').first().waitFor();
    expect(await diff.locator('del[data-diff="delete"]').count()).toBeGreaterThan(0);
    expect(await textOf(diff.getByTestId('diff-field-suggestion'))).toContain('社会力量');

    // Returned with a reason the author will read.
    await desk.getByTestId('item-action-return').click();
    await desk.getByTestId('item-reason-input').fill(RETURN_REASON);
    const returned = desk.waitForResponse((r) => r.url().includes('/transitions'));
    await desk.locator('.ant-modal').getByRole('button', { name: '确认退回修改' }).click();
    expect((await returned).status()).toBe(200);
    await expectStatus(desk, 'returned');
    await desk.getByTestId('item-steps-reason').waitFor();
    expect(await textOf(desk.getByTestId('item-timeline'))).toContain(RETURN_REASON);
    expect((await item(itemId)).last_reason).toBe(RETURN_REASON);
    await shot(desk, 'items-desk-item.png');

    // ---------------------------------------------------------------- the member revises and resubmits
    const phone2 = await phoneContext();
    try {
      const page = await phone2.newPage();
      await loginAs(page, 'member');
      await page.goto('/my-items');
      const card = page.getByTestId('my-item-card').filter({ hasText: TITLE });
      await card.waitFor();
      expect(await textOf(card.getByTestId('return-reason'))).toContain(RETURN_REASON);
      expect(await card.getByTestId('my-item-status').getAttribute('data-status')).toBe('returned');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(page, 'items-phone-list.png');

      // The bell has the news too, and leads to the item.
      const bell = page.getByTestId('notification-bell');
      await expect.poll(async () => Number(await bell.getAttribute('data-unread'))).toBeGreaterThan(0);
      await bell.click();
      const note = page.getByTestId('notification-row').filter({ hasText: '退回修改' }).first();
      await note.waitFor();
      expect(await textOf(note)).toContain(RETURN_REASON);
      await page.getByTestId('notifications-read-all').click();
      await expect.poll(async () => Number(await bell.getAttribute('data-unread'))).toBe(0);
      await note.click();
      await page.waitForURL(new RegExp(`/items/${itemId}$`));
      await expectStatus(page, 'returned');
      expect(await textOf(page.getByTestId('item-return-reason'))).toContain(RETURN_REASON);
      // The author sees the office's edit in the versions.
      await page.getByTestId('version-diff').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(page, 'items-phone-item.png');

      await page.getByTestId('item-revise').click();
      await page.waitForURL(new RegExp(`/my-items/${itemId}/edit$`));
      expect(await textOf(page.getByTestId('editor-return-reason'))).toContain(RETURN_REASON);
      // The author revises on top of the editor's text.
      expect(await fieldText(page.getByTestId('item-suggestion'))).toBe(EDITOR_SUGGESTION);
      await page.getByTestId('item-analysis').fill(REVISED_ANALYSIS);
      await page.getByTestId('item-submit').click();
      await declareAndSubmit(page);
      await page.waitForURL(new RegExp(`/items/${itemId}$`));
      await expectStatus(page, 'submitted');
      const resubmitted = await item(itemId);
      expect(resubmitted.status).toBe('submitted');
      expect(resubmitted.analysis).toBe(REVISED_ANALYSIS);
      expect(await versions(itemId)).toEqual(['original', 'edit', 'resubmission']);
    } catch (error) {
      await capture(phone2, 'member-revises');
      throw error;
    } finally {
      await phone2.close();
    }

    // ---------------------------------------------------------------- the office registers again and selects it
    await desk.reload();
    await expectStatus(desk, 'submitted');
    await takeAction(desk, 'register');
    await expectStatus(desk, 'registered');
    // A resubmitted item keeps its number.
    expect((await item(itemId)).number).toBe(registered.number);
    await takeAction(desk, 'select');
    await expectStatus(desk, 'selected');
    expect((await item(itemId)).status).toBe('selected');
    expect((await events(itemId)).map((e) => e.action)).toEqual([
      'submit',
      'register',
      'edit',
      'return',
      'resubmit',
      'register',
      'select',
    ]);
    expect((await events(itemId)).find((e) => e.action === 'return')?.reason).toBe(RETURN_REASON);
    // The dropdowns used above are all closed.
    expect(await openDropdown(desk).count()).toBe(0);
  });

  it('two editors at once: the soft lock names the other, the version check keeps both texts', async () => {
    const id = await registeredItem();
    const original = await item(id);

    // The director opens 编辑加工 first and holds the lock.
    const director = await h.newPage();
    await loginAs(director, 'director');
    await director.goto(`/items/${id}`);
    await expectStatus(director, 'registered');
    const locked = director.waitForResponse((r) => r.url().endsWith(`/items/${id}/lock`));
    await director.getByTestId('item-action-edit').click();
    await locked;
    await director.getByTestId('item-edit-suggestion').waitFor();

    // The editor is told who is editing, and edits anyway.
    const editor = await h.newPage();
    await loginAs(editor, 'editor');
    await editor.goto(`/items/${id}`);
    await editor.getByTestId('item-action-edit').click();
    const held = editor.getByTestId('item-lock-held');
    await held.waitFor();
    expect(await textOf(held)).toContain('正在由何建华编辑');
    expect(await editor.getByTestId('item-edit-form').count()).toBe(0);
    await editor.getByTestId('item-edit-anyway').click();
    await editor.getByTestId('item-edit-title').fill(EDITED_TITLE);
    await editor.getByTestId('item-edit-save').click();
    await expectStatus(editor, 'editing');
    expect((await item(id)).title).toBe(EDITED_TITLE);

    // The director saves on the old version: refused, nothing overwritten, the text kept.
    await director.getByTestId('item-edit-suggestion').fill(DIRECTOR_SUGGESTION);
    const refused = director.waitForResponse((r) => r.url().includes('/transitions'));
    await director.getByTestId('item-edit-save').click();
    expect((await refused).status()).toBe(409);
    const stale = director.getByTestId('item-stale');
    await stale.waitFor();
    expect(await textOf(stale)).toContain('该信息已被他人保存了新版本');
    expect(await fieldText(director.getByTestId('item-edit-suggestion'))).toBe(DIRECTOR_SUGGESTION);
    expect((await item(id)).title).toBe(EDITED_TITLE);
    expect((await item(id)).suggestion).toBe(original.suggestion);

    // 载入最新版本: the difference between the latest and the director's text, field by field.
    await director.getByTestId('item-load-latest').click();
    const diff = director.getByTestId('stale-diff');
    await diff.waitFor();
    // Struck: what the latest has and the director's text lacks; underlined: the director's own words.
    const titleDiff = diff.getByTestId('diff-field-title');
    expect((await titleDiff.locator('del').allTextContents()).join('')).toContain('完善');
    expect((await titleDiff.locator('ins').allTextContents()).join('')).toContain('加强');
    expect(
      (await diff.getByTestId('diff-field-suggestion').locator('ins').allTextContents()).join(''),
    ).toContain('县域医共体');
    await shot(director, 'items-desk-stale.png');

    // The director takes the latest text and applies the suggestion again: both edits survive.
    await director.getByTestId('item-take-latest').click();
    expect(await fieldText(director.getByTestId('item-edit-title'))).toBe(EDITED_TITLE);
    await director.getByTestId('item-edit-suggestion').fill(DIRECTOR_SUGGESTION);
    const saved = director.waitForResponse((r) => r.url().includes('/transitions'));
    await director.getByTestId('item-edit-save').click();
    expect((await saved).status()).toBe(200);
    await director.getByTestId('item-edit-form').waitFor({ state: 'detached' });
    const final = await item(id);
    expect(final.title).toBe(EDITED_TITLE);
    expect(final.suggestion).toBe(DIRECTOR_SUGGESTION);
    expect(await versions(id)).toEqual(['original', 'edit', 'edit']);
    // Leaving the editor let go of the lock.
    await expect.poll(async () => (await item(id)).lock_user_id, { timeout: WAIT_MS }).toBeNull();

    // The director hands the work to himself: a staff list of the receiving office.
    await director.getByTestId('item-action-assign').click();
    await pickOption(director, director.getByTestId('item-assignee-select'), '何建华');
    const assigned = director.waitForResponse((r) => r.url().includes('/transitions'));
    await director.locator('.ant-modal').getByRole('button', { name: '确认分配' }).click();
    expect((await assigned).status()).toBe(200);
    await expect.poll(() => textOf(director.getByTestId('item-assignee'))).toBe('何建华');
    const directorId = (
      await h.ctx.db.kysely
        .selectFrom('users')
        .select('id')
        .where('login', '=', 'director')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await item(id)).assignee_id).toBe(directorId);

    // The member's liaison reads the unit's items on 我的信息 → 本单位信息.
    const liaison = await h.newPage();
    await loginAs(liaison, 'liaison');
    await liaison.goto('/my-items');
    await liaison.getByRole('tab', { name: '本单位信息' }).click();
    const row = liaison.getByTestId('my-items-table').locator('tr.ant-table-row', { hasText: EDITED_TITLE });
    await row.waitFor();
    expect(await textOf(row)).toContain('韩志远');
    await shot(liaison, 'items-desk-unit.png');
    // Out of sight or missing: one clear notice.
    await liaison.goto('/items/99999999');
    await liaison.getByTestId('item-not-found').waitFor();
    expect(await textOf(liaison.getByTestId('item-not-found'))).toContain('信息不存在或您无权查看');

    // 消息提醒设置: a switch per kind, kept on the server.
    await director.goto('/profile');
    const duty = director.getByTestId('notification-pref-duty');
    await duty.waitFor();
    expect(await duty.getAttribute('aria-checked')).toBe('true');
    const put = director.waitForResponse(
      (r) => r.url().endsWith('/api/notification-prefs') && r.request().method() === 'PUT',
    );
    await duty.click();
    expect((await put).status()).toBe(200);
    const prefs = await h.ctx.db.kysely
      .selectFrom('notification_prefs')
      .innerJoin('users', 'users.id', 'notification_prefs.user_id')
      .select(['notification_prefs.kind', 'notification_prefs.enabled'])
      .where('users.login', '=', 'director')
      .execute();
    expect(prefs.find((p) => p.kind === 'duty')?.enabled).toBe(0);
    expect(prefs.find((p) => p.kind === 'item_status')?.enabled).toBe(1);
  });
});
