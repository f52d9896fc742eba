import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { pingDb } from '../../db/database.ts';

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          tags: ['系统'],
          summary: '健康检查（公开）',
          response: {
            200: z.object({
              status: z.literal('ok'),
              database: z.object({ dialect: z.string(), ok: z.boolean() }),
            }),
            503: z.object({
              status: z.literal('degraded'),
              database: z.object({ dialect: z.string(), ok: z.boolean() }),
            }),
          },
        },
      },
      async (_request, reply) => {
        const ok = await pingDb(ctx.db);
        const database = { dialect: ctx.db.dialect, ok };
        return ok
          ? { status: 'ok' as const, database }
          : reply.status(503).send({ status: 'degraded' as const, database });
      },
    );
  };
}
