/**
 * Publications and their approval chains in the demo province: the system administrator keeps
 * the chains (a change makes a new version), the rules choosing them (the last must catch every
 * issue) and a publication's settings; an editor sees this week's progress of each publication
 * and starts a new issue.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs as apiLogin, call } from '../server/test/factories.ts';
import type { PublicationView, RuleInput } from '../shared/schemas/issues.ts';
import {
  type Harness,
  loginAs,
  PASSWORD,
  registerHarness,
  screenshot,
  textOf,
  toast,
  WAIT_MS,
} from './harness.ts';

const NORMAL_CHAIN = '处长审核、分管领导审定';
const TOP_CHAIN = '秘书长审核、主席审定';
const RENAMED_STEP = '信息处处长审核把关';
const PROVINCE = '政协安徽省委员会';
const PUBLICATIONS = ['政协信息', '社情民意', '安徽政协信息', '政协信息专报'];

let h: Harness;

registerHarness((started) => {
  h = started;
});

function chainCard(page: Page, name: string): Locator {
  return page.locator(`[data-testid="chain-card"][data-name="${name}"]`);
}

function publicationCard(page: Page, name: string): Locator {
  return page.locator(`[data-testid="publication-card"][data-name="${name}"]`);
}

function ruleRows(page: Page): Locator {
  return page.getByTestId('rules-table').locator('tr.ant-table-row');
}

/** The drawer that is open (antd keeps closed ones in the page). */
function openDrawer(page: Page): Locator {
  return page.locator('.ant-drawer-open .ant-drawer-section');
}

async function chainRow(name: string) {
  return h.ctx.db.kysely
    .selectFrom('approval_chains')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
}

