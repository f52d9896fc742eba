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
    kind: v.kind as 'original' | 'edit' | 'resubmission' | 'composite' | 'correction',
    editorName: v.real_name,
    charCount: v.char_count,
    createdAt: v.created_at,
    content: contentOf(v),
  };
}
