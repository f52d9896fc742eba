import type { NoticeStatus, NoticeView } from '../../../shared/schemas/portal.ts';
import type { Tx } from '../../context.ts';
import type { NoticeRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { userRefs } from './disclosures.presenter.ts';
import { findNotice } from './notices.repository.ts';

export async function presentNotices(tx: Tx, rows: NoticeRow[]): Promise<NoticeView[]> {
  if (rows.length === 0) return [];
  const ref = await userRefs(
    tx,
    rows.flatMap((r) => [r.created_by, r.published_by, r.withdrawn_by]),
  );
  const orgs = new Map(
    (
      await tx
        .selectFrom('organizations')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(rows.map((r) => r.org_id))])
        .execute()
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    org: { id: r.org_id, name: orgs.get(r.org_id) ?? '' },
    status: r.status as NoticeStatus,
    title: r.title,
    body: r.body,
    publishOn: r.publish_on,
    pinned: r.pinned === 1,
    createdBy: ref(r.created_by),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedBy: r.published_by === null ? null : ref(r.published_by),
    publishedAt: r.published_at,
    withdrawn:
      r.withdrawn_at === null || r.withdrawn_by === null
        ? null
        : { by: ref(r.withdrawn_by), at: r.withdrawn_at, reason: r.withdraw_reason },
    version: r.version,
  }));
}

/** One notice as the office sees it (the caller has checked it may; notices are never deleted). */
export async function presentNotice(tx: Tx, id: number): Promise<NoticeView> {
  const row = await findNotice(tx, id);
  const [view] = row ? await presentNotices(tx, [row]) : [];
  if (!view) throw new AppError('NOT_FOUND', '公告不存在或您无权查看');
  return view;
}
