/**
 * What both renderings of an issue (the Word file and the print view) must agree on besides the
 * text rules of server/lib/official-text.ts: the masthead's colour and size.
 */

/** The masthead colour as six hex digits, or the official red when the stored one is not that. */
export function mastheadColor(color: string): string {
  return /^[0-9A-Fa-f]{6}$/.test(color) ? color.toUpperCase() : 'C00000';
}

/**
 * The masthead's type size and letter spacing in points: about 56 pt for a name of up to six
 * characters, letter-spaced by a quarter of the size; a longer name shrinks to stay on one line
 * of the 156 mm (442 pt) text block, without spacing.
 */
export function mastheadMetrics(length: number): { size: number; spacing: number } {
  const n = Math.max(1, length);
  if (n <= 6) {
    const size = Math.min(56, Math.floor(442 / (n * 1.25)));
    return { size, spacing: Math.round(size / 4) };
  }
  return { size: Math.min(56, Math.floor(442 / (n * 1.02))), spacing: 0 };
}
