/**
 * Text pasted from Word or a web page: only the plain text, paragraphs kept, each trimmed of the
 * indentation and stray spaces Word carries, runs of blank lines collapsed into one paragraph
 * break. Layout (indentation, spacing) is the publication's business, not the author's.
 */
/** Chinese text has no spaces between words: a space next to a Chinese character or mark is dropped. */
const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const CJK_SPACE = new RegExp(`(?<=[${CJK}]) +| +(?=[${CJK}])`, 'g');

export function cleanPastedText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\v\f\u2028\u2029]/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\t\u00a0]/g, ' ')
    .split('\n')
    .map((line) => line.trim().replace(/ {2,}/g, ' ').replace(CJK_SPACE, ''))
    .filter((line) => line !== '')
    .join('\n');
}

interface PasteTarget {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
  setSelectionRange: (start: number, end: number) => void;
}

/**
 * Handles a paste into a text field: inserts the cleaned text at the caret (replacing the
 * selection) through `apply`, then puts the caret after it. Returns false (leaving the browser
 * to paste) when the clipboard holds no text.
 */
export function handlePaste(
  event: { clipboardData: DataTransfer | null; preventDefault: () => void; currentTarget: PasteTarget },
  apply: (next: string) => void,
  options: { singleLine?: boolean; maxLength?: number } = {},
): boolean {
  const raw = event.clipboardData?.getData('text/plain') ?? '';
  if (!raw) return false;
  event.preventDefault();
  const target = event.currentTarget;
  const cleaned = cleanPastedText(raw);
  const { value } = target;
  const selectionStart = target.selectionStart ?? value.length;
  const selectionEnd = target.selectionEnd ?? selectionStart;
  const room =
    (options.maxLength ?? Number.POSITIVE_INFINITY) - (value.length - (selectionEnd - selectionStart));
  const text = (options.singleLine ? cleaned.replace(/\n/g, '') : cleaned).slice(0, Math.max(0, room));
  const next = value.slice(0, selectionStart) + text + value.slice(selectionEnd);
  apply(next);
  const caret = selectionStart + text.length;
  window.requestAnimationFrame(() => target.setSelectionRange(caret, caret));
  return true;
}
