/**
 * 统计分析 in the browser, on the demo province: the editor opens it from the menu, sees the
 * submitting units of this quarter with their 来稿 counts (the same as the service computes),
 * clicks one unit's figure and the drawer lists exactly that many items, each linking to its
 * page; the 导出Excel button downloads a workbook that opens and carries the same figure.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText } from '../server/lib/xlsx.ts';
import { offlineActor } from '../server/modules/access/offline-actor.ts';
import { statsScopeOf } from '../server/modules/stats/stats.scope.ts';
import { statsSummary } from '../server/modules/stats/stats.service.ts';
import { periodContaining } from '../shared/periods.ts';
import { ARTIFACTS_DIR, type Harness, loginAs, registerHarness, WAIT_MS } from './harness.ts';

let h: Harness;

registerHarness((started) => {
  h = started;
});

/** The editor's figures for this quarter by unit, as the server computes them. */
async function expectedUnits() {
  const db = h.ctx.db.kysely;
  const editor = await db
    .selectFrom('users')
    .select('id')
    .where('login', '=', 'editor')
    .executeTakeFirstOrThrow();
  const scope = await statsScopeOf(db, await offlineActor(db, editor.id, 'e2e-stats'));
  const period = periodContaining('quarter', h.ctx.clock.now());
  return statsSummary(db, scope, { period, dimension: 'org', by: 'month' });
}

describe('统计分析', () => {
  it('the editor sees units with 来稿, drills into a figure and downloads the table as Excel', async () => {
    const expected = await expectedUnits();
    // A unit with a few items, so the drawer shows them all on one page.
    const unit = expected.rows.find((r) => r.figures.submitted > 0 && r.figures.submitted <= 20);
    expect(unit, 'the demo quarter has a unit with 1–20 items').toBeDefined();
    if (!unit) return;

    const page = await h.newPage();
    await loginAs(page, 'editor');
    await page.getByTestId('menu-stats').click();
    await page.waitForURL(/\/stats$/);
    const table = page.getByTestId('stats-table-org');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('stats-caption').textContent()).toContain(expected.period.label);

    // Every unit's 来稿 as the server counts it (the table shows 100 rows a page), and the total.
    const cells = table.locator('[data-testid="stats-figure"][data-measure="submitted"]');
    const withItems = expected.rows.filter((r) => r.figures.submitted > 0).length;
    await expect.poll(() => cells.count(), { timeout: WAIT_MS }).toBe(Math.min(withItems, 100));
    const figure = table.locator(
      `[data-testid="stats-figure"][data-measure="submitted"][data-row="${unit.label}"]`,
    );
    expect((await figure.textContent())?.trim()).toBe(String(unit.figures.submitted));
    expect((await page.getByTestId('stats-total-submitted').textContent())?.trim()).toBe(
      String(expected.totals.submitted),
    );
    // The bar chart of the top units is drawn (ECharts, loaded on this page only).
    await page.getByTestId('stats-chart-org').locator('canvas').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'stats-1-units.png') });

    // The drill-down lists exactly the counted items, each a link to its page.
    await figure.click();
    const drawer = page.getByTestId('stats-drill');
    await drawer.getByTestId('stats-drill-item').first().waitFor();
    await expect
      .poll(() => drawer.getByTestId('stats-drill-item').count(), { timeout: WAIT_MS })
      .toBe(unit.figures.submitted);
    expect(await drawer.getByTestId('stats-drill-total').textContent()).toContain(
      `共${unit.figures.submitted}条`,
    );
    const links = drawer.locator('a[href^="/items/"]');
    expect(await links.count()).toBe(unit.figures.submitted);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'stats-2-drill.png') });
    await page.keyboard.press('Escape');
    await drawer.getByTestId('stats-drill-item').first().waitFor({ state: 'hidden' });

    // 导出Excel: a workbook that opens, with the watermark line, Chinese headers and the figure.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('stats-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`信息工作统计-报送单位-${expected.period.label}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(cellText(sheet.getRow(1).getCell(1).value)).toContain('导出人');
    const headers = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(cellText);
    const submitted = headers.indexOf('来稿') + 1;
    expect(submitted).toBeGreaterThan(0);
    let found = -1;
    sheet.eachRow((row) => {
      if (cellText(row.getCell(1).value) === unit.label)
        found = Number(cellText(row.getCell(submitted).value));
    });
    expect(found).toBe(unit.figures.submitted);
  });
});
