import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf, okResponse } from '../../../shared/schemas/common.ts';
import { grantInput, grantListQuery, grantSchema } from '../../../shared/schemas/grants.ts';
import type { AppContext } from '../../context.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can } from '../access/access.policy.ts';
import { createGrant, listGrants, revokeGrant } from './grants.service.ts';

export function grantRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/grants',
      {
        schema: {
          tags: ['角色授权'],
          summary: '角色授权列表',
          querystring: grantListQuery,
          response: { 200: listOf(grantSchema, z.object({ create: z.boolean() })) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const result = await listGrants(ctx, actor, request.query);
        return { ...result, abilities: { create: can(actor, 'grant.manage') } };
      },
    );

    app.post(
      '/grants',
      {
        schema: {
          tags: ['角色授权'],
          summary: '授予角色（安全管理员；三员分立）',
          body: grantInput,
          response: { 200: z.object({ data: z.object({ id: z.number().int() }) }) },
        },
      },
      async (request) => ({
        data: { id: await createGrant(ctx, actorOf(request), whoOf(request), request.body) },
      }),
    );

    app.delete(
      '/grants/:id',
      { schema: { tags: ['角色授权'], summary: '撤销角色', params: idParam, response: { 200: okResponse } } },
      async (request) => {
        await revokeGrant(ctx, actorOf(request), whoOf(request), request.params.id);
        return { data: { ok: true as const } };
      },
    );
  };
}
