/**
 * A report as files: Word in the official layout (the same typefaces, sizes and margins as the
 * publications, tables as annexes) and Excel (one sheet per annex, headed by who exported it).
 */

import { AlignmentType, ImageRun, PageBreak, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import type { ReportChart, ReportModel } from '../../../shared/schemas/reports.ts';
import {
  blank,
  bodyParagraph,
  exact,
  FONTS,
  flushLeft,
  officialDocument,
  officialTable,
  packDocument,
  run,
  SIZES,
  signOff,
  titleParagraphs,
} from '../../lib/official-docx.ts';
import { CHART_SIZE, renderChartPng } from './charts.ts';

/** A chart as a centred picture the width of the text block, captioned “图N　title” below. */
async function figureParagraphs(chart: ReportChart, n: number): Promise<Paragraph[]> {
  const width = 580; // ≈ the 156 mm text block at 96 dpi
  const height = Math.round((width * CHART_SIZE.height) / CHART_SIZE.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({ type: 'png', data: await renderChartPng(chart), transformation: { width, height } }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(),
      children: [run(`图${n}　${chart.title}`, FONTS.kaiti, SIZES.si)],
    }),
  ];
}

export async function renderReportDocx(m: ReportModel): Promise<Buffer> {
  const children: (Paragraph | ReturnType<typeof officialTable>)[] = [
    blank(),
    ...titleParagraphs(m.title),
    flushLeft(m.salutation),
  ];
  let figure = 0;
  for (const s of m.sections) {
    if (s.heading) children.push(bodyParagraph(s.heading));
    for (const p of s.paragraphs) children.push(bodyParagraph(p));
    for (const chart of s.charts) {
      figure += 1;
      children.push(...(await figureParagraphs(chart, figure)));
    }
  }
  if (m.annexes.length) {
    children.push(blank());
    for (const [i, a] of m.annexes.entries())
      children.push(
        bodyParagraph(`${i === 0 ? '附件：' : '　　　'}${i + 1}.${a.title.replace(/^附件\d+\s*/, '')}`),
      );
  }
  children.push(...signOff(m.office, m.date));
  for (const a of m.annexes) {
    children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(flushLeft(a.title.split(/\s+/)[0] ?? '', FONTS.heiti), blank());
    children.push(...titleParagraphs(a.title.replace(/^附件\d+\s*/, '')));
    children.push(officialTable(a.headers, a.rows, a.widths, a.numeric));
  }
  return packDocument(officialDocument({ title: m.title, creator: m.office, children }));
}

export async function renderReportXlsx(m: ReportModel, watermark: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = m.office;
  for (const [i, a] of m.annexes.entries()) {
    const sheet = wb.addWorksheet(`附件${i + 1}`);
    sheet.columns = a.widths.map((w) => ({ width: Math.max(6, w * 1.6) }));
    const mark = sheet.addRow([watermark]);
    mark.font = { color: { argb: 'FF888888' }, size: 9 };
    const title = sheet.addRow([a.title.replace(/^附件\d+\s*/, '')]);
    title.font = { bold: true, size: 14 };
    const header = sheet.addRow(a.headers);
    header.font = { bold: true };
    for (const r of a.rows)
      sheet.addRow(r.map((v, j) => (a.numeric[j] && /^-?\d+(\.\d+)?$/.test(String(v)) ? Number(v) : v)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
