/**
 * Member performance (委员履职) in the browser, on the demo province: the member reads this year's
 * record on a phone — the same total the server computes — and disputes an entry; the editor
 * finds the dispute under 申诉处理 and accepts it with two points; the member sees the reply and the
 * new total; the office's table downloads as an Excel file.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { recordOf } from '../server/modules/performance/performance.service.ts';
import { formatPoints } from '../shared/scoring.ts';
import { type Harness, loginAs, registerHarness, toast } from './harness.ts';

let h: Harness;
registerHarness((started) => {
  h = started;
});
const db = () => h.ctx.db.kysely;
const REASON = '该信息另被省政府办公厅采用，请核实后补计。';

describe('member performance (委员履职)', () => {
  it('the member reads the record and disputes an entry; the office accepts it; the total follows', async () => {
    const member = await db()
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'member')
      .executeTakeFirstOrThrow();
    const province = await db()
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('type', '=', 'cppcc_province')
      .executeTakeFirstOrThrow();
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const before = await recordOf(db(), province, year, member.id);
    expect(before.entries.length).toBeGreaterThan(0);

    const phone = await h.newPage({ viewport: { width: 390, height: 844 } });
    await loginAs(phone, 'member');
    await phone.goto('/my-performance');
    const total = phone.getByTestId('record-total').first();
    await total.waitFor();
    expect(await total.textContent()).toBe(formatPoints(before.total));
    await phone
      .getByTestId('record-entries')
      .first()
      .getByText(before.entries[0]?.title ?? '')
      .waitFor();
    await phone.getByTestId('record-entries').first().getByTestId('dispute-open').first().click();
    await phone.getByTestId('dispute-submit').click();
    await phone.getByText('申诉理由至少5个字').waitFor();
    await phone.getByTestId('dispute-reason').fill(REASON);
    await phone.getByTestId('dispute-submit').click();
    await toast(phone, '申诉已提交').waitFor();
    await phone.getByTestId('dispute-row').filter({ hasText: REASON }).getByText('待处理').waitFor();

    const page = await h.newPage();
    await loginAs(page, 'editor');
    await page.getByRole('menuitem', { name: '委员履职' }).click();
    await page.getByTestId('performance-members').waitFor();
    await page.getByRole('tab', { name: /申诉处理/ }).click();
    const row = page.getByTestId('dispute-row').filter({ hasText: REASON });
    await row.getByTestId('dispute-resolve').click();
    await page.getByTestId('dispute-adjustment').fill('2');
    await page.getByTestId('dispute-reply-input').fill('经核实，省政府办公厅采用属实，加2分。');
    await page
      .getByRole('button', { name: '确 定' })
      .or(page.getByRole('button', { name: '确定' }))
      .click();
    await toast(page, '申诉已处理').waitFor();
    await row.getByText('已采纳').waitFor();

    const download = page.waitForEvent('download');
    await page.getByTestId('performance-export').click();
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = (wb.worksheets[0]?.getColumn(2).values ?? []).map(String);
    expect(names).toContain('韩志远');

    await phone.reload();
    await phone.getByTestId('dispute-reply').filter({ hasText: '加2分' }).waitFor();
    expect(await phone.getByTestId('record-total').first().textContent()).toBe(
      formatPoints(before.total + 200),
    );
  });
});
