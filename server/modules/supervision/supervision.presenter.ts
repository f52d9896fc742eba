import type { SupervisionView } from '../../../shared/schemas/referrals.ts';
import type { Tx } from '../../context.ts';
import type { SupervisionRow } from '../../db/schema.ts';
import { summaryOf } from '../feedback/feedback.service.ts';

/** Follow-ups as the office reads them: the instruction, the departments, the deadline and the result. */
export async function presentSupervisions(
  tx: Tx,
  rows: readonly SupervisionRow[],
  today: string,
  /** The desks whose office acts on its follow-ups; a department's handler only reads them. */
  officeDesks?: ReadonlySet<number>,
): Promise<SupervisionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [units, instructions, items] = await Promise.all([
    tx
      .selectFrom('supervision_units')
      .innerJoin('organizations', 'organizations.id', 'supervision_units.org_id')
      .select(['supervision_units.supervision_id', 'organizations.id', 'organizations.name'])
      .where('supervision_id', 'in', ids)
      .orderBy('organizations.id')
      .execute(),
    tx
      .selectFrom('item_feedback')
      .selectAll()
      .where(
        'id',
        'in',
        rows.map((r) => r.feedback_id),
      )
      .execute(),
    tx
      .selectFrom('items')
      .select(['id', 'title', 'number'])
      .where('id', 'in', [...new Set(rows.map((r) => r.item_id))])
      .execute(),
  ]);
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.created_by, r.closed_by]).filter((x): x is number => x !== null)),
  ];
  const users = new Map(
    (await tx.selectFrom('users').select(['id', 'real_name']).where('id', 'in', userIds).execute()).map(
      (u) => [u.id, u.real_name],
    ),
  );
  const ref = (id: number) => ({ id, name: users.get(id) ?? '' });
  return rows.map((r) => {
    const instruction = instructions.find((f) => f.id === r.feedback_id);
    const item = items.find((i) => i.id === r.item_id);
    const open = r.state === 'open';
    const act = open && (officeDesks?.has(r.desk_id) ?? true);
    return {
      id: r.id,
      item: { id: r.item_id, title: item?.title ?? '', number: item?.number ?? null },
      instruction: {
        id: r.feedback_id,
        summary: instruction ? summaryOf(instruction) : '',
        occurredOn: instruction?.occurred_on ?? '',
        text: instruction?.text ?? '',
      },
      units: units.filter((u) => u.supervision_id === r.id).map((u) => ({ id: u.id, name: u.name })),
      state: open ? 'open' : 'closed',
      overdue: open && r.due_on < today,
      dueOn: r.due_on,
      note: r.note,
      createdBy: ref(r.created_by),
      createdAt: r.created_at,
      remindCount: r.remind_count,
      lastRemindedAt: r.last_reminded_at,
      result: r.result,
      closedOn: r.closed_on,
      closedBy: r.closed_by === null ? null : ref(r.closed_by),
      abilities: { remind: act, close: act },
    };
  });
}
