import type { z } from 'zod';
import { ERROR_CODES } from '../../../shared/errors.ts';
import type { itemBulkInput } from '../../../shared/schemas/items.ts';
import type { AppContext, Who } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { findItem } from './items.repository.ts';
import { transitionItem } from './transition.service.ts';

/**
 * Registers or assigns several items, each in its own transaction: one refusal (taken by
 * someone else meanwhile, say) does not undo the others, and each refusal is reported.
 */
export async function bulkTransition(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  input: z.infer<typeof itemBulkInput>,
) {
  const done: number[] = [];
  const failed: { id: number; code: string; message: string }[] = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      const item = await findItem(ctx.db.kysely, id);
      await transitionItem(ctx, actor, who, id, {
        action: input.action,
        version: item?.version ?? 0,
        reason: '',
        declarations: [],
        assigneeId: input.assigneeId,
        content: null,
        referOrgId: null,
      });
      done.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ id, code: error.code, message: error.message || ERROR_CODES[error.code].message });
    }
  }
  return { done, failed };
}
