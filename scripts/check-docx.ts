/**
 * `npm run check:docx`: renders a sample issue to a Word file, has LibreOffice open it and print it
 * to PDF, and checks the PDF's text (pdftotext) for the masthead, the number, every title and the
 * closing block; then writes artifacts/issue.docx, artifacts/issue.pdf and page 1 as
 * artifacts/issue-page1.png (pdftoppm) to look at. Exits non-zero on any failure.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { renderIssueDocx } from '../server/modules/issues/render/docx.ts';
import { convertDocxToPdf, libreOfficeAvailable } from '../server/modules/issues/render/pdf.ts';
import { sampleIssueDocument } from '../server/modules/issues/render/sample.ts';

const OUT = path.resolve('artifacts');

function fail(message: string): never {
  console.error(`check:docx: ${message}`);
  process.exit(1);
}

function have(program: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (!libreOfficeAvailable())
  fail('LibreOffice (soffice) is not on PATH; install it with `apt-get install libreoffice-writer-nogui`.');
for (const program of ['pdftotext', 'pdftoppm'])
  if (!have(program)) fail(`${program} is not on PATH; install it with \`apt-get install poppler-utils\`.`);

const doc = sampleIssueDocument(3);
fs.mkdirSync(OUT, { recursive: true });

let started = performance.now();
const docx = await renderIssueDocx(doc);
const renderMs = performance.now() - started;
fs.writeFileSync(path.join(OUT, 'issue.docx'), docx);

started = performance.now();
let pdf: Buffer | null;
try {
  pdf = await convertDocxToPdf(docx);
} catch (err) {
  fail((err as Error).message);
}
const convertMs = performance.now() - started;
if (!pdf) fail('LibreOffice is not installed.');
if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') fail('LibreOffice did not produce a PDF.');
const pdfPath = path.join(OUT, 'issue.pdf');
fs.writeFileSync(pdfPath, pdf);

const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
// pdftotext puts spaces between letter-spaced characters and breaks lines: compare without any,
// and without the page numbers that a paragraph running on to the next page is read around.
const squeezed = text.replace(/\s+/g, '').replace(/—\d+—/g, '');
const expected = [
  doc.masthead,
  doc.numberLabel,
  doc.totalLabel,
  doc.publisher,
  doc.date,
  '编者按：',
  ...doc.items.map((item) => item.title),
  `报：${doc.recipients.bao.join('、')}`,
  `送：${doc.recipients.song.join('、')}`,
  `发：${doc.recipients.fa.join('、')}`,
  `共印${doc.printRun}份`,
];
for (const page of ['— 1 —', '— 2 —'])
  if (!text.replace(/\s+/g, '').includes(page.replace(/\s+/g, '')))
    fail(`the PDF's text lacks the page number “${page}”`);
const missing = expected.filter((s) => s && !squeezed.includes(s.replace(/\s+/g, '')));
if (missing.length) fail(`the PDF's text lacks: ${missing.map((s) => `“${s}”`).join(', ')}`);
// Every paragraph whole: a layout that drops a character (LibreOffice has dropped a comma hung
// past the margin of a justified line) must not pass.
const lost = [doc.editorNote, ...doc.items.flatMap((item) => [...item.paragraphs, item.byline])].filter(
  (p) => p && !squeezed.includes(p.replace(/\s+/g, '')),
);
if (lost.length) fail(`the PDF's text lacks ${lost.length} paragraph(s), e.g. “${lost[0]}”`);
const order = [doc.masthead, doc.items[0]!.title, `共印${doc.printRun}份`].map((s) => squeezed.indexOf(s));
if (!(order[0]! < order[1]! && order[1]! < order[2]!))
  fail('the masthead, the first title and the closing block are not in that order in the PDF.');

// The grid, measured on page 2 (body text only): lines 225 mm / 22 = 28.95 pt apart, and 28
// characters to a full line (29 when the last is punctuation hanging past the margin).
const bbox = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-bbox', pdfPath, '-'], { encoding: 'utf8' });
// Lines of 3号 text only (their boxes 1.3 × 16 pt tall): a title's box starts elsewhere in its line.
const tops = [
  ...new Set(
    [...bbox.matchAll(/<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)"/g)]
      .filter((m) => Math.abs(Number(m[2]) - Number(m[1]) - 20.8) < 0.5)
      .map((m) => Number(m[1]).toFixed(1)),
  ),
]
  .map(Number)
  .sort((a, b) => a - b);
const pitches = tops
  .slice(1)
  .map((y, i) => y - tops[i]!)
  .filter((d) => d < 40);
const pitch = pitches.reduce((a, b) => a + b, 0) / (pitches.length || 1);
if (pitches.length < 10 || Math.abs(pitch - 28.95) > 0.15)
  fail(
    `page 2's lines are ${pitch.toFixed(2)} pt apart (${pitches.length} measured), not 28.95 pt (22 to the page).`,
  );
const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdfPath, '-'], {
  encoding: 'utf8',
});
const fullLines = page2
  .split('\n')
  .filter((l) => /^[^\s\x21-\x7e]/.test(l) && !/[\x21-\x7e]/.test(l))
  .map((l) => [...l.trim().replace(/[，。、；：！？”）]$/, '')].length);
if (!fullLines.includes(28) || fullLines.some((n) => n > 28))
  fail(
    `page 2's full lines hold ${[...new Set(fullLines)].sort((a, b) => a - b).join('/')} characters, not 28.`,
  );

const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
if (!/^Page size:\s+595\.\d+ x 841\.\d+ pts/m.test(info)) fail(`the PDF's pages are not A4:\n${info}`);

const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' });
if (!/CJK/i.test(fonts)) fail(`the PDF embeds no CJK font; is fonts-noto-cjk installed?\n${fonts}`);
// fonts.conf maps 仿宋/楷体 to Noto Serif CJK, 方正小标宋简体 to its bold, 黑体 to Noto Sans CJK.
for (const face of ['NotoSerifCJK\\w*-Regular', 'NotoSerifCJK\\w*-Bold', 'NotoSansCJK'])
  if (!new RegExp(face).test(fonts))
    fail(`the PDF lacks ${face}: were the fonts of fonts.conf used?\n${fonts}`);

const prefix = path.join(OUT, 'issue-page');
execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, `${prefix}1`]);
const png = `${prefix}1.png`;
if (!fs.existsSync(png)) fail(`pdftoppm did not write ${png}.`);

console.log(
  [
    `Word file: ${(docx.length / 1024).toFixed(1)} KiB in ${renderMs.toFixed(0)} ms (${doc.items.length} items)`,
    `PDF by LibreOffice: ${pages} pages, ${(pdf.length / 1024).toFixed(1)} KiB in ${convertMs.toFixed(0)} ms`,
    `the PDF shows the masthead, the number, every title and paragraph of the ${doc.items.length} items and the closing block`,
    `lines ${pitch.toFixed(2)} pt apart (22 to the page), 28 characters to a full line`,
    `written: ${path.relative(process.cwd(), path.join(OUT, 'issue.docx'))}, ${path.relative(process.cwd(), pdfPath)}, ${path.relative(process.cwd(), png)}`,
  ].join('\n'),
);
