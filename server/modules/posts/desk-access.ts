import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { desksOf } from '../items/desks.ts';

/** Desks the actor works (item.edit) and manages (item.assign: the director). */
export async function desksFor(ctx: AppContext, actor: Actor) {
  const [work, manage] = await Promise.all([
    desksOf(ctx.db.kysely, actor, 'item.edit'),
    desksOf(ctx.db.kysely, actor, 'item.assign'),
  ]);
  return { work: new Set(work.map((d) => d.id)), manage: new Set(manage.map((d) => d.id)), list: work };
}

export function assertDesk(desks: Set<number>, orgId: number, message = '该信息处不存在或您无权查看'): void {
  if (!desks.has(orgId)) throw new AppError('NOT_FOUND', message);
}
