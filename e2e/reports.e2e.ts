/**
 * 通报与报告 in the browser, on the demo province: the editor opens the quarterly notification of
 * the current quarter, finds the statistics' figure in it, rewrites the requirements and downloads
 * the Word file — which carries the new words and the annex tables — and the Excel annexes.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { summaryOf } from '../server/modules/reports/figures.ts';
import { periodContaining } from '../shared/periods.ts';
import { type Harness, loginAs, pickOption, registerHarness } from './harness.ts';

let h: Harness;
registerHarness((started) => {
  h = started;
});
const OWN_WORDS = '各单位要围绕省委全会部署，抓好第四季度重点选题的信息报送。';

describe('quarterly notification (季度通报)', () => {
  it('the editor edits the requirements and downloads the Word file and the Excel annexes', async () => {
    const db = h.ctx.db.kysely;
    const province = await db
      .selectFrom('organizations')
      .select(['id', 'name', 'path'])
      .where('type', '=', 'cppcc_province')
      .executeTakeFirstOrThrow();
    const quarter = periodContaining('quarter', new Date());
    const stats = await summaryOf(db, province, quarter, 'org');

    const page = await h.newPage();
    await loginAs(page, 'editor');
    await page.getByRole('menuitem', { name: '通报与报告' }).click();
    await page.getByTestId('report-title').waitFor();
    await pickOption(page, page.getByTestId('report-quarter'), `第${'一二三四'[quarter.index - 1]}季度`);
    await page.getByTestId('report-title').getByText(`关于${quarter.label}政协信息工作情况的通报`).waitFor();
    await page
      .getByTestId('report-preview')
      .getByText(`共收到各地各单位和委员报送信息${stats.totals.submitted}条`, { exact: false })
      .waitFor();
    await page.getByTestId('report-text-requirements').fill(OWN_WORDS);

    const word = page.waitForEvent('download');
    await page.getByTestId('report-docx').click();
    const docx = await (await word).path();
    const zip = await JSZip.loadAsync(await readFile(docx));
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain(OWN_WORDS);
    expect(text).toContain(`${quarter.label}各单位报送和采用信息情况`);
    expect(text).toContain(stats.rows[0]?.label ?? '');

    const excel = page.waitForEvent('download');
    await page.getByTestId('report-xlsx').click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await (await excel).path());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['附件1', '附件2']);
    expect(wb.worksheets[0]?.getCell('B4').value).toBe(stats.rows[0]?.label);
  });
});
