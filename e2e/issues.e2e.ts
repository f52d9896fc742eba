/**
 * Publications in the browser, with the demo province: the editor compiles an issue of
 * 《政协信息》 on the board (three items, drag and drop, 上移, an editor's note kept across a
 * reload), saves and sends it; the director approves and the leader signs it on screen (the
 * button reads 签发 only for the approval that finishes the last step); the Word file downloads.
 * An issue of 《政协信息专报》 (to the Party secretary and the governor) goes through 秘书长审核 →
 * 主席审定, with a return and the changes shown to the approver (kept on the page across a
 * refresh); its dispatch to the top leaders marks the item. On the last step a leader adds a
 * signer: the leader's approval then reads 同意, the added signer's 签发. An approver on a phone
 * finds the issue in 待我审签, reads the preview scaled to the screen and approves it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { approveIssue, submitIssue } from '../server/modules/issues/approval.service.ts';
import { createIssue } from '../server/modules/issues/issues.service.ts';
import { loginAs as apiLogin, call } from '../server/test/factories.ts';
import { act, actorFor, WHO } from '../server/test/items.ts';
import {
  ARTIFACTS_DIR,
  type Harness,
  loginAs,
  PASSWORD,
  pickOption,
  registerHarness,
  textOf,
  toast,
  WAIT_MS,
} from './harness.ts';

let h: Harness;

registerHarness((started) => {
  h = started;
});

const NOTE = '现将近期各地反映较为集中的三条社情民意信息编发，供领导参阅。';
const RETURN_REASON = '编者按请点明信息来源和时间范围。';
const NOTE_REVISED = '现将近期委员反映的情况专报，请领导阅示。';

const db = () => h.ctx.db.kysely;

async function userId(login: string): Promise<number> {
  return (await db().selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow())
    .id;
}

async function publication(name: string) {
  return db().selectFrom('publications').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

/** Selected (拟用) items of the provincial intake not yet in any issue, of the given streams. */
async function freeSelected(orgId: number, streams: string[]) {
  return db()
    .selectFrom('items')
    .leftJoin('issue_items', 'issue_items.item_id', 'items.id')
    .select(['items.id', 'items.stream', 'items.title'])
    .where('items.target_org_id', '=', orgId)
    .where('items.status', '=', 'selected')
    .where('items.stream', 'in', streams)
    .where('issue_items.item_id', 'is', null)
    .orderBy('items.id')
    .execute();
}

/** The demo has selected items at the province; selects more through the service if it runs short. */
async function ensureSelected(orgId: number, sqmy: number, total: number): Promise<void> {
  const editor = await actorFor(h.ctx, await userId('editor'));
  for (;;) {
    const free = await freeSelected(orgId, ['sqmy', 'zhxx']);
    const haveSqmy = free.filter((i) => i.stream === 'sqmy').length;
    if (free.length >= total && haveSqmy >= sqmy) return;
    const next = await db()
      .selectFrom('items')
      .select('id')
      .where('target_org_id', '=', orgId)
      .where('status', 'in', ['registered', 'editing'])
      .where('stream', '=', haveSqmy < sqmy ? 'sqmy' : 'zhxx')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await act(h.ctx, editor, next.id, 'select');
  }
}

async function issueRow(id: number) {
  return db().selectFrom('issues').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function boardOrder(page: Page): Promise<number[]> {
  return page
    .getByTestId('board-item')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-item-id'))));
}

async function expectIssueStatus(page: Page, status: string): Promise<void> {
  await expect
    .poll(() => page.getByTestId('issue-page').getAttribute('data-status'), { timeout: WAIT_MS })
    .toBe(status);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage: true });
}

/** On /issues: 新编一期 of the named publication; lands on the new issue's board. */
async function createOnScreen(page: Page, name: string): Promise<number> {
  await page.goto('/issues');
  await page.getByTestId('issue-create').click();
  const dialog = page.locator('.ant-modal', { hasText: '新编一期' });
  await dialog.waitFor();
  await dialog.getByTestId('issue-create-publication').click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
    hasText: `《${name}》`,
  });
  await option.first().click();
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/issues') && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: '新建并编排' }).click();
  const answer = (await (await created).json()) as { data: { id: number } };
  await page.waitForURL(new RegExp(`/issues/${answer.data.id}$`));
  await page.getByTestId('compile-board').waitFor();
  return answer.data.id;
}