describe('publications and approval chains', () => {
  it('the system administrator edits a chain (new version) and is refused rules without a catch-all', async () => {
    const page = await h.newPage();
    await loginAs(page, 'sysadmin');
    await page.getByTestId('menu-approval-chains').click();
    await page.waitForURL(/\/approval-chains/);

    // Both chains of R3.5 with their steps, and the two rules choosing them.
    await chainCard(page, NORMAL_CHAIN).waitFor();
    await chainCard(page, TOP_CHAIN).waitFor();
    expect(await textOf(page.getByTestId('org-switch'))).toContain(PROVINCE);
    expect(await chainCard(page, NORMAL_CHAIN).getByTestId('chain-step-name').allTextContents()).toEqual([
      '信息处处长审核',
      '分管领导审定',
    ]);
    expect(await chainCard(page, TOP_CHAIN).getByTestId('chain-step-name').allTextContents()).toEqual([
      '秘书长审核',
      '主席审定',
    ]);
    expect(await textOf(chainCard(page, NORMAL_CHAIN).getByTestId('chain-version'))).toBe('第1版');
    expect(await textOf(page.getByTestId('chains-explanation'))).toContain('秘书长审核，主席审定');
    await expect.poll(() => ruleRows(page).count(), { timeout: WAIT_MS }).toBe(2);
    const rules = await ruleRows(page).allTextContents();
    expect(rules[0]).toContain('报送对象含省委书记或省长');
    expect(rules[0]).toContain('全部刊物');
    expect(rules[0]).toContain(TOP_CHAIN);
    expect(rules[1]).toContain('其他情形');
    expect(rules[1]).toContain('全部刊物');
    expect(rules[1]).toContain(NORMAL_CHAIN);
    await screenshot(page, 'approval-chains.png');

    // Renaming a step saves version 2; the drawer says issues under way keep version 1.
    await chainCard(page, NORMAL_CHAIN).getByTestId('chain-edit').click();
    const drawer = openDrawer(page);
    await drawer.getByTestId('chain-version-note').waitFor();
    expect(await textOf(drawer.getByTestId('chain-version-note'))).toContain(
      '修改后将生成第2版；已在审签中的期次仍按原版本（第1版）办理',
    );
    const firstStep = drawer.getByTestId('step-name').first();
    await expect.poll(() => firstStep.inputValue(), { timeout: WAIT_MS }).toBe('信息处处长审核');
    // A post signs through its A holder, the B holder only while A is on leave.
    await drawer.getByText('可指定岗位（由A岗审签；A岗请假时由B岗审签）或具体人员').first().waitFor();
    await firstStep.fill(RENAMED_STEP);
    await screenshot(page, 'approval-chain-drawer.png');
    const saved = page.waitForResponse(
      (r) => /\/api\/approval-chains\/\d+$/.test(r.url()) && r.request().method() === 'PUT',
    );
    await drawer.getByTestId('chain-submit').click();
    expect((await saved).status()).toBe(200);
    await toast(page, '已保存为第2版；已在审签中的期次仍按原版本办理').waitFor();
    await expect
      .poll(() => textOf(chainCard(page, NORMAL_CHAIN).getByTestId('chain-version')), { timeout: WAIT_MS })
      .toBe('第2版');
    expect(await chainCard(page, NORMAL_CHAIN).getByTestId('chain-step-name').allTextContents()).toEqual([
      RENAMED_STEP,
      '分管领导审定',
    ]);
    const chain = await chainRow(NORMAL_CHAIN);
    expect(chain.current_version).toBe(2);
    const versions = await h.ctx.db.kysely
      .selectFrom('approval_chain_versions')
      .select(['version', 'steps'])
      .where('chain_id', '=', chain.id)
      .orderBy('version')
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(JSON.parse(versions[0]?.steps ?? '[]')[0].name).toBe('信息处处长审核');
    expect(JSON.parse(versions[1]?.steps ?? '[]')[0].name).toBe(RENAMED_STEP);

    // Without the closing 其他情形 rule the server refuses the rules, and says why in Chinese.
    await ruleRows(page).nth(1).getByTestId('rule-remove').click();
    await expect.poll(() => ruleRows(page).count(), { timeout: WAIT_MS }).toBe(1);
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/approval-rules') && r.request().method() === 'PUT',
    );
    await page.getByTestId('rules-save').click();
    expect((await refused).status()).toBe(422);
    const error = page.getByTestId('rules-error');
    await error.waitFor();
    expect(await textOf(error)).toContain('最后一条规则须适用于“其他情形”和全部刊物');
    await error.scrollIntoViewIfNeeded();
    await screenshot(page, 'approval-rules-refused.png');
    const stored = await h.ctx.db.kysely
      .selectFrom('approval_rules')
      .select('condition')
      .where('org_id', '=', chain.org_id)
      .orderBy('position')
      .execute();
    expect(stored.map((r) => r.condition)).toEqual(['top_leaders', 'always']);
    // Putting the saved rules back clears the change.
    await page.getByTestId('rules-reset').click();
    await expect.poll(() => ruleRows(page).count(), { timeout: WAIT_MS }).toBe(2);
    expect(await page.getByTestId('rules-error').count()).toBe(0);

    // Another administrator saves the rules meanwhile: this screen's save is refused as stale,
    // and it offers the latest rules.
    const other = await apiLogin(h.app, 'sysadmin', PASSWORD);
    const loaded = (await call(h.app, other, 'GET', `/api/approval-rules?orgId=${chain.org_id}`)).json() as {
      data: { stamp: string; rules: RuleInput[] };
    };
    const special = await h.ctx.db.kysely
      .selectFrom('publications')
      .select('id')
      .where('name', '=', '政协信息专报')
      .executeTakeFirstOrThrow();
    const top = await chainRow(TOP_CHAIN);
    const elsewhere = await call(h.app, other, 'PUT', '/api/approval-rules', {
      orgId: chain.org_id,
      stamp: loaded.data.stamp,
      rules: [
        { condition: 'always', publicationId: special.id, chainId: top.id },
        ...loaded.data.rules.map(({ condition, publicationId, chainId }) => ({
          condition,
          publicationId,
          chainId,
        })),
      ],
    });
    expect(elsewhere.statusCode).toBe(200);
    await ruleRows(page).nth(1).getByTestId('rule-up').click();
    const stale = page.waitForResponse(
      (r) => r.url().endsWith('/api/approval-rules') && r.request().method() === 'PUT',
    );
    await page.getByTestId('rules-save').click();
    expect((await stale).status()).toBe(409);
    await page.getByTestId('rules-reload').click();
    await expect.poll(() => ruleRows(page).count(), { timeout: WAIT_MS }).toBe(3);
    expect(await textOf(ruleRows(page).first())).toContain('《政协信息专报》');
    expect(await page.getByTestId('rules-error').count()).toBe(0);
  });

  it('the system administrator changes the print run of 《政协信息》', async () => {
    const page = await h.newPage();
    await loginAs(page, 'sysadmin');
    await page.getByTestId('menu-publications').click();
    await page.waitForURL(/\/publications/);
    const card = publicationCard(page, '政协信息');
    await card.waitFor();
    expect(await textOf(card)).toContain('共印120份');
    // The administrator keeps the settings but compiles nothing.
    expect(await page.getByTestId('publication-compile').count()).toBe(0);
    await page.getByTestId('publication-create').waitFor();

    await card.getByTestId('publication-edit').click();
    const drawer = openDrawer(page);
    const name = drawer.getByTestId('publication-name-input');
    await expect.poll(() => name.inputValue(), { timeout: WAIT_MS }).toBe('政协信息');
    expect(await drawer.getByTestId('recipient-name').count()).toBe(6);
    expect(await drawer.getByRole('textbox', { name: '报送对象名称' }).count()).toBe(6);
    await drawer.getByText('发行范围标注', { exact: true }).waitFor();

    // Its issues already carry the running total: the starting point can no longer change.
    const pubRow = await h.ctx.db.kysely
      .selectFrom('publications')
      .select('id')
      .where('name', '=', '政协信息')
      .executeTakeFirstOrThrow();
    const counted = await h.ctx.db.kysely
      .selectFrom('issue_counters')
      .select('last')
      .where('publication_id', '=', pubRow.id)
      .where('series', '=', 'total')
      .executeTakeFirst();
    expect(counted).toBeDefined();
    await drawer.getByText('起始总期数（此前已出版期数）', { exact: true }).waitFor();
    expect(await drawer.locator('input[data-testid="publication-total-offset"]').isDisabled()).toBe(true);
    expect(await textOf(drawer.getByTestId('publication-total-offset-note'))).toBe(
      '已按总期数编号，起始数不能再修改',
    );

    // A wrong colour is refused with the shared schema's message.
    const color = drawer.getByTestId('publication-color');
    await color.fill('C0000');
    await drawer.getByTestId('publication-submit').click();
    await drawer.getByText('报头颜色应为六位十六进制色值，如C00000').waitFor();
    await color.fill('C00000');
    await drawer.getByText('报头颜色应为六位十六进制色值，如C00000').waitFor({ state: 'detached' });

    // The recipients editor: an empty row and a repeated name are refused, the row removed again.
    const recipients = drawer.getByTestId('recipients-table').locator('tr.ant-table-row');
    await drawer.getByTestId('recipient-add').click();
    await expect.poll(() => recipients.count(), { timeout: WAIT_MS }).toBe(7);
    await drawer.getByTestId('publication-submit').click();
    await drawer.getByText('请填写报送对象').waitFor();
    await recipients.nth(6).getByTestId('recipient-name').fill('全国政协办公厅');
    await drawer.getByTestId('publication-submit').click();
    await drawer.getByText('报送对象不能重复').waitFor();
    await drawer.getByTestId('recipients-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'publication-drawer-recipients.png');
    await recipients.nth(6).getByTestId('recipient-remove').click();
    await expect.poll(() => recipients.count(), { timeout: WAIT_MS }).toBe(6);

    // antd puts the test id on the number input itself.
    const printRun = drawer.locator('input[data-testid="publication-print-run"]');
    await printRun.fill('150');
    await screenshot(page, 'publication-drawer.png');
    const saved = page.waitForResponse(
      (r) => /\/api\/publications\/\d+$/.test(r.url()) && r.request().method() === 'PUT',
    );
    await drawer.getByTestId('publication-submit').click();
    expect((await saved).status()).toBe(200);
    await toast(page, '《政协信息》的设置已保存').waitFor();
    await expect.poll(() => textOf(card), { timeout: WAIT_MS }).toContain('共印150份');
    const row = await h.ctx.db.kysely
      .selectFrom('publications')
      .select(['print_run', 'version', 'masthead_color', 'recipients'])
      .where('name', '=', '政协信息')
      .executeTakeFirstOrThrow();
    expect(row.print_run).toBe(150);
    expect(row.version).toBe(2);
    expect(row.masthead_color).toBe('C00000');
    expect(JSON.parse(row.recipients)).toHaveLength(6);
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    await screenshot(page, 'publications-sysadmin.png');
  });

  it('an editor sees this week’s progress and starts a new issue of 《政协信息》', async () => {
    const page = await h.newPage();
    await loginAs(page, 'editor');
    await page.getByTestId('menu-publications').click();
    await page.waitForURL(/\/publications/);
    await publicationCard(page, '政协信息').waitFor();
    await expect.poll(() => page.getByTestId('publication-card').count(), { timeout: WAIT_MS }).toBe(4);
    const names = await page.getByTestId('publication-name').allTextContents();
    expect(names).toEqual(PUBLICATIONS.map((n) => `《${n}》`));
    // Only one CPPCC: its name, no switcher; no settings for an editor.
    expect(await textOf(page.getByTestId('org-name'))).toBe(PROVINCE);
    expect(await page.getByTestId('publication-edit').count()).toBe(0);

    // What the cards say is what the API counts.
    const answer = await page.request.get('/api/publications');
    expect(answer.status()).toBe(200);
    const { data } = (await answer.json()) as { data: PublicationView[] };
    const xinxi = data.find((p) => p.name === '政协信息');
    expect(xinxi?.perWeek).toBe(2);
    const card = publicationCard(page, '政协信息');
    expect(await textOf(card.getByTestId('publication-cadence'))).toBe(
      `本周已编发 ${xinxi?.issuedThisWeek}/2 期`,
    );
    expect(await textOf(card.getByTestId('publication-in-progress'))).toBe(
      `编排/审签中 ${xinxi?.inProgress} 期`,
    );
    expect(await textOf(publicationCard(page, '政协信息专报').getByTestId('publication-cadence'))).toBe(
      '不定期',
    );
    await expect
      .poll(() => card.getByTestId('masthead-sample').getAttribute('data-color'), { timeout: WAIT_MS })
      .toBe('#C00000');
    await screenshot(page, 'publications-editor.png');
    expect(await card.getByTestId('publication-history').count()).toBe(1);

    // On a phone the cards stack.
    await page.setViewportSize({ width: 375, height: 812 });
    await expect
      .poll(
        async () => {
          const boxes = await Promise.all(
            PUBLICATIONS.slice(0, 2).map((n) => publicationCard(page, n).boundingBox()),
          );
          const [a, b] = boxes;
          return !!a && !!b && Math.abs(a.x - b.x) < 1 && b.y >= a.y + a.height;
        },
        { timeout: WAIT_MS },
      )
      .toBe(true);
    await screenshot(page, 'publications-phone.png');
    await page.setViewportSize({ width: 1366, height: 900 });

    const before = await h.ctx.db.kysely.selectFrom('issues').select('id').execute();
    await card.getByTestId('publication-compile').click();
    const modal = page.locator('.ant-modal', { hasText: '编排新一期：《政协信息》' });
    await modal.waitFor();
    await modal.getByText('加急', { exact: true }).click();
    await screenshot(page, 'publication-new-issue.png');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/issues') && r.request().method() === 'POST',
    );
    await modal.getByTestId('new-issue-submit').click();
    expect((await created).status()).toBe(200);
    await page.waitForURL(/\/issues\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    expect(before.map((r) => r.id)).not.toContain(id);
    const issue = await h.ctx.db.kysely
      .selectFrom('issues')
      .innerJoin('publications', 'publications.id', 'issues.publication_id')
      .select(['publications.name', 'issues.status', 'issues.kind', 'issues.urgency'])
      .where('issues.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(issue).toEqual({ name: '政协信息', status: 'compiling', kind: 'regular', urgency: 'urgent' });
    // The compile board is another screen's: wait for it only to take the picture.
    await modal.waitFor({ state: 'hidden' });
    await page
      .locator(`[data-testid="issue-page"][data-issue-id="${id}"]`)
      .waitFor()
      .catch(() => {});
    await screenshot(page, 'publication-issue-opened.png');
  });
});
