/**
 * The text rules every official document obeys, in Word and on screen: which body paragraphs are
 * headings (GB/T 9704-2012 §7.3.3) and how much of them takes the heading font, and which
 * characters can be printed at all.
 */

/**
 * Heading levels of an official document (GB/T 9704-2012 §7.3.3): “一、” in 黑体, “（一）” in
 * 楷体_GB2312, “1.” in 仿宋_GB2312 like the body.
 */
export type HeadingLevel = 1 | 2 | 3;

export interface ParagraphParts {
  /** null for an ordinary body paragraph. */
  level: HeadingLevel | null;
  /** The heading sentence (up to and including the first “。”, or the whole paragraph); '' when level is null. */
  heading: string;
  /** The rest of the paragraph, set in the body font. */
  rest: string;
}

const LEVELS: [HeadingLevel, RegExp][] = [
  [1, /^[一二三四五六七八九十]+、/],
  [2, /^（[一二三四五六七八九十]+）/],
  [3, /^\d+[.．]/],
];

/** The heading level a paragraph's prefix marks, or null. */
export function headingLevel(paragraph: string): HeadingLevel | null {
  for (const [level, pattern] of LEVELS) if (pattern.test(paragraph)) return level;
  return null;
}

/** Splits a body paragraph into its heading sentence and the rest. */
export function splitHeading(paragraph: string): ParagraphParts {
  const level = headingLevel(paragraph);
  if (level === null) return { level, heading: '', rest: paragraph };
  const end = paragraph.indexOf('。');
  if (end < 0) return { level, heading: paragraph, rest: '' };
  return { level, heading: paragraph.slice(0, end + 1), rest: paragraph.slice(end + 1) };
}

// Characters XML 1.0 cannot carry (controls other than tab and line breaks, unpaired surrogates,
// the two non-characters U+FFFE/U+FFFF): a Word file containing one does not open.
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** User text without the characters no Word file can carry, and without line breaks (a paragraph is one line of text). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '').replace(/[\r\n]+/g, '');
}
