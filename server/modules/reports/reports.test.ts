/**
 * Generated documents: the quarterly notification states the statistics' own figures, takes the
 * office's words in place of the defaults, and is written as a Word file in the official layout
 * (opened by LibreOffice where installed) and an Excel workbook; only a CPPCC's whole-statistics
 * readers write them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining } from '../../../shared/periods.ts';
import type { ReportModel } from '../../../shared/schemas/reports.ts';
import { cellText } from '../../lib/xlsx.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, type Session } from '../../test/factories.ts';
import { type IssueWorld, issueItems, makeIssueWorld, selectedItem } from '../../test/issues.ts';
import { WHO } from '../../test/items.ts';
import { recordFeedback } from '../feedback/feedback.service.ts';
import { convertDocxToPdf, libreOfficeAvailable } from '../issues/render/pdf.ts';
import { summaryOf } from './figures.ts';

let t: TestContext;
let w: IssueWorld;
let editor: Session;
let quarter: { year: number; index: number; label: string };

const preview = async (s: Session, query: string) => call(t.app, s, 'GET', `/api/reports?${query}`);
const docText = async (buf: Buffer) => {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string');
  return (xml ?? '').replace(/<[^>]+>/g, '');
};

beforeAll(async () => {
  t = await createTestContext();
  w = await makeIssueWorld(t.ctx);
  const a = await selectedItem(t.ctx, w, '关于完善社区养老服务设施的建议');
  const b = await selectedItem(t.ctx, w, '关于加强中小学生心理健康教育的建议');
  await issueItems(t.ctx, w, [a, b]);
  await recordFeedback(t.ctx, w.actors.editor, WHO, a, {
    kind: 'adoption',
    body: 'national_cppcc',
    bodyName: '',
    form: 'single',
    publication: '',
    occurredOn: new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10),
    note: '',
  });
  editor = await loginAs(t.app, 'editor');
  const q = periodContaining('quarter', t.ctx.clock.now());
  quarter = { year: q.year, index: q.index, label: q.label };
});
afterAll(() => t.close());

describe('the quarterly notification (季度通报)', () => {
  it("states the statistics' figures: totals, the units' and the members' tables", async () => {
    const res = await preview(editor, `kind=quarter&year=${quarter.year}&index=${quarter.index}`);
    expect(res.statusCode).toBe(200);
    const m = res.json().data as ReportModel;
    expect(m.title).toBe(`关于${quarter.label}政协信息工作情况的通报`);
    expect(m.salutation).toBe('各市政协，省政协各参加单位、各专门委员会，各位委员：');
    const stats = await summaryOf(
      t.ctx.db.kysely,
      { id: w.p.province.id, name: w.p.province.name, path: w.p.province.path },
      periodContaining('quarter', t.ctx.clock.now()),
      'org',
    );
    expect(stats.totals.submitted).toBe(2);
    const text = m.sections.flatMap((s) => s.paragraphs).join('');
    expect(text).toContain('共收到各地各单位和委员报送信息2条，其中社情民意信息2条、政协综合信息0条');
    expect(text).toContain('在本级刊物编用2条（单篇2条、综合0条），编用率100.0%');
    expect(text).toContain('被国家级机关采用1条');
    expect(m.annexes[0]?.rows).toEqual(
      stats.rows.map((r, i) => [
        i + 1,
        r.label,
        r.figures.submitted,
        r.figures.published,
        r.figures.forwarded,
        r.figures.adoptedNational,
        r.figures.adoptedProvincial,
        0,
        String(r.figures.points),
      ]),
    );
    expect(m.annexes[1]?.rows.map((r) => r[1])).toEqual(['韩志远', '王丽']);
  });

  it("the Word file prints the office's words, the annex tables and the sign-off; LibreOffice opens it", async () => {
    const res = await call(t.app, editor, 'POST', '/api/reports/file', {
      kind: 'quarter',
      year: quarter.year,
      index: quarter.index,
      texts: { requirements: '各单位要围绕年度重点工作抓好信息报送。\n\n信息较少的单位要查找原因。' },
      format: 'docx',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('季度通报.docx'));
    const text = await docText(res.rawPayload);
    expect(text).toContain(`关于${quarter.label}政协信息工作情况的通报`);
    expect(text).toContain('各单位要围绕年度重点工作抓好信息报送。');
    expect(text).not.toContain('提高信息的时效性和针对性');
    expect(text).toContain('委员报送和采用情况见附件2');
    expect(text).toContain('韩志远');
    const publisher = await t.ctx.db.kysely
      .selectFrom('publications')
      .select('publisher')
      .where('org_id', '=', w.p.province.id)
      .orderBy('sort_order')
      .executeTakeFirstOrThrow();
    expect(text).toContain(publisher.publisher);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('w:tblHeader');
    if (!libreOfficeAvailable()) return;
    const pdf = await convertDocxToPdf(res.rawPayload);
    expect(pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'report-'));
    writeFileSync(path.join(dir, 'r.pdf'), pdf as Buffer);
    try {
      execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), path.join(dir, 'r.txt')]);
    } catch {
      return; // poppler-utils absent: the PDF header above is the check
    }
    const pdfText = readFileSync(path.join(dir, 'r.txt'), 'utf8').replace(/\s+/g, '');
    expect(pdfText).toContain('政协信息工作情况的通报');
    expect(pdfText).toContain('各单位报送和采用信息情况');
  }, 90_000);

  it('the Excel workbook holds one sheet per annex with the same rows', async () => {
    const res = await call(t.app, editor, 'POST', '/api/reports/file', {
      kind: 'quarter',
      year: quarter.year,
      index: quarter.index,
      format: 'xlsx',
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['附件1', '附件2']);
    const members = wb.worksheets[1] as ExcelJS.Worksheet;
    expect(cellText(members.getCell('A1').value ?? null)).toContain('林静 导出于');
    expect((members.getRow(3).values as ExcelJS.CellValue[]).map(cellText).filter(Boolean)[0]).toBe('序号');
    expect([cellText(members.getCell('B4').value ?? null), members.getCell('D4').value]).toEqual([
      '韩志远',
      2,
    ]);
  });

  it('half-yearly and annual reports compare with a year before, with figures; an empty section is dropped and the rest renumbered', async () => {
    const half = (
      await preview(editor, `kind=half&year=${quarter.year}&index=${quarter.index <= 2 ? 1 : 2}`)
    ).json().data as ReportModel;
    const org = await t.ctx.db.kysely
      .selectFrom('organizations')
      .select(['name', 'short_name'])
      .where('id', '=', w.p.province.id)
      .executeTakeFirstOrThrow();
    expect(half.salutation).toBe(`${org.short_name || org.name}秘书长办公会议：`);
    expect(half.sections.map((s) => s.heading)).toEqual([
      '',
      '一、基本情况',
      '二、主要特点',
      '三、存在的问题',
      '四、下一步工作打算',
    ]);
    expect(half.sections[1]?.paragraphs[1]).toContain('与上年同期相比，来稿上年同期无此项');
    const year = (await preview(editor, `kind=year&year=${quarter.year}`)).json().data as ReportModel;
    expect(year.salutation).toMatch(/党组、主席会议：$/);
    expect(year.annexes.map((a) => a.headers[0])).toEqual(['序号', '地区', '信息分类', '月份']);
    expect(year.annexes[3]?.rows).toHaveLength(13);
    const file = await call(t.app, editor, 'POST', '/api/reports/file', {
      kind: 'year',
      year: quarter.year,
      format: 'docx',
    });
    const text = await docText(file.rawPayload);
    // Three figures, drawn and embedded as pictures, captioned in order.
    const media = Object.keys((await JSZip.loadAsync(file.rawPayload)).files).filter((f) =>
      f.startsWith('word/media/'),
    );
    // The world's units are all provincial: no city chart, so two figures.
    expect(year.sections[2]?.charts.map((c) => c.title)).toEqual([
      `${quarter.year}年各月来稿、编用和上级采用情况`,
      `${quarter.year}年信息内容分布（来稿前8类）`,
    ]);
    expect(media).toHaveLength(2);
    expect(text).toContain(`图1　${quarter.year}年各月来稿、编用和上级采用情况`);
    expect(text).toContain(`图2　${quarter.year}年信息内容分布`);
    const chart = await call(t.app, editor, 'GET', `/api/reports/chart?kind=year&year=${quarter.year}&n=1`);
    expect(chart.statusCode).toBe(200);
    expect(chart.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    const none = await call(t.app, editor, 'GET', `/api/reports/chart?kind=year&year=${quarter.year}&n=9`);
    expect(none.statusCode).toBe(404);
    // 存在的问题 left empty: dropped, and the next heading takes its number.
    expect(text).not.toContain('存在的问题');
    expect(text).toContain('三、下一步工作打算');
    expect(text).not.toContain('四、');
  });

  it('only whole-statistics readers write reports; bad periods are refused in Chinese', async () => {
    const liaison = await loginAs(t.app, 'liaison');
    expect((await preview(liaison, `kind=quarter&year=${quarter.year}&index=1`)).statusCode).toBe(403);
    const author = await loginAs(t.app, 'author');
    expect((await preview(author, `kind=quarter&year=${quarter.year}&index=1`)).statusCode).toBe(403);
    const bad = await preview(editor, `kind=quarter&year=${quarter.year}&index=0`);
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('请选择季度或半年');
  });
});
