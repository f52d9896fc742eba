/**
 * The print view of an issue: one self-contained HTML page (inline CSS, no scripts, no external
 * resources) that prints on A4 with the Word file's margins, fonts, sizes and 22-line grid, and
 * on screen shows the text on a white A4 sheet over grey (the on-screen preview, in an iframe).
 * Every piece of text is escaped.
 */

import { type HeadingLevel, printable, splitHeading } from '../../../lib/official-text.ts';
import type { IssueDocument, IssueDocumentItem } from './document.ts';
import { mastheadColor, mastheadMetrics } from './headings.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const FANGSONG =
  '"仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif';
const KAITI = '"楷体_GB2312", "楷体", KaiTi, STKaiti, "Noto Serif CJK SC", "Source Han Serif SC", serif';
const HEITI = '"黑体", SimHei, "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';
const SONGTI = '"宋体", SimSun, "Noto Serif CJK SC", "Source Han Serif SC", serif';
// 方正小标宋简体 has one weight; the fallbacks are named by their bold faces, so that only they are bold.
const XIAOBIAOSONG = '"Issue Xiaobiaosong", "方正小标宋简体", STZhongsong, "Noto Serif CJK SC", serif';

/** The sheet's width on screen: A4, 210 mm at 96 px to the inch. */
const SHEET_PX = (210 / 25.4) * 96;

/**
 * On a screen narrower than the sheet (a phone, a narrow window), the whole sheet is scaled down
 * to the width (`zoom` scales its layout box, so nothing overflows sideways), in steps of 40 px,
 * each fitting the narrowest width of its step with a little margin (and room for a scroll bar).
 * Screen only: print keeps A4 at full size. Pure CSS: the preview runs no scripts.
 */
const PHONE_STYLE = (() => {
  const rules = ['@media screen and (max-width: 840px) { body { padding: 3mm 0; } }'];
  for (let width = 840; width >= 240; width -= 40) {
    const zoom = Math.floor(((width - 40 - 24) / SHEET_PX) * 1000) / 1000;
    rules.push(`@media screen and (max-width: ${width}px) { .sheet { zoom: ${zoom}; } }`);
  }
  return rules.join('\n');
})();

const STYLE = `
@font-face {
  font-family: "Issue Xiaobiaosong";
  src: local("方正小标宋简体"), local("FZXiaoBiaoSong-B05S"), local("方正小标宋_GBK"),
    local("Noto Serif CJK SC Bold"), local("NotoSerifCJKsc-Bold"), local("Source Han Serif SC Bold"),
    local("SourceHanSerifSC-Bold"), local("STZhongsong");
}
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right {
  @bottom-right { content: "— " counter(page) " —"; vertical-align: top; padding: 7mm 4.94mm 0 0; font: 14pt/1 ${SONGTI}; }
}
@page :left {
  @bottom-left { content: "— " counter(page) " —"; vertical-align: top; padding: 7mm 0 0 4.94mm; font: 14pt/1 ${SONGTI}; }
}
:root {
  --line: calc(225mm / 22);
  /* 28 characters to the 156 mm line: each 3号 character 0.4 pt closer, as in the Word file. */
  --char: 15.6pt;
}
* { box-sizing: content-box; }
html { background: #8c8c8c; }
body { margin: 0; padding: 8mm 0; }
.sheet {
  position: relative;
  width: 156mm;
  min-height: 225mm;
  margin: 0 auto;
  padding: 37mm 26mm 35mm 28mm;
  background: #fff;
  color: #000;
  box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.35);
  font: 16pt/var(--line) ${FANGSONG};
  letter-spacing: -0.4pt;
  text-align: justify;
  overflow-wrap: anywhere;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
p, h1, h2 { margin: 0; font-weight: normal; }
.marking, .urgency { font-family: ${HEITI}; }
.masthead {
  margin-top: calc(var(--line) / 2);
  font-family: ${XIAOBIAOSONG};
  text-align: center;
  letter-spacing: 0;
  white-space: nowrap;
}
.number { margin-top: calc(var(--line) / 2); text-align: center; font-family: ${KAITI}; }
.imprint { display: flex; justify-content: space-between; padding: 0 var(--char); }
.rule { height: 1pt; margin: 4mm 0 var(--line); border-top: 2.25pt solid; border-bottom: 0.75pt solid; }
.body p, .note { text-indent: calc(2 * var(--char)); }
.note .label, .h1 { font-family: ${HEITI}; }
.note, .h2, .byline, .correction { font-family: ${KAITI}; }
.note { margin-bottom: var(--line); }
.item + .item { margin-top: var(--line); }
.item h2 {
  font: 22pt/var(--line) ${XIAOBIAOSONG};
  letter-spacing: 0;
  text-align: center;
  break-after: avoid;
  break-inside: avoid;
}
.body p.byline { text-align: right; text-indent: 0; }
.correction { margin-top: var(--line); text-indent: calc(2 * var(--char)); }
.closing {
  margin-top: var(--line);
  border-top: 0.35mm solid #000;
  border-bottom: 0.35mm solid #000;
  font: 14pt/var(--line) ${FANGSONG};
  letter-spacing: 0;
  break-inside: avoid;
}
.closing .group { padding: 0 14pt 0 42pt; text-indent: -28pt; }
.closing .run { border-top: 0.25mm solid #000; padding-right: 14pt; text-align: right; }
.draft {
  position: absolute;
  top: 20mm;
  right: 26mm;
  font: 12pt/1 ${HEITI};
  letter-spacing: 0;
  color: #808080;
}
${PHONE_STYLE}
@media print {
  html { background: none; }
  body { padding: 0; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .draft { display: none; }
}
`;

