import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  STATS_DIMENSIONS,
  type StatsSummaryQuery,
  statsItemSchema,
  statsItemsQuery,
  statsSummaryQuery,
  statsSummarySchema,
} from '../../../shared/schemas/stats.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { cstDateTime } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { sendStatsXlsx } from './stats.excel.ts';
import { statsItems } from './stats.items.ts';
import { statsScopeOf } from './stats.scope.ts';
import { periodFrom, type StatsInput, statsSummary } from './stats.service.ts';

const TAGS = ['统计分析'];
const RATES =
  '编用率 = 编用 ÷ 来稿（同一统计期内的两项之比）；采用率 = 上报被采用 ÷ 上报（统计期内上报的信息中，' +
  '已被中办国办、全国政协办公厅、省委办公厅或省政府办公厅采用的比例，采用日期不限）。无分母时为 null。';

async function readerScope(ctx: AppContext, actor: Actor) {
  if (!can(actor, 'stats.read')) throw new AppError('FORBIDDEN');
  return statsScopeOf(ctx.db.kysely, actor);
}

const inputOf = (q: StatsSummaryQuery): StatsInput => ({
  period: periodFrom(q),
  dimension: q.dimension,
  by: q.by,
  stream: q.stream,
});

/** Statistics of information work (R1.3, R4.6, R4.7), within the reader's `stats.read` scope. */
export function statsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/stats/summary',
      {
        schema: {
          tags: TAGS,
          summary: '信息工作统计：按报送单位、委员、市、信息分类或时间趋势汇总',
          description: `每项数字为信息条数（同一行中一条信息只计一次），得分为计分台账之和。${RATES}`,
          querystring: statsSummaryQuery,
          response: { 200: z.object({ data: statsSummarySchema }) },
        },
      },
      async (request) => {
        const scope = await readerScope(ctx, actorOf(request));
        return { data: await statsSummary(ctx.db.kysely, scope, inputOf(request.query)) };
      },
    );

    app.get(
      '/stats/items',
      {
        schema: {
          tags: TAGS,
          summary: '统计明细：某一行某一项数字所统计的信息',
          description: '返回的信息与汇总中的数字逐条对应（分页），仅含本人统计范围内的信息。',
          querystring: statsItemsQuery,
          response: { 200: z.object({ data: z.array(statsItemSchema), total: z.number().int() }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const scope = await readerScope(ctx, actor);
        const q = request.query;
        const { rows, total } = await statsItems(
          ctx.db.kysely,
          actor,
          scope,
          { ...inputOf(q), key: q.key, measure: q.measure, page: q.page, pageSize: q.pageSize },
          ctx.clock.iso(),
        );
        return { data: rows, total };
      },
    );

    app.get(
      '/stats/export',
      {
        schema: {
          tags: TAGS,
          summary: '导出统计表（Excel）',
          description: `与汇总接口同一张表，末行为合计。${RATES}`,
          querystring: statsSummaryQuery,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const scope = await readerScope(ctx, actor);
        const summary = await statsSummary(ctx.db.kysely, scope, inputOf(request.query));
        await inTransaction(ctx, whoOf(request), (_tx, audit) =>
          audit({
            action: 'stats.export',
            targetType: 'stats',
            targetId: request.query.dimension,
            summary: {
              period: summary.period.label,
              dimension: STATS_DIMENSIONS[summary.dimension],
              stream: request.query.stream ?? null,
              rows: summary.rows.length,
            },
          }),
        );
        return sendStatsXlsx(
          reply,
          summary,
          `${actor.realName}（${actor.login}）`,
          cstDateTime(ctx.clock.iso()),
        );
      },
    );
  };
}
