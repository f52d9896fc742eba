import type { Tx } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';

/** Mainland mobile numbers and landlines with an area code (0551-12345678). */
const PHONE_PATTERNS = [/(?<!\d)1[3-9]\d{9}(?!\d)/, /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/];

/**
 * The people behind an item and, for a composite, behind each of its sources: author names,
 * the writers' names and mobiles, and the contact phones given at submission.
 */
async function privateWords(tx: Tx, item: ItemRow): Promise<string[]> {
  const sources = item.composite
    ? await tx.selectFrom('items').selectAll().where('merged_into_id', '=', item.id).execute()
    : [];
  const items = [item, ...sources];
  const ids = items.map((i) => i.id);
  const authors = await tx
    .selectFrom('item_authors')
    .leftJoin('users', 'users.id', 'item_authors.user_id')
    .select(['item_authors.name', 'users.real_name', 'users.mobile'])
    .where('item_authors.item_id', 'in', ids)
    .execute();
  const writers = await tx
    .selectFrom('users')
    .select(['real_name', 'mobile'])
    .where(
      'id',
      'in',
      items.map((i) => i.created_by),
    )
    .execute();
  return [
    ...items.map((i) => i.contact_phone),
    ...authors.flatMap((a) => [a.name, a.real_name ?? '', a.mobile ?? '']),
    ...writers.flatMap((u) => [u.real_name, u.mobile]),
  ]
    .map((w) => w.trim())
    .filter((w) => w.length >= 2);
}

/**
 * Refuses a public version that names the item's people or carries a phone number: the office
 * removes them before approving (the author consented to the content being public, not to
 * their name or number).
 */
export async function assertNoPrivateData(tx: Tx, item: ItemRow, title: string, text: string): Promise<void> {
  const words = await privateWords(tx, item);
  const all = `${title}\n${text}`;
  const found = words.find((w) => all.includes(w));
  if (found !== undefined || PHONE_PATTERNS.some((p) => p.test(all)))
    throw new AppError(
      'DISCLOSURE_PRIVATE_DATA',
      found !== undefined && !/^\d/.test(found)
        ? `公开文本含有作者或撰稿人姓名“${found}”，请删除后再批准公开`
        : '公开文本含有电话号码，请删除后再批准公开',
    );
}
