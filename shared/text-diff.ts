import { diffChars } from 'diff';
import type { ItemContent } from './schemas/items.ts';

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
  return diffChars(a, b).map((part) => ({
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
