import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentPeriod } from '../../../shared/periods.ts';
import type { AppContext } from '../../context.ts';
import { publicCache } from './portal.cache.ts';
import { publicContentRoutes } from './portal.public.ts';

const TAGS = ['公开门户'];

const rankingSchema = z.object({
  period: z.object({
    kind: z.enum(['year', 'quarter']),
    label: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  rows: z.array(z.object({ rank: z.number().int(), unit: z.string(), count: z.number().int() })),
  total: z.number().int(),
  updatedAt: z.string(),
});

/**
 * The public portal (R4.9): no login, nothing internal. Notices and disclosed items (R4.4) are in
 * portal.public.ts. The rolling ranking of submitting units
 * by submissions this year or quarter, counted from the first submission of each item (China
 * calendar). Responses carry only the fields below; answers are cached until the data changes.
 */
export function portalRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const cached = publicCache(ctx);

  return async (app) => {
    await app.register(publicContentRoutes(ctx, cached));
    app.get(
      '/public/ranking',
      {
        config: { public: true },
        schema: {
          tags: TAGS,
          summary: '各报送单位报送信息数量排行（公开，无需登录）',
          querystring: z.object({ period: z.enum(['year', 'quarter']).default('year') }),
          response: { 200: z.object({ data: rankingSchema }) },
        },
      },
      async (request, reply) => {
        const period = currentPeriod(request.query.period, ctx.clock.now());
        const { value: data } = await cached(`portal:ranking:${period.kind}:${period.from}`, async () => {
          const rows = await ctx.db.kysely
            .selectFrom('items')
            .innerJoin('organizations', 'organizations.id', 'items.submitting_org_id')
            .select(['organizations.name', (eb) => eb.fn.countAll<number>().as('n')])
            .where('items.first_submitted_at', '>=', period.from)
            .where('items.first_submitted_at', '<', period.to)
            .where('items.composite', '=', 0)
            .groupBy(['organizations.id', 'organizations.name'])
            .execute();
          const sorted = rows
            .map((r) => ({ unit: r.name, count: Number(r.n) }))
            .sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit, 'zh-CN'));
          let rank = 0;
          let last = -1;
          const ranked = sorted.map((r, i) => {
            if (r.count !== last) rank = i + 1;
            last = r.count;
            return { rank, ...r };
          });
          return {
            period: { kind: period.kind, label: period.label, from: period.from, to: period.to },
            rows: ranked,
            total: ranked.reduce((s, r) => s + r.count, 0),
            updatedAt: ctx.clock.iso(),
          };
        });
        return reply.header('cache-control', 'public, max-age=30').send({ data });
      },
    );
  };
}
