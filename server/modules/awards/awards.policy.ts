import type { Permission } from '../../../shared/roles.ts';
import type { Tx } from '../../context.ts';
import type { AwardRoundRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { desksWithAny } from '../items/desks.ts';

const MODES: Record<'read' | 'manage', readonly Permission[]> = {
  // Office staff and the signing leaders read; the office director runs the selection.
  read: ['feedback.record', 'score.manage', 'issue.approve'],
  manage: ['score.manage'],
};

/** The CPPCCs (id → name) whose rounds the actor reads or runs. */
export function awardDesks(tx: Tx, actor: Actor, mode: keyof typeof MODES) {
  return desksWithAny(tx, actor, MODES[mode]);
}

const HIDDEN = '评选记录不存在或您无权查看';

/** The round, if the actor may read it; otherwise NOT_FOUND, whether or not it exists. */
export async function readableRound(tx: Tx, actor: Actor, id: number): Promise<AwardRoundRow> {
  const row = await tx.selectFrom('award_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !(await awardDesks(tx, actor, 'read')).has(row.org_id)) throw new AppError('NOT_FOUND', HIDDEN);
  return row;
}
