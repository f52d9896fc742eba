import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../context.ts';
import { actorOf } from '../../plugins/auth.ts';
import { loadVisible } from '../items/items.routes.ts';

const TAGS = ['计分'];
const scoreLine = z.object({
  id: z.number().int(),
  source: z.string(),
  ruleKey: z.string(),
  subject: z.object({ type: z.enum(['user', 'org']), id: z.number().int(), name: z.string() }),
  /** Hundredths of a point. */
  points: z.number().int(),
  occurredOn: z.string(),
  explanation: z.string(),
});

/** Score lines: every point names the event and the rule it came from. */
export function scoreRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/items/:id/score',
      {
        schema: {
          tags: TAGS,
          summary: '一条信息的计分明细（每一分对应的事件和规则）',
          params: idParam,
          response: { 200: listOf(scoreLine, z.object({})) },
        },
      },
      async (request) => {
        const { item } = await loadVisible(ctx, actorOf(request), request.params.id);
        const db = ctx.db.kysely;
        const rows = await db
          .selectFrom('score_ledger')
          .leftJoin('users', (j) =>
            j.onRef('users.id', '=', 'score_ledger.subject_id').on('score_ledger.subject_type', '=', 'user'),
          )
          .leftJoin('organizations', (j) =>
            j
              .onRef('organizations.id', '=', 'score_ledger.subject_id')
              .on('score_ledger.subject_type', '=', 'org'),
          )
          .select([
            'score_ledger.id',
            'score_ledger.source',
            'score_ledger.rule_key',
            'score_ledger.subject_type',
            'score_ledger.subject_id',
            'score_ledger.points',
            'score_ledger.occurred_on',
            'score_ledger.explanation',
            'users.real_name',
            'organizations.name as org_name',
          ])
          .where('score_ledger.item_id', '=', item.id)
          .orderBy('score_ledger.occurred_on')
          .orderBy('score_ledger.source')
          .orderBy('score_ledger.subject_type', 'desc')
          .orderBy('score_ledger.id')
          .execute();
        const data = rows.map((r) => ({
          id: r.id,
          source: r.source,
          ruleKey: r.rule_key,
          subject: {
            type: r.subject_type as 'user' | 'org',
            id: r.subject_id,
            name: (r.subject_type === 'user' ? r.real_name : r.org_name) ?? '',
          },
          points: r.points,
          occurredOn: r.occurred_on,
          explanation: r.explanation,
        }));
        return { data, total: data.length, abilities: {} };
      },
    );
  };
}
