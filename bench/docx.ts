/**
 * `npm run bench:docx`: renders a 10-item issue to a Word file 5 times to warm up, then 50 times,
 * and prints the median, 90th percentile and fastest time and the file's size; renders the print
 * view (HTML) the same way; and, when LibreOffice is installed, times converting the Word file to
 * PDF (a cold start of LibreOffice with a fresh profile, as every conversion is). Target: a median
 * of at most 150 ms for the Word file. Timings on a shared machine are only comparable within one run.
 */
import { renderIssueDocx } from '../server/modules/issues/render/docx.ts';
import { renderIssueHtml } from '../server/modules/issues/render/html.ts';
import { convertDocxToPdf, libreOfficeAvailable } from '../server/modules/issues/render/pdf.ts';
import { sampleIssueDocument } from '../server/modules/issues/render/sample.ts';

const ITEMS = 10;
const WARMUP = 5;
const RUNS = 50;
const TARGET_MS = 150;

interface Timing {
  median: number;
  p90: number;
  min: number;
}

async function time(fn: () => unknown): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
  return { median: at(0.5), p90: at(0.9), min: ms[0]! };
}

const fmt = (n: number) => n.toFixed(1).padStart(7);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
function row(name: string, t: Timing, size: number): void {
  console.log(
    `${name.padEnd(32)} median ${fmt(t.median)} ms   p90 ${fmt(t.p90)} ms   min ${fmt(t.min)} ms   ${kib(size)}`,
  );
}

const doc = sampleIssueDocument(ITEMS);
const paragraphs = doc.items.reduce((n, item) => n + item.paragraphs.length, 0);
console.log(`issue of ${ITEMS} items, ${paragraphs} paragraphs; ${WARMUP} warm-up runs, then ${RUNS}`);

const docx = await renderIssueDocx(doc);
const docxTiming = await time(() => renderIssueDocx(doc));
row('Word file (renderIssueDocx)', docxTiming, docx.length);

const html = renderIssueHtml(doc);
row('print view (renderIssueHtml)', await time(() => renderIssueHtml(doc)), Buffer.byteLength(html));

if (libreOfficeAvailable()) {
  const started = performance.now();
  const pdf = await convertDocxToPdf(docx);
  const ms = performance.now() - started;
  console.log(`${'PDF by LibreOffice (one run)'.padEnd(32)} ${ms.toFixed(0)} ms   ${kib(pdf!.length)}`);
} else {
  console.log(`${'PDF by LibreOffice'.padEnd(32)} not measured: LibreOffice (soffice) is not installed`);
}

const met = docxTiming.median <= TARGET_MS;
console.log(
  `target: Word file median ≤ ${TARGET_MS} ms — ${met ? 'met' : 'NOT met'} (${docxTiming.median.toFixed(1)} ms)`,
);
if (!met) process.exitCode = 1;
