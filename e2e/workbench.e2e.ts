/**
 * The information office at work, one story in order: a member submits two items (through the
 * API), the director registers and assigns both from the workbench in one go, sets up a post
 * with its A and B holders, and puts an officer on duty today, who then shows on the workbench.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs as apiLogin, call } from '../server/test/factories.ts';
import { ITEM_DECLARATION_KEYS } from '../shared/items.ts';
import {
  type Harness,
  loginAs,
  PASSWORD,
  pickOption,
  registerHarness,
  textOf,
  toast,
  WAIT_MS,
} from './harness.ts';

const TITLES = ['关于完善社区嵌入式托育服务的建议', '关于加强农村饮用水安全保障的建议'];
/** Demo staff of the provincial Information Office (see server/demo). */
const EDITOR = '林静';
const DIRECTOR = '何建华';

let h: Harness;

registerHarness((started) => {
  h = started;
});

/** A member writes and submits the items, as the writing screen would. */
async function submitItems(): Promise<void> {
  const member = await apiLogin(h.app, 'member', PASSWORD);
  const me = (await call(h.app, member, 'GET', '/api/me')).json();
  const meta = (await call(h.app, member, 'GET', '/api/item-settings')).json();
  const topics = (await call(h.app, member, 'GET', '/api/topics')).json();
  const topic = topics.data.find((t: { parentId: number | null }) => t.parentId !== null);
  for (const title of TITLES) {
    const draft = await call(h.app, member, 'POST', '/api/items', {
      stream: 'sqmy',
      title,
      situation: '群众反映相关服务供给不足，基层保障能力有待提升。',
      analysis: '统筹规划和投入机制尚不完善。',
      suggestion: '建议加大统筹力度，完善长效机制。',
      direction: 'grassroots',
      topicId: topic.id,
      submittingOrgId: meta.data.submittingOrgs[0].id,
      authors: [{ userId: me.data.id }],
      contactPhone: '13912345678',
    });
    expect(draft.statusCode).toBe(200);
    const { id, version } = draft.json().data;
    const submitted = await call(h.app, member, 'POST', `/api/items/${id}/transitions`, {
      action: 'submit',
      version,
      declarations: ITEM_DECLARATION_KEYS,
    });
    expect(submitted.statusCode).toBe(200);
  }
}

function row(page: Page, title: string) {
  return page.getByTestId('workbench-table').locator('tr.ant-table-row', { hasText: title });
}

async function selectBoth(page: Page): Promise<void> {
  for (const title of TITLES) await row(page, title).locator('.ant-checkbox-input').check();
}

/** Today in China, as the calendar and the server count days. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

describe('information office workbench', () => {
  it('the director registers and assigns two submitted items at once', async () => {
    await submitItems();
    const page = await h.newPage();
    await loginAs(page, 'director');
    await page.getByTestId('menu-workbench').click();
    await page.waitForURL(/\/workbench/);
    for (const title of TITLES) await row(page, title).waitFor();

    await selectBoth(page);
    await page.getByTestId('bulk-register').click();
    const registered = page.waitForResponse((r) => r.url().endsWith('/api/items/bulk'));
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    expect((await (await registered).json()).data.failed).toEqual([]);
    await toast(page, '已登记 2 条信息').waitFor();
    for (const title of TITLES) {
      await expect.poll(() => textOf(row(page, title)), { timeout: WAIT_MS }).toContain('已登记');
      expect(await textOf(row(page, title))).toMatch(/\d{4}-\d{4}/);
    }

    await selectBoth(page);
    await page.getByTestId('bulk-assign').click();
    await pickOption(page, page.getByTestId('bulk-assign-select'), EDITOR);
    await page.getByTestId('bulk-assign-submit').click();
    await toast(page, '已分配 2 条信息').waitFor();
    for (const title of TITLES)
      await expect.poll(() => textOf(row(page, title)), { timeout: WAIT_MS }).toContain(EDITOR);

    // The filters live in the address: a reload keeps them.
    await pickOption(page, page.getByTestId('workbench-filter-status'), '已登记');
    await page.waitForURL(/status=registered/);
    await page.reload();
    for (const title of TITLES) await row(page, title).waitFor();
    expect(await textOf(page.getByTestId('workbench-filter-status'))).toContain('已登记');
  });

  it('the director sets up a post with A and B holders and a duty officer for today', async () => {
    const page = await h.newPage();
    await loginAs(page, 'director');
    await page.getByTestId('menu-posts').click();
    await page.waitForURL(/\/posts/);
    await page.getByTestId('post-create').click();
    await page.getByTestId('post-name').fill('社情民意登记岗');
    await pickOption(page, page.getByTestId('post-holder-a'), EDITOR);
    await pickOption(page, page.getByTestId('post-holder-b'), DIRECTOR);
    await page.getByTestId('post-submit').click();
    await toast(page, '岗位已设立').waitFor();
    const post = page.getByTestId('post-table').locator('tr.ant-table-row', { hasText: '社情民意登记岗' });
    await post.waitFor();
    const cells = await post.locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['社情民意登记岗', '登记', EDITOR, DIRECTOR, EDITOR]);

    await page.getByTestId('menu-duty').click();
    await page.waitForURL(/\/duty/);
    await page.getByTestId('duty-calendar').waitFor();
    await page.getByTestId(`duty-day-${today()}`).click();
    await pickOption(page, page.getByTestId('duty-user'), EDITOR);
    await page.getByTestId('duty-submit').click();
    await toast(page, '值班安排已保存').waitFor();
    await expect
      .poll(() => textOf(page.getByTestId(`duty-day-${today()}`)), { timeout: WAIT_MS })
      .toContain(EDITOR);

    await page.getByTestId('menu-workbench').click();
    await page.waitForURL(/\/workbench/);
    await expect
      .poll(() => textOf(page.getByTestId('duty-today')), { timeout: WAIT_MS })
      .toContain(`今日值班：${EDITOR}`);
  });
});
