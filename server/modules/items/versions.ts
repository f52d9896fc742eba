import { diffChars } from 'diff';
import type { ItemContent } from '../../../shared/schemas/items.ts';
import type { Tx } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { contentOf } from './items.repository.ts';

export async function findVersion(tx: Tx, itemId: number, no: number) {
  const v = await tx
    .selectFrom('item_versions')
    .innerJoin('users', 'users.id', 'item_versions.editor_id')
    .selectAll('item_versions')
    .select('users.real_name')
    .where('item_id', '=', itemId)
    .where('no', '=', no)
    .executeTakeFirst();
  if (!v) throw new AppError('NOT_FOUND', `第${no}稿不存在`);
  return {
    no: v.no,
    kind: v.kind as 'original' | 'edit' | 'resubmission' | 'composite',
    editorName: v.real_name,
    charCount: v.char_count,
    createdAt: v.created_at,
    content: contentOf(v),
  };
}

const FIELDS: [keyof ItemContent, string][] = [
  ['title', '标题'],
  ['situation', '情况'],
  ['analysis', '原因分析'],
  ['suggestion', '建议'],
  ['body', '正文'],
];

/**
 * A character-level difference between two texts, field by field. Chinese has no spaces
 * between words, so the unit is the character; fields empty in both are left out.
 */
export function diffContent(a: ItemContent, b: ItemContent) {
  return FIELDS.filter(([key]) => a[key] !== '' || b[key] !== '').map(([key, label]) => ({
    field: label,
    ops: diffChars(a[key], b[key]).map((part) => ({
      op: part.added ? ('insert' as const) : part.removed ? ('delete' as const) : ('equal' as const),
      text: part.value,
    })),
  }));
}
