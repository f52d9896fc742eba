import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf, okResponse } from '../../../shared/schemas/common.ts';
import { postInput, postSchema, postUpdate } from '../../../shared/schemas/posts.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can, reachCoversOrg, reachOf } from '../access/access.policy.ts';
import { findOrg } from '../orgs/orgs.repository.ts';
import { assertDesk, desksFor } from './desk-access.ts';
import { createPost, deletePost, presentPosts, updatePost } from './posts.service.ts';

const TAGS = ['岗位与值班'];
const _ref = z.object({ id: z.number().int(), name: z.string() });

/** Posts with A/B holders of the actor's information offices (R3.2). */
export function postRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/posts',
      {
        schema: {
          tags: TAGS,
          summary: '岗位（A岗/B岗）',
          querystring: z.object({ orgId: z.coerce.number().int().positive() }),
          response: { 200: listOf(postSchema, z.object({ manage: z.boolean() })) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const desks = await desksFor(ctx, actor);
        // The system administrator reads the posts too, to name them as signers of approval chains.
        if (!desks.work.has(request.query.orgId)) {
          const org = await findOrg(ctx.db.kysely, request.query.orgId);
          if (!org || !can(actor, 'org.manage') || !reachCoversOrg(reachOf(actor, 'org.manage'), org))
            assertDesk(desks.work, request.query.orgId);
        }
        const rows = await ctx.db.kysely
          .selectFrom('posts')
          .selectAll()
          .where('org_id', '=', request.query.orgId)
          .orderBy('duty')
          .orderBy('id')
          .execute();
        const data = await presentPosts(ctx.db.kysely, rows, ctx.clock.now());
        return { data, total: data.length, abilities: { manage: desks.manage.has(request.query.orgId) } };
      },
    );

    app.post(
      '/posts',
      { schema: { tags: TAGS, summary: '新建岗位', body: postInput, response: { 200: okResponse } } },
      async (request) => {
        assertDesk(
          (await desksFor(ctx, actorOf(request))).manage,
          request.body.orgId,
          '只有信息处处长可以设置岗位',
        );
        await createPost(ctx, whoOf(request), request.body);
        return { data: { ok: true as const } };
      },
    );

    app.put(
      '/posts/:id',
      {
        schema: {
          tags: TAGS,
          summary: '修改岗位',
          params: idParam,
          body: postUpdate,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        assertDesk(
          (await desksFor(ctx, actorOf(request))).manage,
          request.body.orgId,
          '只有信息处处长可以设置岗位',
        );
        await updatePost(ctx, whoOf(request), request.params.id, request.body);
        return { data: { ok: true as const } };
      },
    );

    app.delete(
      '/posts/:id',
      { schema: { tags: TAGS, summary: '删除岗位', params: idParam, response: { 200: okResponse } } },
      async (request) => {
        const post = await ctx.db.kysely
          .selectFrom('posts')
          .select('org_id')
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!post) throw new AppError('NOT_FOUND', '岗位不存在');
        assertDesk((await desksFor(ctx, actorOf(request))).manage, post.org_id, '只有信息处处长可以设置岗位');
        await deletePost(ctx, whoOf(request), request.params.id);
        return { data: { ok: true as const } };
      },
    );
  };
}
