import type { AuditListQuery } from '../../../shared/schemas/audit.ts';
import type { Tx } from '../../context.ts';

/** Calendar dates are taken in China Standard Time (UTC+8), as the office reads them. */
export function cstDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

export function cstDayEnd(date: string): string {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
}

export function queryAudit(tx: Tx, q: Omit<AuditListQuery, 'page' | 'pageSize'>) {
  let query = tx.selectFrom('audit_log');
  if (q.actor) query = query.where('actor_login', 'like', `%${q.actor}%`);
  if (q.action) query = query.where('action', 'like', `${q.action}%`);
  if (q.targetType) query = query.where('target_type', '=', q.targetType);
  if (q.result) query = query.where('result', '=', q.result);
  if (q.from) query = query.where('at', '>=', cstDayStart(q.from));
  if (q.to) query = query.where('at', '<', cstDayEnd(q.to));
  return query;
}
