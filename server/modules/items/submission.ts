import { ITEM_DECLARATION_KEYS, ITEM_DECLARATIONS, type ItemDeclaration } from '../../../shared/items.ts';
import type { Settings } from '../../../shared/schemas/settings.ts';
import type { Tx } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';

/** The fields still missing before an item can be submitted, by their Chinese names. */
export async function missingFields(tx: Tx, item: ItemRow): Promise<string[]> {
  const missing: string[] = [];
  const blank = (s: string) => s.trim() === '';
  if (blank(item.title)) missing.push('标题');
  if (item.stream === 'sqmy') {
    if (blank(item.situation)) missing.push('情况');
    if (blank(item.suggestion)) missing.push('建议');
  } else {
    if (blank(item.body)) missing.push('正文');
    if (!item.kind) missing.push('综合信息类型');
  }
  if (!item.direction) missing.push('采集方向');
  if (item.topic_id === null) missing.push('信息分类');
  if (blank(item.contact_phone)) missing.push('联系电话');
  if (item.source_type !== 'own' && blank(item.source_ref)) missing.push('来源说明');
  const authors = await tx
    .selectFrom('item_authors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('item_id', '=', item.id)
    .executeTakeFirst();
  if (Number(authors?.n ?? 0) === 0) missing.push('作者');
  return missing;
}

/** Refuses a submission that is incomplete, too long or not confirmed (R3.4 保密纪律). */
export async function assertSubmittable(
  tx: Tx,
  item: ItemRow,
  declarations: readonly ItemDeclaration[],
  settings: Settings,
): Promise<void> {
  const missing = await missingFields(tx, item);
  if (missing.length)
    throw new AppError('ITEM_INCOMPLETE', `信息内容不完整，请补充：${missing.join('、')}`, {
      fields: missing,
    });
  if (item.char_count > settings.itemCharMax)
    throw new AppError(
      'ITEM_TOO_LONG',
      `信息共${item.char_count}字，超过${settings.itemCharMax}字的上限，请精简后再报送`,
      { charCount: item.char_count, max: settings.itemCharMax },
    );
  const unconfirmed = ITEM_DECLARATION_KEYS.filter((k) => !declarations.includes(k));
  if (unconfirmed.length)
    throw new AppError(
      'ITEM_DECLARATION_REQUIRED',
      `报送前请确认：${unconfirmed.map((k) => ITEM_DECLARATIONS[k]).join('；')}`,
      { unconfirmed },
    );
}
