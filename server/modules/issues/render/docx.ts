/**
 * The Word file of an issue, laid out as GB/T 9704-2012 lays out an official document: A4, a
 * 156 × 225 mm text block of 22 lines of 28 characters in 3号仿宋, the red masthead and rule,
 * headings by level, page numbers “— 1 —” outside on odd and even pages, and the closing block.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  Header,
  type IBorderOptions,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import type { IssueDocument, IssueDocumentItem } from './document.ts';
import { type HeadingLevel, mastheadColor, mastheadMetrics, printable, splitHeading } from './headings.ts';

/** The official typefaces, by the names Word and the fontconfig file (fonts.conf) know them. */
export const FONTS = {
  xiaobiaosong: '方正小标宋简体',
  fangsong: '仿宋_GB2312',
  kaiti: '楷体_GB2312',
  heiti: '黑体',
  songti: '宋体',
} as const;
type FontName = (typeof FONTS)[keyof typeof FONTS];

/** Type sizes in half-points (w:sz): 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
export const SIZES = { er: 44, san: 32, si: 28, xiaosi: 24 } as const;

/** A4 as Word writes it (210 × 297 mm). */
export const PAGE = { width: 11906, height: 16838 } as const;
/** Top 37 mm, binding side 28 mm, right 26 mm, bottom 35 mm: a 156 × 225 mm text block. */
export const MARGIN = {
  top: convertMillimetersToTwip(37),
  left: convertMillimetersToTwip(28),
  right: convertMillimetersToTwip(26),
  bottom: convertMillimetersToTwip(35),
} as const;
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** One of 22 lines in the 225 mm block: 579 twips ≈ 28.95 pt, exact. */
export const LINE = convertMillimetersToTwip(225 / 22);
/**
 * 3号 characters are 16 pt (320 twips) wide, 28 of them 8960 twips, a little more than the 8845 of
 * the line: each is drawn 0.4 pt closer, so that 28 fit with a third of a character to spare (Word's
 * own templates do it with a character grid, which LibreOffice lays out differently). With less to
 * spare, LibreOffice 7.4 drops a comma that would hang past the end of a full line from the PDF.
 */
const TIGHTEN = -8;
/** A 3号 character's advance, in twips. */
const CHAR = SIZES.san * 10 + TIGHTEN;

const exact = (line = LINE) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

type RunOptions = Omit<IRunOptions, 'font' | 'size'>;

/** A run in one official typeface, named for every script so no part falls back to a Latin font. */
function run(text: string, font: FontName, size: number, options: RunOptions = {}): TextRun {
  // A tab in the text is a tab element: Word does not take a tab character in w:t for one.
  const parts = text.split('\t').map(printable);
  const children = parts.flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part])).filter((c) => c !== '');
  return new TextRun({
    ...(size === SIZES.san ? { characterSpacing: TIGHTEN } : {}),
    ...options,
    children,
    font: { eastAsia: font, ascii: font, hAnsi: font, cs: font },
    size,
  });
}

/** An empty paragraph drawing a full-width rule below itself. */
function rule(border: IBorderOptions, line = 1, keepNext = false): Paragraph {
  return new Paragraph({
    ...(keepNext ? { keepNext } : {}),
    spacing: exact(line),
    border: { bottom: border },
    children: [run('', FONTS.fangsong, 2)],
  });
}

const blank = () => new Paragraph({ spacing: exact(), children: [run('', FONTS.fangsong, SIZES.san)] });

const HEADING_FONT: Record<HeadingLevel, FontName> = {
  1: FONTS.heiti,
  2: FONTS.kaiti,
  3: FONTS.fangsong,
};

function bodyParagraph(text: string): Paragraph {
  const { level, heading, rest } = splitHeading(text);
  const children: TextRun[] = [];
  if (level !== null) children.push(run(heading, HEADING_FONT[level], SIZES.san));
  if (rest) children.push(run(rest, FONTS.fangsong, SIZES.san));
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: { firstLine: CHAR * 2, firstLineChars: 200 },
    spacing: exact(),
    children,
  });
}

function masthead(doc: IssueDocument): Paragraph {
  const chars = [...printable(doc.masthead)];
  const { size, spacing } = mastheadMetrics(chars.length);
  const color = mastheadColor(doc.mastheadColor);
  // The last character is not followed by the letter spacing, so the name is centred on its ink.
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...exact(Math.round(size * 1.3 * 20)), before: Math.round(LINE / 2) },
    children: [
      run(chars.slice(0, -1).join(''), FONTS.xiaobiaosong, size * 2, {
        color,
        characterSpacing: spacing * 20,
      }),
      run(chars.slice(-1).join(''), FONTS.xiaobiaosong, size * 2, { color }),
    ],
  });
}