async function addCandidate(page: Page, itemId: number): Promise<void> {
  await page
    .locator(`[data-testid="candidate"][data-item-id="${itemId}"] [data-testid="candidate-add"]`)
    .click();
  await page.locator(`[data-testid="board-item"][data-item-id="${itemId}"]`).waitFor();
}

/** 送审 (saving first when needed), checks the chain announced, confirms. */
async function submitOnScreen(page: Page, chain: string): Promise<void> {
  await page.getByTestId('issue-submit').click();
  await settledModal(page, 'issue-submit-dialog');
  expect(await textOf(page.getByTestId('issue-submit-chain'))).toBe(`将按“${chain}”流程审签。`);
  const sent = page.waitForResponse((r) => r.url().endsWith('/submit') && r.request().method() === 'POST');
  await page.getByRole('button', { name: '确认送审' }).click();
  expect((await sent).status()).toBe(200);
  await expectIssueStatus(page, 'reviewing');
}

/**
 * Waits until an open modal has finished its entry animation: on a busy machine a click during
 * the zoom can land before the dialog takes events.
 */
async function settledModal(page: Page, testId: string): Promise<void> {
  const modal = page.locator('.ant-modal', { has: page.getByTestId(testId) });
  await modal.waitFor();
  let last = '';
  await expect
    .poll(
      async () => {
        const state = await modal.evaluate((el) => {
          const moving = el.closest('[class*="-appear"], [class*="-enter"]') !== null;
          const box = el.getBoundingClientRect();
          return moving ? 'moving' : `${box.x},${box.y},${box.width},${box.height}`;
        });
        const still = state !== 'moving' && state === last;
        last = state;
        return still;
      },
      { timeout: WAIT_MS, interval: 100 },
    )
    .toBe(true);
}

/** The label of the approver's main button, once the panel shows it. */
async function approveLabel(page: Page): Promise<string> {
  await page.getByTestId('issue-approve').waitFor();
  return (await textOf(page.getByTestId('issue-approve'))).replace(/\s/g, '');
}

/**
 * The approver's 同意 or 签发 with an optional comment: the button, the dialog (签发本期 only for
 * the sign-off) and the message afterwards say the same; what was seen is recorded after acting.
 */
async function approveOnScreen(
  page: Page,
  label: '同意' | '签发',
  comment = '',
  done = label === '签发' ? '本期已签发' : '已同意',
): Promise<void> {
  const panel = page.getByTestId('approval-panel');
  await panel.waitFor();
  expect(await approveLabel(page)).toBe(label);
  await page.getByTestId('issue-approve').click();
  await settledModal(page, 'issue-approve-dialog');
  const dialog = page.locator('.ant-modal', { has: page.getByTestId('issue-approve-dialog') });
  expect(await textOf(dialog.locator('.ant-modal-title'))).toBe(label === '签发' ? '签发本期' : '审签同意');
  expect(await page.getByTestId('issue-approve-dialog').getAttribute('data-signs')).toBe(
    label === '签发' ? 'true' : 'false',
  );
  if (comment) await page.getByTestId('issue-approve-comment').fill(comment);
  const approved = page.waitForResponse(
    (r) => r.url().endsWith('/approve') && r.request().method() === 'POST',
  );
  const seen = page.waitForResponse((r) => /\/api\/issues\/\d+\/seen$/.test(r.url()));
  await page.getByRole('button', { name: `确认${label}` }).click();
  expect((await approved).status()).toBe(200);
  await toast(page, done).waitFor();
  expect((await seen).status()).toBe(200);
  await panel.waitFor({ state: 'detached' });
}

/** Opens an issue as a signer: merely opening it records nothing as seen. */
async function openAsSigner(page: Page, issueId: number): Promise<void> {
  const posted: string[] = [];
  const listen = (r: Request) => {
    if (r.url().endsWith(`/api/issues/${issueId}/seen`)) posted.push(r.url());
  };
  page.on('request', listen);
  await page.goto(`/issues/${issueId}`);
  await page.getByTestId('issue-page').waitFor();
  await page.getByTestId('approval-panel').waitFor();
  page.off('request', listen);
  expect(posted).toEqual([]);
}

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

