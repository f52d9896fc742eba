/**
 * The Word file of an issue, laid out as GB/T 9704-2012 lays out an official document: A4, a
 * 156 × 225 mm text block of 22 lines of 28 characters in 3号仿宋, the red masthead and rule,
 * headings by level, page numbers “— 1 —” outside on odd and even pages, and the closing block.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Header,
  type IBorderOptions,
  Paragraph,
  TabStopType,
} from 'docx';
import {
  blank,
  bodyParagraph,
  CHAR,
  exact,
  FONTS,
  LINE,
  officialDocument,
  packDocument,
  rule,
  run,
  SIZES,
  TEXT_WIDTH,
} from '../../../lib/official-docx.ts';
import { printable } from '../../../lib/official-text.ts';
import type { IssueDocument, IssueDocumentItem } from './document.ts';
import { mastheadColor, mastheadMetrics } from './headings.ts';

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
  const file = officialDocument({
    title: `${doc.masthead}${doc.numberLabel}`,
    creator: doc.publisher,
    children,
    ...(draft ? { headers: draft } : {}),
  });
  return packDocument(file);
}