function firstPage(doc: IssueDocument): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.marking)
    out.push(new Paragraph({ spacing: exact(), children: [run(doc.marking, FONTS.heiti, SIZES.san)] }));
  if (doc.urgency)
    out.push(new Paragraph({ spacing: exact(), children: [run(doc.urgency, FONTS.heiti, SIZES.san)] }));
  out.push(masthead(doc));
  const number = doc.totalLabel ? `${doc.numberLabel}（${doc.totalLabel}）` : doc.numberLabel;
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exact(), before: Math.round(LINE / 2) },
      children: [run(number, FONTS.kaiti, SIZES.san)],
    }),
  );
  // 编印单位 one character in from the left, the date one character in from the right.
  out.push(
    new Paragraph({
      indent: { left: CHAR },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR }],
      spacing: exact(),
      children: [run(`${doc.publisher}\t${doc.date}`, FONTS.fangsong, SIZES.san)],
    }),
  );
  // The red rule 4 mm under the line above, as wide as the text block.
  out.push(
    rule(
      {
        style: BorderStyle.THICK_THIN_SMALL_GAP,
        size: 24,
        color: mastheadColor(doc.mastheadColor),
        space: 0,
      },
      convertMillimetersToTwip(4),
    ),
  );
  out.push(blank());
  return out;
}

function editorNote(note: string): Paragraph[] {
  const text = note.replace(/^\s*编者按[：:]\s*/, '');
  return [
    new Paragraph({
      alignment: AlignmentType.BOTH,
      indent: { firstLine: CHAR * 2, firstLineChars: 200 },
      spacing: exact(),
      children: [run('编者按：', FONTS.heiti, SIZES.san), run(text, FONTS.kaiti, SIZES.san)],
    }),
  ];
}

function item(it: IssueDocumentItem): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      keepLines: true,
      spacing: exact(),
      children: [run(it.title, FONTS.xiaobiaosong, SIZES.er)],
    }),
  ];
  for (const p of it.paragraphs) if (p.trim()) out.push(bodyParagraph(p));
  if (it.byline)
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: exact(),
        children: [run(it.byline, FONTS.kaiti, SIZES.san)],
      }),
    );
  return out;
}

/** 版记: a thick rule, 报/送/发 in 4号仿宋 (a long list wraps under its first name), a thin rule, 共印N份, a thick rule. */
function closing(doc: IssueDocument): Paragraph[] {
  const thick: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 0 };
  const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 };
  const si = 280; // one 4号 character
  const groups: [string, string[]][] = [
    ['报', doc.recipients.bao],
    ['送', doc.recipients.song],
    ['发', doc.recipients.fa],
  ];
  // The block is kept on one page: every paragraph but the last is kept with the next.
  const out: Paragraph[] = [blank(), rule(thick, 1, true)];
  for (const [label, names] of groups) {
    const list = names.map((n) => n.trim()).filter(Boolean);
    if (!list.length) continue;
    out.push(
      new Paragraph({
        indent: { left: si * 3, hanging: si * 2, right: si },
        keepNext: true,
        keepLines: true,
        spacing: exact(),
        children: [run(`${label}：${list.join('、')}`, FONTS.fangsong, SIZES.si)],
      }),
    );
  }
  out.push(rule(thin, 1, true));
  out.push(
    new Paragraph({
      keepNext: true,
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - si }],
      spacing: exact(),
      children: [run(`\t共印${Math.max(0, Math.trunc(doc.printRun))}份`, FONTS.fangsong, SIZES.si)],
    }),
  );
  out.push(rule(thick));
  return out;
}

/** Page number “— 1 —” in 4号宋体, one character in from the outside edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const odd = side === 'odd';
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { eastAsia: FONTS.songti, ascii: FONTS.songti, hAnsi: FONTS.songti, cs: FONTS.songti },
            size: SIZES.si,
          }),
        ],
      }),
    ],
  });
}

function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [run('送审稿　仅供审签', FONTS.heiti, SIZES.xiaosi, { color: '808080' })],
      }),
    ],
  });
}

/** The issue as a .docx file. */
export async function renderIssueDocx(doc: IssueDocument): Promise<Buffer> {
  const children: Paragraph[] = [...firstPage(doc)];
  if (doc.editorNote.trim()) children.push(...editorNote(doc.editorNote), blank());
  doc.items.forEach((it, i) => {
    if (i > 0) children.push(blank());
    children.push(...item(it));
  });
  if (doc.correction)
    children.push(
      blank(),
      new Paragraph({
        alignment: AlignmentType.BOTH,
        indent: { firstLine: CHAR * 2, firstLineChars: 200 },
        spacing: exact(),
        children: [
          run(`勘误（第${doc.correction.revision}版）：${doc.correction.note}`, FONTS.kaiti, SIZES.san),
        ],
      }),
    );
  children.push(...closing(doc));

  const draft = doc.draft ? { default: draftHeader(), even: draftHeader() } : undefined;
  const file = new Document({
    title: printable(`${doc.masthead}${doc.numberLabel}`),
    creator: printable(doc.publisher),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: {
              eastAsia: FONTS.fangsong,
              ascii: FONTS.fangsong,
              hAnsi: FONTS.fangsong,
              cs: FONTS.fangsong,
            },
            size: SIZES.san,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: exact() },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              ...MARGIN,
              header: convertMillimetersToTwip(15),
              footer: convertMillimetersToTwip(20),
            },
          },
        },
        ...(draft ? { headers: draft } : {}),
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(file);
}
