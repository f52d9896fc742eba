import {
  ITEM_ACTIONS,
  ITEM_STATES,
  type ItemAction,
  type ItemState,
} from '../../../shared/workflow/items.ts';
import type { Tx } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';
import { cstDateTime } from '../../lib/clock.ts';
import type { Actor } from '../access/actor.ts';
import { notify } from '../notifications/notifications.service.ts';
import { dutyOfficer } from '../posts/assignment.ts';
import { staffOf } from './desks.ts';
import { authorUserIds } from './items.repository.ts';
import type { Effect } from './transition.effects.ts';

/**
 * Who hears of a transition: the authors when the state changes; the assignee, or the whole
 * office when nobody holds new intake; for urgent intake the duty officer first.
 */
export async function notifyParties(
  tx: Tx,
  actor: Actor | null,
  before: ItemRow,
  after: ItemRow,
  action: ItemAction,
  reason: string,
  effect: Effect,
  at: string,
): Promise<void> {
  const title = `《${after.title || '无标题'}》`;
  if (before.status !== after.status) {
    const authors = [after.created_by, ...(await authorUserIds(tx, after.id))].filter(
      (id) => id !== actor?.id,
    );
    await notify(
      tx,
      authors,
      {
        kind: 'item_status',
        title: `信息${title}${ITEM_ACTIONS[action].label}`,
        body: `状态：${ITEM_STATES[after.status as ItemState]}${reason ? `。理由：${reason}` : ''}${effect.note ? `。${effect.note}` : ''}`,
        itemId: after.id,
      },
      at,
    );
  }
  if (!effect.notifyAssignee || after.target_org_id === null) return;
  const submitted = action === 'submit' || action === 'resubmit';
  const staff = async () => (await staffOf(tx, after.target_org_id as number)).map((u) => u.id);
  // Urgent items reach the duty officer first (值班) — or, with nobody on duty, the whole office.
  if (after.urgent && submitted) {
    const officer = await dutyOfficer(tx, after.target_org_id, new Date(at));
    await notify(
      tx,
      officer !== null ? [officer] : await staff(),
      { kind: 'item_urgent', title: `紧急信息${title}已报送`, body: '请及时处理', itemId: after.id },
      at,
    );
  }
  // Without a registration post nobody holds new intake: the office as a whole is told.
  if (submitted && after.assignee_id === null) {
    await notify(
      tx,
      await staff(),
      { kind: 'item_assigned', title: `新报送信息${title}待登记`, body: '请及时登记', itemId: after.id },
      at,
    );
    return;
  }
  if (after.assignee_id !== null && after.assignee_id !== actor?.id)
    await notify(
      tx,
      [after.assignee_id],
      {
        kind: 'item_assigned',
        title: `请办理信息${title}`,
        body: after.due_at ? `请于${cstDateTime(after.due_at)}前办理` : '已分配给您',
        itemId: after.id,
      },
      at,
    );
}
