import type { NotificationKind } from '../../../shared/items.ts';
import type { Tx } from '../../context.ts';

export interface NotificationInput {
  kind: NotificationKind;
  title: string;
  body: string;
  itemId: number | null;
  /** The issue (期) the notification is about, if any; the bell opens it. */
  issueId?: number | null;
}

/**
 * Queues an in-app notification for each user (once each) who has not switched the kind off.
 * Called inside the transaction that made the change, so a rolled-back change tells no one.
 */
export async function notify(tx: Tx, userIds: readonly (number | null)[], n: NotificationInput, at: string) {
  const ids = [...new Set(userIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return;
  const off = await tx
    .selectFrom('notification_prefs')
    .select('user_id')
    .where('user_id', 'in', ids)
    .where('kind', '=', n.kind)
    .where('enabled', '=', 0)
    .execute();
  const muted = new Set(off.map((r) => r.user_id));
  const rows = ids
    .filter((id) => !muted.has(id))
    .map((user_id) => ({
      user_id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      item_id: n.itemId,
      issue_id: n.issueId ?? null,
      created_at: at,
      read_at: null,
      digested_at: null,
    }));
  if (rows.length) await tx.insertInto('notifications').values(rows).execute();
}
