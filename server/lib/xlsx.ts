import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export interface XlsxColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | boolean | null;
}

/** RFC 5987 filename so Chinese names survive every browser. */
export function attachmentHeader(filename: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Streams a worksheet to the client page by page, so large lists never sit in memory. The
 * first row names who exported it and when (the export's watermark).
 */
export function sendXlsxStream<T>(
  reply: FastifyReply,
  options: {
    filename: string;
    sheet: string;
    watermark: string;
    columns: XlsxColumn<T>[];
    pages: AsyncIterable<T[]>;
  },
): FastifyReply {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(options.sheet);
  sheet.columns = options.columns.map((c) => ({ width: c.width }));
  const run = async () => {
    const mark = sheet.addRow([options.watermark]);
    mark.font = { color: { argb: 'FF888888' }, size: 9 };
    mark.commit();
    const header = sheet.addRow(options.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const page of options.pages) {
      for (const row of page) sheet.addRow(options.columns.map((c) => c.value(row))).commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  run().catch((err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))));
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', attachmentHeader(options.filename))
    .header('cache-control', 'no-store')
    .send(stream);
}

/** Pages through a query by offset until it returns a short page. */
export async function* paged<T>(
  fetch: (offset: number, limit: number) => Promise<T[]>,
  limit = 1000,
): AsyncIterable<T[]> {
  for (let offset = 0; ; offset += limit) {
    const page = await fetch(offset, limit);
    if (page.length > 0) yield page;
    if (page.length < limit) return;
  }
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return String(value.result ?? '').trim();
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}
