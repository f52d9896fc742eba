/**
 * Scoring rule tables (计分规则) in the browser, on the demo province: the director reads the
 * default table in force, adds a table from tomorrow (nothing already scored changes), then a
 * table reaching back a month — refused without a reason, previewed with what it changes, saved
 * and the ledger rescored; an editor reads the tables but cannot add one.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ledgerDigest, recomputeLedger } from '../server/modules/scores/scores.service.ts';
import { type Harness, loginAs, registerHarness, toast } from './harness.ts';

let h: Harness;
registerHarness((started) => {
  h = started;
});
const db = () => h.ctx.db.kysely;

const dayOffset = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function setNumber(page: Page, label: string, value: string) {
  const input = page.locator('.ant-drawer-open').getByLabel(label, { exact: true });
  await input.fill(value);
  await input.blur();
}

async function setDate(page: Page, day: string) {
  const input = page.getByTestId('rules-effective');
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

describe('score rule tables (计分规则)', () => {
  it('the director adds a table from tomorrow and one reaching back with a reason; an editor only reads', async () => {
    const page = await h.newPage();
    await loginAs(page, 'director');
    await page.getByRole('menuitem', { name: '计分规则' }).click();
    const current = page.getByTestId('rule-set-default');
    await current.getByText('现行').waitFor();
    await page.getByTestId('rules-table').getByText('单篇编发').waitFor();

    // A table from tomorrow: saved as 待生效, the ledger untouched.
    const before = await ledgerDigest(db());
    await page.getByTestId('rules-create').click();
    await page.getByTestId('rules-name').fill('2027年度信息工作计分办法');
    await setNumber(page, '单篇编发', '6');
    await page.getByTestId('rules-save').click();
    await toast(page, '将于生效日起施行').waitFor();
    await page.getByTestId('rule-sets').getByText('2027年度信息工作计分办法').waitFor();
    await page.getByTestId('rule-sets').getByText('待生效').waitFor();
    const pending = await db()
      .selectFrom('score_rule_sets')
      .selectAll()
      .where('name', '=', '2027年度信息工作计分办法')
      .executeTakeFirstOrThrow();
    expect([pending.effective_from, JSON.parse(pending.rules).own.single]).toEqual([dayOffset(1), 6]);
    expect(await ledgerDigest(db())).toEqual(before);

    // A table from a month ago: needs a reason; the preview says what changes; saving rescores.
    await page.getByTestId('rules-create').click();
    await page.getByTestId('rules-name').fill('关于调整信息计分标准的通知');
    await setDate(page, dayOffset(-30));
    await setNumber(page, '单篇编发', '8');
    await page.getByTestId('rules-save').click();
    await page.getByText('请填写追溯理由').waitFor();
    await page.getByTestId('rules-reason').fill('经秘书长办公会研究，自上月起提高单篇编发分值');
    await page.getByTestId('rules-save').click();
    const effect = page.getByTestId('rules-effect');
    await effect.waitFor();
    expect(await effect.textContent()).toMatch(/其中\d+条的得分将改变/);
    expect(await ledgerDigest(db())).toEqual(before);
    await page.getByRole('button', { name: '确认保存并重算' }).click();
    await toast(page, '已按新规则重算得分').waitFor();
    await page.getByText('追溯施行，理由：经秘书长办公会研究，自上月起提高单篇编发分值').waitFor();
    const after = await ledgerDigest(db());
    expect(after).not.toEqual(before);
    const eightPointLines = await db()
      .selectFrom('score_ledger')
      .select('id')
      .where('rule_key', 'like', 'own.single%')
      .where('occurred_on', '>=', dayOffset(-30))
      .where('subject_type', '=', 'org')
      .where('points', '<', 800)
      .execute();
    expect(eightPointLines).toEqual([]);
    await recomputeLedger(db());
    expect(await ledgerDigest(db())).toEqual(after);

    // An editor reads the tables and cannot add one.
    const editor = await h.newPage();
    await loginAs(editor, 'editor');
    await editor.goto('/scoring');
    await editor.getByTestId('rule-sets').getByText('关于调整信息计分标准的通知').waitFor();
    expect(await editor.getByTestId('rules-create').count()).toBe(0);
  });
});
