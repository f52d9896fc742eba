import { diffChars } from 'diff';
import type { ItemContent } from './schemas/items.ts';

/** Edits and milliseconds after which a character diff gives up (see diffText). */
const MAX_EDITS = 4000;
const MAX_MS = 300;

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * A character-level difference of two texts: Chinese has no spaces between words, so the unit
 * is the character. Used by the server (versions) and the browser (a stale save against the
 * latest version).
 */
export function diffText(a: string, b: string): DiffOp[] {
  // Bounded: two long, wholly different texts would otherwise take minutes. Past the bound the
  // field is shown as replaced outright, which is what such a change is.
  const parts = diffChars(a, b, { maxEditLength: MAX_EDITS, timeout: MAX_MS });
  if (!parts)
    return [
      ...(a ? [{ op: 'delete' as const, text: a }] : []),
      ...(b ? [{ op: 'insert' as const, text: b }] : []),
    ];
  return parts.map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
}

export const CONTENT_FIELDS: readonly (readonly [keyof ItemContent, string])[] = [
  ['title', '标题'],
  ['situation', '情况'],
  ['analysis', '原因分析'],
  ['suggestion', '建议'],
  ['body', '正文'],
];

/** Field-by-field difference of two texts of an item; fields empty in both are left out. */
export function diffContent(a: ItemContent, b: ItemContent) {
  return CONTENT_FIELDS.filter(([key]) => a[key] !== '' || b[key] !== '').map(([key, label]) => ({
    field: label,
    ops: diffText(a[key], b[key]),
  }));
}