describe('publications: compile, sign, issue', () => {
  it('the editor compiles 《政协信息》 on the board; the director approves, the leader signs; the Word file downloads', async () => {
    const pub = await publication('政协信息');
    await ensureSelected(pub.org_id, 3, 6);
    const free = await freeSelected(pub.org_id, ['sqmy', 'zhxx']);
    // Keep 社情民意 items for the other tests: 综合信息 first.
    const [a, b, c] = [...free].sort((x, y) => (x.stream === y.stream ? 0 : x.stream === 'zhxx' ? -1 : 1));
    if (!a || !b || !c) throw new Error('not enough selected items');

    const page = await h.newPage();
    await loginAs(page, 'editor');
    await page.getByTestId('menu-issues').click();
    await page.waitForURL(/\/issues$/);
    const issueId = await createOnScreen(page, '政协信息');

    for (const item of [a, b, c]) await addCandidate(page, item.id);
    expect(await boardOrder(page)).toEqual([a.id, b.id, c.id]);

    // Drag the third onto the first, then 上移 the last: c, b, a.
    await page
      .locator(`[data-testid="board-item"][data-item-id="${c.id}"]`)
      .dragTo(page.locator(`[data-testid="board-item"][data-item-id="${a.id}"]`));
    await expect.poll(() => boardOrder(page), { timeout: WAIT_MS }).toEqual([c.id, a.id, b.id]);
    await page
      .locator(`[data-testid="board-item"][data-item-id="${b.id}"] [data-testid="board-item-up"]`)
      .click();
    expect(await boardOrder(page)).toEqual([c.id, b.id, a.id]);
    await page.getByTestId('issue-editor-note').fill(NOTE);
    await page.getByTestId('issue-unsaved').waitFor();

    // Leaving inside the app asks first.
    await page.getByTestId('menu-workbench').click();
    const leave = page.locator('.ant-modal', { hasText: '本期编排尚未保存' });
    await leave.waitFor();
    await leave.getByRole('button', { name: '留在本页' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(page.url()).toContain(`/issues/${issueId}`);

    // A reload loses nothing: the browser kept the unsaved arrangement.
    page.on('dialog', (d) => void d.accept());
    await page.reload();
    await page.getByTestId('issue-restored').waitFor();
    expect(await boardOrder(page)).toEqual([c.id, b.id, a.id]);
    expect(await page.getByTestId('issue-editor-note').inputValue()).toBe(NOTE);
    await shot(page, 'issues-compile-board.png');

    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/issues/${issueId}`) && r.request().method() === 'PUT',
    );
    await page.getByTestId('issue-save').click();
    expect((await saved).status()).toBe(200);
    await toast(page, '编排已保存').waitFor();
    const placed = await db()
      .selectFrom('issue_items')
      .select('item_id')
      .where('issue_id', '=', issueId)
      .orderBy('position')
      .execute();
    expect(placed.map((p) => p.item_id)).toEqual([c.id, b.id, a.id]);
    expect((await issueRow(issueId)).editor_note).toBe(NOTE);
    expect(await textOf(page.getByTestId('planned-chain'))).toContain('处长审核、分管领导审定');

    await submitOnScreen(page, '处长审核、分管领导审定');
    await page.getByTestId('issue-remind').waitFor();
    expect(await textOf(page.getByTestId('issue-where'))).toContain('信息处处长审核');

    // The director approves from 刊物审签.
    const director = await h.newPage();
    await loginAs(director, 'director');
    await director.getByTestId('menu-approvals').click();
    await director.waitForURL(/\/approvals$/);
    const card = director.locator(`[data-testid="issue-card"][data-issue-id="${issueId}"]`);
    await card.waitFor();
    await card.click();
    await director.waitForURL(new RegExp(`/issues/${issueId}$`));
    // The information office opens the items' own pages from the list.
    await expect.poll(() => director.getByTestId('issue-item-link').count(), { timeout: WAIT_MS }).toBe(3);
    await approveOnScreen(director, '同意', '同意，请分管领导审定。', '已同意，转下一环节审签');
    expect((await issueRow(issueId)).step_index).toBe(1);

    // The leader signs (签发) from the issue's address.
    const leader = await h.newPage();
    await loginAs(leader, 'leader');
    await leader.goto(`/issues/${issueId}`);
    // A leader reads the items in the preview: titles without links to pages he cannot open.
    await expect.poll(() => leader.getByTestId('issue-item-title').count(), { timeout: WAIT_MS }).toBe(3);
    expect(await leader.getByTestId('issue-item-link').count()).toBe(0);
    expect(await textOf(leader.getByTestId('approval-hint'))).toContain('您同意即为签发');
    await approveOnScreen(leader, '签发', '同意印发。');
    await expectIssueStatus(leader, 'issued');
    const row = await issueRow(issueId);
    expect(row.status).toBe('issued');
    expect(row.number).not.toBeNull();
    await expect
      .poll(() => textOf(leader.getByTestId('issue-label')), { timeout: WAIT_MS })
      .toBe(`《政协信息》${row.year}年第${row.number}期`);
    expect(await textOf(leader.getByTestId('issue-status'))).toBe('已签发');

    // The Word file of the issue.
    const downloading = leader.waitForEvent('download');
    await leader.getByTestId('issue-download-docx').click();
    const download = await downloading;
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(5 * 1024);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);

    // 文件: the frozen revision with its digest; 审签进度 shows both signatures.
    await leader.getByRole('tab', { name: /文件/ }).click();
    const stored = await db()
      .selectFrom('issue_files')
      .select('sha256')
      .where('issue_id', '=', issueId)
      .executeTakeFirstOrThrow();
    await expect
      .poll(() => textOf(leader.getByTestId('issue-file-sha').first()), { timeout: WAIT_MS })
      .toContain(stored.sha256);
    await leader.getByRole('tab', { name: '审签进度' }).click();
    await expect
      .poll(() => leader.locator('[data-testid="issue-signoff"][data-status="approved"]').count(), {
        timeout: WAIT_MS,
      })
      .toBe(2);
    await leader.getByRole('tab', { name: '版面预览' }).click();
    await shot(leader, 'issues-issue-issued.png');

    await leader.getByRole('tab', { name: '审签进度' }).click();
    await shot(leader, 'issues-issue-progress.png');

    // The editor sees it issued, with 报送登记.
    await page.getByTestId('issue-reload').click();
    await expectIssueStatus(page, 'issued');
    await page.getByRole('tab', { name: '报送登记' }).click();
    await page.getByTestId('issue-dispatches').waitFor();
    expect(await textOf(page.getByTestId('issue-dispatches'))).toContain('全国政协办公厅');
    await page.goto('/issues');
    await page.locator('[data-testid="issues-table"] tr.ant-table-row').first().waitFor();
    await shot(page, 'issues-list.png');
  });

  it('an issue of 《政协信息专报》 to the Party secretary and governor goes through 秘书长审核 → 主席审定, with a return', async () => {
    const pub = await publication('政协信息专报');
    await ensureSelected(pub.org_id, 1, 2);
    const free = await freeSelected(pub.org_id, ['sqmy', 'zhxx']);
    const [first, second] = [...free].sort((x, y) =>
      x.stream === y.stream ? 0 : x.stream === 'zhxx' ? -1 : 1,
    );
    if (!first || !second) throw new Error('not enough selected items');

    const page = await h.newPage();
    await loginAs(page, 'editor');
    const issueId = await createOnScreen(page, '政协信息专报');
    await addCandidate(page, first.id);
    // A single-item publication takes one item only.
    expect(
      await page
        .locator(`[data-testid="candidate"][data-item-id="${second.id}"] [data-testid="candidate-add"]`)
        .isDisabled(),
    ).toBe(true);
    await submitOnScreen(page, '秘书长审核、主席审定');
    expect(await textOf(page.getByTestId('issue-top-leaders'))).toBe('报省委书记、省长');

    // The Secretary-General returns it to the editor with a reason.
    const secgen = await h.newPage();
    await loginAs(secgen, 'secgen');
    await openAsSigner(secgen, issueId);
    expect(await approveLabel(secgen)).toBe('同意');
    await secgen.getByTestId('issue-return').click();
    await secgen.getByTestId('issue-return-reason').fill(RETURN_REASON);
    const returned = secgen.waitForResponse((r) => r.url().endsWith('/return'));
    // Acting records what the approver has seen.
    const seenOnReturn = secgen.waitForResponse((r) => r.url().endsWith(`/api/issues/${issueId}/seen`));
    await secgen.getByRole('button', { name: '确认退回' }).click();
    expect((await returned).status()).toBe(200);
    expect((await seenOnReturn).status()).toBe(200);
    await secgen.getByTestId('approval-panel').waitFor({ state: 'detached' });

    // The editor revises the note and sends it again.
    await page.getByTestId('issue-reload').click();
    await page.getByTestId('compile-board').waitFor();
    expect(await textOf(page.getByTestId('issue-returned'))).toContain(RETURN_REASON);
    await page.getByTestId('issue-editor-note').fill(NOTE_REVISED);
    await submitOnScreen(page, '秘书长审核、主席审定');

    // The Secretary-General sees what changed since he returned it, and approves.
    await openAsSigner(secgen, issueId);
    const change = secgen.locator('[data-testid="issue-change"][data-kind="note"]');
    await change.waitFor();
    expect(await textOf(change.locator('ins[data-diff="insert"]').first())).not.toBe('');
    await shot(secgen, 'issues-approver-changes.png');
    // Seen elsewhere meanwhile (another tab acted): a refresh of this page keeps the changes shown.
    const other = await apiLogin(h.app, 'secgen', PASSWORD);
    expect((await call(h.app, other, 'POST', `/api/issues/${issueId}/seen`, {})).statusCode).toBe(200);
    const refreshed = secgen.waitForResponse(
      (r) => r.url().endsWith(`/api/issues/${issueId}`) && r.request().method() === 'GET',
    );
    await secgen.getByTestId('issue-reload').click();
    const fresh = (await (await refreshed).json()) as { data: { changes: unknown } };
    expect(fresh.data.changes).toBeNull();
    expect(await change.count()).toBe(1);
    await approveOnScreen(secgen, '同意', '', '已同意，转下一环节审签');

    const chair = await h.newPage();
    await loginAs(chair, 'chair');
    await chair.goto(`/issues/${issueId}`);
    await approveOnScreen(chair, '签发');
    await expectIssueStatus(chair, 'issued');
    const row = await issueRow(issueId);
    expect(row.status).toBe('issued');
    await expect
      .poll(() => textOf(chair.getByTestId('issue-label')), { timeout: WAIT_MS })
      .toBe(`《政协信息专报》${row.year}年第${row.number}期`);
    const steps = await db()
      .selectFrom('issue_signoffs')
      .innerJoin('users', 'users.id', 'issue_signoffs.user_id')
      .select(['users.login', 'issue_signoffs.status', 'issue_signoffs.round'])
      .where('issue_id', '=', issueId)
      .where('issue_signoffs.status', '=', 'approved')
      .orderBy('issue_signoffs.id')
      .execute();
    expect(steps.map((s) => s.login)).toEqual(['secgen', 'chair']);

    // Sent to the Party secretary and governor: the item page says where it was published and
    // carries the red mark.
    await page.getByTestId('issue-reload').click();
    await expectIssueStatus(page, 'issued');
    await page.getByRole('tab', { name: '报送登记' }).click();
    const topRow = page
      .locator('[data-testid="issue-dispatches"] tr.ant-table-row', { hasText: '省委书记/省长' })
      .first();
    await topRow.getByTestId('dispatch-edit').click();
    const dispatchDialog = page.locator('.ant-modal', { hasText: '登记报送' });
    await dispatchDialog.waitFor();
    await pickOption(page, dispatchDialog.getByTestId('dispatch-status'), '已报送');
    await pickOption(page, dispatchDialog.getByTestId('dispatch-handler'), '林静');
    const registered = page.waitForResponse(
      (r) => /\/api\/dispatches\/\d+$/.test(r.url()) && r.request().method() === 'PUT',
    );
    await dispatchDialog.getByRole('button', { name: /^保\s*存$/ }).click();
    expect((await registered).status()).toBe(200);
    await toast(page, '报送情况已登记').waitFor();
    await page.goto(`/items/${first.id}`);
    await page.getByTestId('item-page').waitFor();
    expect(await textOf(page.getByTestId('item-top-leaders'))).toBe('报省委书记、省长');
    expect(await textOf(page.getByTestId('item-issue'))).toBe(
      `已编入：《政协信息专报》${row.year}年第${row.number}期`,
    );
    await page.getByTestId('item-issue-link').click();
    await page.waitForURL(new RegExp(`/issues/${issueId}$`));
  });

  it('on the last step a leader adds a signer: his approval reads 同意, the added signer’s 签发', async () => {
    const pub = await publication('社情民意');
    await ensureSelected(pub.org_id, 1, 1);
    const [item] = await freeSelected(pub.org_id, ['sqmy']);
    if (!item) throw new Error('no selected 社情民意 item');
    const editor = await actorFor(h.ctx, await userId('editor'));
    const issueId = await createIssue(h.ctx, editor, WHO, {
      publicationId: pub.id,
      kind: 'regular',
      urgency: 'normal',
      itemIds: [item.id],
    });
    await submitIssue(h.ctx, editor, WHO, issueId, (await issueRow(issueId)).version);
    const director = await actorFor(h.ctx, await userId('director'));
    await approveIssue(h.ctx, director, WHO, issueId, (await issueRow(issueId)).version, '');

    // Alone on the last step, the leader's approval would sign it off.
    const leader = await h.newPage();
    await loginAs(leader, 'leader');
    await openAsSigner(leader, issueId);
    expect(await approveLabel(leader)).toBe('签发');

    // 加签: neither the leader himself nor anyone already on the step is offered.
    await leader.getByTestId('issue-add-signer').click();
    await settledModal(leader, 'issue-person-select');
    await leader.getByTestId('issue-person-select').click();
    const dropdown = leader.locator('.ant-select-dropdown:visible');
    await dropdown.locator('.ant-select-item-option', { hasText: '唐正华' }).waitFor();
    expect(await dropdown.locator('.ant-select-item-option', { hasText: '冯国栋' }).count()).toBe(0);
    await dropdown.locator('.ant-select-item-option', { hasText: '唐正华' }).first().click();
    const added = leader.waitForResponse((r) => r.url().endsWith('/add-signer'));
    await leader.getByRole('button', { name: '确认加签' }).click();
    expect((await added).status()).toBe(200);
    await toast(leader, '已加签').waitFor();

    // Now the step also waits for the chair: the leader's approval is 同意, not 签发.
    await expect.poll(() => approveLabel(leader), { timeout: WAIT_MS }).toBe('同意');
    await approveOnScreen(leader, '同意', '', '已同意，等待其他审签人');
    expect((await issueRow(issueId)).status).toBe('reviewing');

    const chair = await h.newPage();
    await loginAs(chair, 'chair');
    await openAsSigner(chair, issueId);
    await approveOnScreen(chair, '签发', '同意印发。');
    await expectIssueStatus(chair, 'issued');
    expect((await issueRow(issueId)).status).toBe('issued');
  });

  it('an approver on a phone finds the issue in 待我审签, opens and approves it', async () => {
    const pub = await publication('社情民意');
    await ensureSelected(pub.org_id, 1, 1);
    const [item] = await freeSelected(pub.org_id, ['sqmy']);
    if (!item) throw new Error('no selected 社情民意 item');
    const editor = await actorFor(h.ctx, await userId('editor'));
    const issueId = await createIssue(h.ctx, editor, WHO, {
      publicationId: pub.id,
      kind: 'regular',
      urgency: 'urgent',
      itemIds: [item.id],
    });
    await submitIssue(h.ctx, editor, WHO, issueId, (await issueRow(issueId)).version);

    const phone = await phoneContext();
    try {
      const page = await phone.newPage();
      await loginAs(page, 'director');
      await page.getByTestId('menu-toggle').click();
      await page.getByTestId('menu-approvals').click();
      await page.waitForURL(/\/approvals$/);
      const card = page.locator(`[data-testid="issue-card"][data-issue-id="${issueId}"]`);
      await card.waitFor();
      expect(await textOf(card)).toContain('加急');
      expect(await textOf(card)).toContain('信息处处长审核');
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(page, 'issues-approvals-phone.png');

      await card.tap();
      await page.waitForURL(new RegExp(`/issues/${issueId}$`));
      await page.getByTestId('approval-panel').waitFor();
      const button = await page.getByTestId('issue-approve').boundingBox();
      expect(button?.width ?? 0).toBeGreaterThan(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(page, 'issues-issue-phone.png');

      // The A4 preview is scaled to the phone's width: nothing wider than the frame.
      const frameElement = await page.getByTestId('issue-preview-frame').elementHandle();
      const frame = await frameElement?.contentFrame();
      if (!frame) throw new Error('no preview frame');
      await frame.waitForSelector('.sheet');
      const widths = await frame.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(widths.inner).toBeLessThan(375);
      expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
      await page.getByTestId('issue-preview').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'issues-preview-phone.png') });

      await approveOnScreen(page, '同意', '', '已同意，转下一环节审签');
      expect((await issueRow(issueId)).step_index).toBe(1);
    } catch (error) {
      for (const [i, p] of phone.pages().entries())
        await p
          .screenshot({ path: path.join(ARTIFACTS_DIR, `failure-issues-phone-${i + 1}.png`), fullPage: true })
          .catch(() => {});
      throw error;
    } finally {
      await phone.close();
    }
  });
});
