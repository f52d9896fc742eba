import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionSchema } from '../../../shared/schemas/auth.ts';
import { listOf, okResponse, pageQuery } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../context.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can } from '../access/access.policy.ts';
import { forceLogoutSession, listMySessions, listOnline, revokeMySession } from './sessions.service.ts';

const sessionIdParam = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, '会话编号格式不正确') });
const abilities = z.object({ revoke: z.boolean() });

export function sessionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/sessions',
      {
        config: { allowDuringSetup: true },
        schema: {
          tags: ['会话'],
          summary: '我的登录会话',
          response: { 200: listOf(sessionSchema, abilities) },
        },
      },
      async (request) => {
        const data = await listMySessions(ctx, actorOf(request));
        return { data, total: data.length, abilities: { revoke: true } };
      },
    );

    app.delete(
      '/me/sessions/:id',
      {
        schema: {
          tags: ['会话'],
          summary: '注销我的某个会话',
          params: sessionIdParam,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await revokeMySession(ctx, actorOf(request), whoOf(request), request.params.id);
        return { data: { ok: true as const } };
      },
    );

    app.get(
      '/sessions',
      {
        schema: {
          tags: ['会话'],
          summary: '在线用户',
          querystring: pageQuery.extend({ q: z.string().trim().max(64).optional() }),
          response: { 200: listOf(sessionSchema, abilities) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { page, pageSize, q } = request.query;
        const result = await listOnline(ctx, actor, page, pageSize, q);
        return { ...result, abilities: { revoke: can(actor, 'session.manage') } };
      },
    );

    app.delete(
      '/sessions/:id',
      {
        schema: {
          tags: ['会话'],
          summary: '强制下线',
          params: sessionIdParam,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await forceLogoutSession(ctx, actorOf(request), whoOf(request), request.params.id);
        return { data: { ok: true as const } };
      },
    );
  };
}
