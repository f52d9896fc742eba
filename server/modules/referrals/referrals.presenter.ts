import { isOverdue, type ReferralState, type ReplyRating } from '../../../shared/referrals.ts';
import type { ReferralView, ReplyView } from '../../../shared/schemas/referrals.ts';
import type { Tx } from '../../context.ts';
import type { ReferralRow } from '../../db/schema.ts';
import { abilitiesOf, handlersOf, type Standing, sideOf } from './referrals.policy.ts';

async function userNames(tx: Tx, ids: readonly (number | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (wanted.length === 0) return new Map<number, string>();
  const rows = await tx.selectFrom('users').select(['id', 'real_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.real_name]));
}

/**
 * Referrals as the actor may read them: the office of the desk and the department's handlers
 * see the scans and their abilities; the item's other readers see the facts and the replies' text.
 */
export async function presentReferrals(
  tx: Tx,
  standing: Standing,
  rows: readonly ReferralRow[],
  today: string,
): Promise<ReferralView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const replies = await tx
    .selectFrom('referral_replies')
    .selectAll()
    .where('referral_id', 'in', ids)
    .orderBy('id')
    .execute();
  const files = replies.length
    ? await tx
        .selectFrom('referral_files')
        .select(['id', 'reply_id', 'file_name', 'size', 'created_at'])
        .where(
          'reply_id',
          'in',
          replies.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const users = await userNames(tx, [
    ...rows.flatMap((r) => [r.created_by, r.signed_by, r.revoked_by]),
    ...replies.flatMap((r) => [r.recorded_by, r.reviewed_by]),
  ]);
  const orgs = new Map(
    (
      await tx
        .selectFrom('organizations')
        .select(['id', 'name', 'type', 'path'])
        .where('id', 'in', [...new Set(rows.flatMap((r) => [r.org_id, r.desk_id]))])
        .execute()
    ).map((o) => [o.id, o]),
  );
  const items = new Map(
    (
      await tx
        .selectFrom('items')
        .select(['id', 'title', 'number'])
        .where('id', 'in', [...new Set(rows.map((r) => r.item_id))])
        .execute()
    ).map((i) => [i.id, i]),
  );
  const ref = (id: number) => ({ id, name: users.get(id) ?? '' });
  const online = new Map<number, boolean>();
  const views: ReferralView[] = [];
  for (const r of rows) {
    const org = orgs.get(r.org_id) ?? { id: r.org_id, name: '', type: '', path: '' };
    if (!online.has(org.id)) online.set(org.id, (await handlersOf(tx, org)).length > 0);
    const side = sideOf(standing, r, org);
    const staff = side.office || side.handler;
    const own = replies.filter((p) => p.referral_id === r.id);
    const state = r.state as ReferralState;
    const item = items.get(r.item_id);
    views.push({
      id: r.id,
      item: { id: r.item_id, title: item?.title ?? '', number: item?.number ?? null },
      org: { id: org.id, name: org.name, type: org.type },
      desk: { id: r.desk_id, name: orgs.get(r.desk_id)?.name ?? '' },
      state,
      overdue: isOverdue({ state, dueOn: r.due_on }, today),
      online: online.get(org.id) ?? false,
      note: r.note,
      sentOn: r.sent_on,
      deadlineDays: r.deadline_days,
      dueOn: r.due_on,
      createdBy: ref(r.created_by),
      signed:
        r.signed_on === null || r.signed_by === null
          ? null
          : { on: r.signed_on, signerName: r.signer_name, proxy: r.signed_proxy === 1, by: ref(r.signed_by) },
      replies: own.map(
        (p): ReplyView => ({
          id: p.id,
          text: p.text,
          repliedOn: p.replied_on,
          proxy: p.proxy === 1,
          recordedBy: ref(p.recorded_by),
          createdAt: p.created_at,
          review:
            p.rating === null || p.reviewed_by === null || p.reviewed_at === null
              ? null
              : {
                  rating: p.rating as ReplyRating,
                  note: p.review_note,
                  by: ref(p.reviewed_by),
                  at: p.reviewed_at,
                },
          files: staff
            ? files
                .filter((f) => f.reply_id === p.id)
                .map((f) => ({ id: f.id, fileName: f.file_name, size: f.size, createdAt: f.created_at }))
            : [],
        }),
      ),
      closedAt: r.closed_at,
      revoked:
        r.revoked_at === null || r.revoked_by === null
          ? null
          : { by: ref(r.revoked_by), at: r.revoked_at, reason: r.revoke_reason },
      abilities: abilitiesOf(state, side, own.length > 0),
    });
  }
  return views;
}
