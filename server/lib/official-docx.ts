/**
 * The official-document layout (GB/T 9704-2012) shared by every Word file the platform writes:
 * A4, a 156 × 225 mm text block of 22 lines of 28 characters in 3号仿宋, headings by level, page
 * numbers “— 1 —” outside on odd and even pages. Issues (刊物) add their masthead and closing
 * block; reports (通报, 报告, 名单) add titles, tables and the issuing office's sign-off.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  type Header,
  type IBorderOptions,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { type HeadingLevel, printable, splitHeading } from './official-text.ts';

/** The official typefaces, by the names Word and the fontconfig file (fonts.conf) know them. */
export const FONTS = {
  xiaobiaosong: '方正小标宋简体',
  fangsong: '仿宋_GB2312',
  kaiti: '楷体_GB2312',
  heiti: '黑体',
  songti: '宋体',
} as const;
export type FontName = (typeof FONTS)[keyof typeof FONTS];

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
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** One of 22 lines in the 225 mm block: 579 twips ≈ 28.95 pt, exact. */
export const LINE = convertMillimetersToTwip(225 / 22);
/**
 * 3号 characters are 16 pt (320 twips) wide, 28 of them 8960 twips, a little more than the 8845 of
 * the line: each is drawn 0.4 pt closer, so that 28 fit with a third of a character to spare (Word's
 * own templates do it with a character grid, which LibreOffice lays out differently). With less to
 * spare, LibreOffice 7.4 drops a comma that would hang past the end of a full line from the PDF.
 */
export const TIGHTEN = -8;
/** A 3号 character's advance, in twips. */
export const CHAR = SIZES.san * 10 + TIGHTEN;

export const exact = (line = LINE) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

export type RunOptions = Omit<IRunOptions, 'font' | 'size'>;

/** A run in one official typeface, named for every script so no part falls back to a Latin font. */
export function run(text: string, font: FontName, size: number, options: RunOptions = {}): TextRun {
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
export function rule(border: IBorderOptions, line = 1, keepNext = false): Paragraph {
  return new Paragraph({
    ...(keepNext ? { keepNext } : {}),
    spacing: exact(line),
    border: { bottom: border },
    children: [run('', FONTS.fangsong, 2)],
  });
}

export const blank = () =>
  new Paragraph({ spacing: exact(), children: [run('', FONTS.fangsong, SIZES.san)] });

const HEADING_FONT: Record<HeadingLevel, FontName> = {
  1: FONTS.heiti,
  2: FONTS.kaiti,
  3: FONTS.fangsong,
};

export function bodyParagraph(text: string): Paragraph {
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

/** Page number “— 1 —” in 4号宋体, one character in from the outside edge. */
export function pageNumberFooter(side: 'odd' | 'even'): Footer {
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

/** The file: the official styles, A4 with the official margins, page numbers, the children. */
export function officialDocument(options: {
  title: string;
  creator: string;
  children: (Paragraph | Table)[];
  headers?: { default: Header; even: Header };
}): Document {
  return new Document({
    title: printable(options.title),
    creator: printable(options.creator),
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
        ...(options.headers ? { headers: options.headers } : {}),
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: options.children,
      },
    ],
  });
}

export function packDocument(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

/** A document's title: 2号小标宋, centred, with a blank line after it. */
export function titleParagraphs(title: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: exact(),
      children: [run(title, FONTS.xiaobiaosong, SIZES.er)],
    }),
    blank(),
  ];
}

/** A line flush left without indent: the salutation (主送机关) or an annex label (附件1). */
export function flushLeft(text: string, font: FontName = FONTS.fangsong): Paragraph {
  return new Paragraph({ spacing: exact(), children: [run(text, font, SIZES.san)] });
}

/** The issuing office and date at the right, four characters in from the edge, as GB/T 9704 places them. */
export function signOff(office: string, date: string): Paragraph[] {
  const right = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: CHAR * 4 },
      spacing: exact(),
      children: [run(text, FONTS.fangsong, SIZES.san)],
    });
  return [blank(), blank(), right(office), right(date)];
}

const cellBorder: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 0 };

/**
 * A table in 小四号仿宋 (the header row 黑体), full text width, its header repeated on every
 * page; widths are relative and `align` says which columns are numbers (right-aligned).
 */
export function officialTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  widths: readonly number[],
  numeric: readonly boolean[] = [],
): Table {
  const sum = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
  const cell = (text: string | number, i: number, header: boolean) =>
    new TableCell({
      width: { size: twips[i] as number, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60 },
      borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          children: [run(String(text), header ? FONTS.heiti : FONTS.fangsong, SIZES.xiaosi)],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: twips,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}
