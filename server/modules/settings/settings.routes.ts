import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ROLES, ROLES } from '../../../shared/roles.ts';
import { recordOf } from '../../../shared/schemas/common.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can } from '../access/access.policy.ts';
import { settingsSchema } from './settings.service.ts';

const abilities = z.object({ update: z.boolean() });

export function settingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/settings',
      {
        schema: {
          tags: ['系统设置'],
          summary: '安全与运行设置',
          response: { 200: recordOf(settingsSchema, abilities) },
        },
      },
      async (request) => {
        if (!can(actorOf(request), 'settings.manage')) throw new AppError('FORBIDDEN');
        return { data: await ctx.settings.get(), abilities: { update: true } };
      },
    );

    app.put(
      '/settings',
      {
        schema: {
          tags: ['系统设置'],
          summary: '修改设置',
          body: settingsSchema,
          response: { 200: recordOf(settingsSchema, abilities) },
        },
      },
      async (request) => {
        if (!can(actorOf(request), 'settings.manage')) throw new AppError('FORBIDDEN');
        // 等保: administrators always use a second factor; only the demo may switch that off.
        const missing = ADMIN_ROLES.filter((r) => !request.body.totpRequiredRoles.includes(r));
        if (!ctx.config.demo && missing.length > 0) {
          throw new AppError(
            'VALIDATION_FAILED',
            `三员（${missing.map((r) => ROLES[r].label).join('、')}）必须使用动态验证码，不能从名单中移除`,
          );
        }
        const before = await ctx.settings.get();
        await inTransaction(ctx, whoOf(request), async (tx, audit) => {
          await ctx.settings.save(request.body, tx);
          await audit({
            action: 'settings.update',
            targetType: 'settings',
            targetId: 'platform',
            summary: { before, after: request.body },
          });
        });
        return { data: await ctx.settings.get(), abilities: { update: true } };
      },
    );
  };
}