const DRAFT_NOTE = '送审稿　仅供审签';
const DRAFT_PAGE_STYLE = `
@page { @top-right { content: "${DRAFT_NOTE}"; vertical-align: bottom; padding-bottom: 10mm; font: 12pt/1 ${HEITI}; color: #808080; } }
`;

const HEADING_CLASS: Record<HeadingLevel, string> = { 1: 'h1', 2: 'h2', 3: 'h3' };

function bodyParagraph(text: string): string {
  const { level, heading, rest } = splitHeading(text);
  const head = level === null ? '' : `<span class="${HEADING_CLASS[level]}">${escapeHtml(heading)}</span>`;
  return `<p>${head}${escapeHtml(rest)}</p>`;
}

function item(it: IssueDocumentItem): string {
  const paragraphs = it.paragraphs.filter((p) => p.trim()).map(bodyParagraph);
  if (it.byline) paragraphs.push(`<p class="byline">${escapeHtml(it.byline)}</p>`);
  return `<section class="item">
<h2>${escapeHtml(it.title)}</h2>
<div class="body">
${paragraphs.join('\n')}
</div>
</section>`;
}

function head(doc: IssueDocument): string {
  const color = mastheadColor(doc.mastheadColor);
  const chars = [...printable(doc.masthead)];
  const { size, spacing } = mastheadMetrics(chars.length);
  // The last character is not followed by the letter spacing, so the name is centred on its ink.
  const name = `<span style="letter-spacing: ${spacing}pt">${escapeHtml(chars.slice(0, -1).join(''))}</span>${escapeHtml(chars.slice(-1).join(''))}`;
  const number = doc.totalLabel ? `${doc.numberLabel}（${doc.totalLabel}）` : doc.numberLabel;
  return [
    doc.marking ? `<p class="marking">${escapeHtml(doc.marking)}</p>` : '',
    doc.urgency ? `<p class="urgency">${escapeHtml(doc.urgency)}</p>` : '',
    `<h1 class="masthead" style="color: #${color}; font-size: ${size}pt; line-height: ${Math.round(size * 1.3)}pt">${name}</h1>`,
    `<p class="number">${escapeHtml(number)}</p>`,
    `<p class="imprint"><span>${escapeHtml(doc.publisher)}</span><span>${escapeHtml(doc.date)}</span></p>`,
    `<div class="rule" style="color: #${color}"></div>`,
  ]
    .filter(Boolean)
    .join('\n');
}

function closing(doc: IssueDocument): string {
  const groups: [string, string[]][] = [
    ['报', doc.recipients.bao],
    ['送', doc.recipients.song],
    ['发', doc.recipients.fa],
  ];
  const lines = groups
    .map(([label, names]) => [label, names.map((n) => n.trim()).filter(Boolean)] as const)
    .filter(([, names]) => names.length > 0)
    .map(([label, names]) => `<p class="group">${label}：${escapeHtml(names.join('、'))}</p>`);
  lines.push(`<p class="run">共印${Math.max(0, Math.trunc(doc.printRun))}份</p>`);
  return `<footer class="closing">\n${lines.join('\n')}\n</footer>`;
}

/** The issue as a complete HTML page. */
export function renderIssueHtml(doc: IssueDocument): string {
  const note = doc.editorNote.trim()
    ? `<p class="note"><span class="label">编者按：</span>${escapeHtml(doc.editorNote.replace(/^\s*编者按[：:]\s*/, ''))}</p>`
    : '';
  const correction = doc.correction
    ? `<p class="correction">${escapeHtml(`勘误（第${doc.correction.revision}版）：${doc.correction.note}`)}</p>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${doc.masthead}${doc.numberLabel}`)}</title>
<style>${STYLE}${doc.draft ? DRAFT_PAGE_STYLE : ''}</style>
</head>
<body>
<main class="sheet">
${doc.draft ? `<p class="draft">${DRAFT_NOTE}</p>\n` : ''}${head(doc)}
${note}
${doc.items.map(item).join('\n')}
${correction}
${closing(doc)}
</main>
</body>
</html>
`;
}
