/**
 * 评选表彰 in the browser, on the demo province: the director opens a round over a period covering
 * the demo's scored work, takes the top unit out with a reason and adds another unit, finalises the
 * list, and downloads the Word file — the commendation list with the addition and without the unit
 * taken out.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ORG_TYPES, type OrgType } from '../shared/orgs.ts';
import { type Harness, loginAs, pickOption, registerHarness, screenshot, toast } from './harness.ts';

let h: Harness;
registerHarness((started) => {
  h = started;
});

describe('selection and commendation (评选表彰)', () => {
  it('the director creates a round, removes one unit and adds another with reasons, finalises and downloads the list', async () => {
    const db = h.ctx.db.kysely;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const from = `${Number(today.slice(0, 4)) - 1}-01-01`;
    const page = await h.newPage();
    await loginAs(page, 'director');
    await page.getByRole('menuitem', { name: '评选表彰' }).click();
    await page.getByTestId('award-new').click();
    await page.getByTestId('award-from').fill(from);
    await page.getByTestId('award-to').fill(today);
    await expect.poll(() => page.getByTestId('award-name').inputValue()).toContain('政协信息工作评选表彰');
    await page.getByRole('button', { name: '生成候选名单' }).click();
    await toast(page, '已按期间内的计分生成候选名单').waitFor();
    const units = page.getByTestId('award-entries-unit');
    await units.locator('tr.ant-table-row').first().getByText('候选').waitFor();

    const round = await db
      .selectFrom('award_rounds')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const listed = await db
      .selectFrom('award_entries')
      .select(['subject_id', 'name'])
      .where('round_id', '=', round.id)
      .where('kind', '=', 'unit')
      .orderBy('rank')
      .execute();
    expect(listed.length).toBeGreaterThan(1);
    const out = listed[0]!;
    const province = await db
      .selectFrom('organizations')
      .select('path')
      .where('id', '=', round.org_id)
      .executeTakeFirstOrThrow();
    const extra = await db
      .selectFrom('organizations')
      .select(['id', 'name', 'type'])
      .where('path', 'like', `${province.path}%`)
      .where('type', 'in', ['committee', 'people_org', 'sector', 'party'])
      .where(
        'id',
        'not in',
        listed.map((l) => l.subject_id),
      )
      .orderBy('path')
      .executeTakeFirstOrThrow();

    // Take the top unit out, with the committee's reason.
    await units.locator('tr.ant-table-row', { hasText: out.name }).getByTestId('award-remove').click();
    await page.getByTestId('award-reason').fill('经评审会议研究，本届不再参评');
    await page.getByRole('button', { name: '确 定' }).click();
    await toast(page, '已调出').waitFor();
    await units
      .locator('tr.ant-table-row', { hasText: out.name })
      .getByText('调出', { exact: true })
      .waitFor();

    // Add a unit not ranked high enough, found by name.
    await page.getByTestId('award-add-unit').click();
    await pickOption(
      page,
      page.getByTestId('award-subject'),
      `${extra.name}（${ORG_TYPES[extra.type as OrgType]}）`,
      extra.name,
    );
    await page.getByTestId('award-reason').fill('牵头完成重点课题调研');
    await page.getByRole('button', { name: '确 定' }).click();
    await toast(page, '已增补').waitFor();
    await units
      .locator('tr.ant-table-row', { hasText: extra.name })
      .getByText('增补', { exact: true })
      .waitFor();

    // Finalise: confirmed, then the actions are gone.
    await page.getByTestId('award-finalize').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定名单' }).click();
    await toast(page, '名单已确定').waitFor();
    await page.getByTestId('award-state').getByText('已定').waitFor();
    await expect.poll(() => page.getByTestId('award-remove').count()).toBe(0);
    const final = await db
      .selectFrom('award_rounds')
      .selectAll()
      .where('id', '=', round.id)
      .executeTakeFirstOrThrow();
    expect(final.state).toBe('final');
    expect(final.finalized_at).toBeTruthy();

    const download = page.waitForEvent('download');
    await page.getByTestId('award-docx').click();
    const zip = await JSZip.loadAsync(await readFile(await (await download).path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('政协信息工作先进单位、先进个人和优秀信息表彰名单');
    const unitTable = (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? '').replace(/<[^>]+>/g, '');
    expect(unitTable).toContain(extra.name);
    expect(unitTable).toContain('增补：牵头完成重点课题调研');
    expect(unitTable).not.toContain(out.name);

    // A signing leader reads the final list on a phone: no page-wide sideways scrolling, no actions.
    const phone = await h.newPage({ viewport: { width: 390, height: 844 } });
    await loginAs(phone, 'leader');
    await phone.goto(`${h.baseUrl}/awards/${round.id}`);
    await phone.getByTestId('award-entries-unit').getByText(extra.name).waitFor();
    expect(await phone.getByTestId('award-finalize').count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, 'awards-phone.png');
  });
});
