import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginLogSchema } from '../../../shared/schemas/auth.ts';
import { listOf, pageQuery } from '../../../shared/schemas/common.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can } from '../access/access.policy.ts';
import { cstDayEnd, cstDayStart } from '../audit/audit.repository.ts';

const query = pageQuery.extend({
  login: z.string().trim().max(64).optional(),
  result: z.string().trim().max(32).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export function loginLogRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/login-log',
      {
        schema: {
          tags: ['会话'],
          summary: '登录日志',
          querystring: query,
          response: { 200: listOf(loginLogSchema, z.object({})) },
        },
      },
      async (request) => {
        if (!can(actorOf(request), 'loginlog.read')) throw new AppError('FORBIDDEN');
        const { page, pageSize, login, result, from, to } = request.query;
        let base = ctx.db.kysely.selectFrom('login_log');
        if (login) base = base.where('login', 'like', `%${login.toLowerCase()}%`);
        if (result) base = base.where('result', '=', result);
        if (from) base = base.where('at', '>=', cstDayStart(from));
        if (to) base = base.where('at', '<', cstDayEnd(to));
        const [rows, count] = await Promise.all([
          base
            .selectAll()
            .orderBy('id', 'desc')
            .limit(pageSize)
            .offset((page - 1) * pageSize)
            .execute(),
          base.select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow(),
        ]);
        await inTransaction(ctx, whoOf(request), (_tx, audit) =>
          audit({
            action: 'loginlog.read',
            targetType: 'login_log',
            targetId: '-',
            summary: { login, result, from, to, page },
          }),
        );
        return {
          data: rows.map((r) => ({
            id: r.id,
            at: r.at,
            login: r.login,
            userId: r.user_id,
            ip: r.ip,
            userAgent: r.user_agent,
            result: r.result,
          })),
          total: Number(count.c),
          abilities: {},
        };
      },
    );
  };
}
