import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf, okResponse } from '../../../shared/schemas/common.ts';
import {
  dutyInput,
  dutyQuery,
  dutySchema,
  leaveInput,
  leaveSchema,
  postInput,
  postSchema,
  postUpdate,
} from '../../../shared/schemas/posts.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import type { Actor } from '../access/actor.ts';
import { desksOf, staffOf } from '../items/desks.ts';
import { notify } from '../notifications/notifications.service.ts';
import { createPost, deletePost, presentPosts, updatePost } from './posts.service.ts';

const TAGS = ['岗位与值班'];
const ref = z.object({ id: z.number().int(), name: z.string() });

/** Desks the actor works (item.edit) and manages (item.assign: the director). */
async function desksFor(ctx: AppContext, actor: Actor) {
  const [work, manage] = await Promise.all([
    desksOf(ctx.db.kysely, actor, 'item.edit'),
    desksOf(ctx.db.kysely, actor, 'item.assign'),
  ]);
  return { work: new Set(work.map((d) => d.id)), manage: new Set(manage.map((d) => d.id)), list: work };
}

function assertDesk(desks: Set<number>, orgId: number, message = '该信息处不存在或您无权查看'): void {
  if (!desks.has(orgId)) throw new AppError('NOT_FOUND', message);
}

/** Posts with A/B holders, leave and the duty roster of the actor's information offices (R3.2). */
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
        const desks = await desksFor(ctx, actorOf(request));
        assertDesk(desks.work, request.query.orgId);
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

    app.get(
      '/leaves',
      {
        schema: {
          tags: TAGS,
          summary: '请假安排（本信息处工作人员）',
          querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
          response: { 200: listOf(leaveSchema, z.object({ manage: z.boolean() })) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const desks = await desksFor(ctx, actor);
        const staff = new Set<number>([actor.id]);
        for (const d of desks.list) for (const s of await staffOf(ctx.db.kysely, d.id)) staff.add(s.id);
        let q = ctx.db.kysely
          .selectFrom('leaves')
          .innerJoin('users', 'users.id', 'leaves.user_id')
          .select(['leaves.id', 'leaves.user_id', 'users.real_name', 'start_date', 'end_date', 'note'])
          .where('leaves.user_id', 'in', [...staff]);
        q = q.where('end_date', '>=', request.query.from ?? cstDate(ctx.clock.now()));
        if (request.query.to) q = q.where('start_date', '<=', request.query.to);
        const rows = await q.orderBy('start_date').execute();
        return {
          data: rows.map((r) => ({
            id: r.id,
            user: { id: r.user_id, name: r.real_name },
            startDate: r.start_date,
            endDate: r.end_date,
            note: r.note,
          })),
          total: rows.length,
          abilities: { manage: desks.manage.size > 0 },
        };
      },
    );

    /** A director records leave for the staff of the desks they manage; anyone for themself. */
    async function assertLeaveManager(actor: Actor, userId: number): Promise<void> {
      if (userId === actor.id) return;
      const desks = await desksFor(ctx, actor);
      for (const d of desks.manage)
        if ((await staffOf(ctx.db.kysely, d)).some((s) => s.id === userId)) return;
      throw new AppError('FORBIDDEN', '只能为本信息处工作人员登记请假');
    }

    app.post(
      '/leaves',
      { schema: { tags: TAGS, summary: '登记请假', body: leaveInput, response: { 200: okResponse } } },
      async (request) => {
        const actor = actorOf(request);
        await assertLeaveManager(actor, request.body.userId);
        await inTransaction(ctx, whoOf(request), async (tx, audit) => {
          const { id } = await tx
            .insertInto('leaves')
            .values({
              user_id: request.body.userId,
              start_date: request.body.startDate,
              end_date: request.body.endDate,
              note: request.body.note,
              created_at: ctx.clock.iso(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await audit({ action: 'leave.create', targetType: 'leave', targetId: id, summary: request.body });
        });
        return { data: { ok: true as const } };
      },
    );

    app.delete(
      '/leaves/:id',
      { schema: { tags: TAGS, summary: '取消请假', params: idParam, response: { 200: okResponse } } },
      async (request) => {
        const leave = await ctx.db.kysely
          .selectFrom('leaves')
          .selectAll()
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!leave) throw new AppError('NOT_FOUND', '请假记录不存在');
        await assertLeaveManager(actorOf(request), leave.user_id);
        await inTransaction(ctx, whoOf(request), async (tx, audit) => {
          await tx.deleteFrom('leaves').where('id', '=', leave.id).execute();
          await audit({ action: 'leave.delete', targetType: 'leave', targetId: leave.id, summary: leave });
        });
        return { data: { ok: true as const } };
      },
    );

    app.get(
      '/duty',
      {
        schema: {
          tags: TAGS,
          summary: '值班表（按月）',
          querystring: dutyQuery,
          response: {
            200: z.object({ data: z.array(dutySchema), abilities: z.object({ manage: z.boolean() }) }),
          },
        },
      },
      async (request) => {
        const desks = await desksFor(ctx, actorOf(request));
        assertDesk(desks.work, request.query.orgId);
        const rows = await ctx.db.kysely
          .selectFrom('duty_roster')
          .innerJoin('users', 'users.id', 'duty_roster.user_id')
          .select(['date', 'user_id', 'users.real_name', 'note'])
          .where('org_id', '=', request.query.orgId)
          .where('date', 'like', `${request.query.month}-%`)
          .orderBy('date')
          .execute();
        return {
          data: rows.map((r) => ({ date: r.date, user: { id: r.user_id, name: r.real_name }, note: r.note })),
          abilities: { manage: desks.manage.has(request.query.orgId) },
        };
      },
    );

    app.put(
      '/duty',
      {
        schema: { tags: TAGS, summary: '安排或取消某日值班', body: dutyInput, response: { 200: okResponse } },
      },
      async (request) => {
        const { orgId, date, userId, note } = request.body;
        assertDesk((await desksFor(ctx, actorOf(request))).manage, orgId, '只有信息处处长可以安排值班');
        if (userId !== null && !(await staffOf(ctx.db.kysely, orgId)).some((s) => s.id === userId))
          throw new AppError('VALIDATION_FAILED', '值班人员须是该信息处的工作人员');
        await inTransaction(ctx, whoOf(request), async (tx, audit) => {
          await tx.deleteFrom('duty_roster').where('org_id', '=', orgId).where('date', '=', date).execute();
          if (userId !== null) {
            await tx
              .insertInto('duty_roster')
              .values({ org_id: orgId, date, user_id: userId, note })
              .execute();
            const day = `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
            await notify(
              tx,
              [userId],
              {
                kind: 'duty',
                title: `值班安排：${day}`,
                body: `您被安排于${date.slice(0, 4)}年${day}值班，当日的紧急信息将首先通知您${note ? `。${note}` : ''}`,
                itemId: null,
              },
              ctx.clock.iso(),
            );
          }
          await audit({
            action: 'duty.set',
            targetType: 'duty',
            targetId: `${orgId}:${date}`,
            summary: { userId, note },
          });
        });
        return { data: { ok: true as const } };
      },
    );

    app.get(
      '/duty/today',
      {
        schema: {
          tags: TAGS,
          summary: '今日值班',
          response: { 200: z.object({ data: z.array(z.object({ org: ref, user: ref.nullable() })) }) },
        },
      },
      async (request) => {
        const desks = await desksFor(ctx, actorOf(request));
        const today = cstDate(ctx.clock.now());
        const data = [];
        for (const d of desks.list) {
          const row = await ctx.db.kysely
            .selectFrom('duty_roster')
            .innerJoin('users', 'users.id', 'duty_roster.user_id')
            .select(['users.id', 'users.real_name'])
            .where('org_id', '=', d.id)
            .where('date', '=', today)
            .executeTakeFirst();
          data.push({
            org: { id: d.id, name: d.name },
            user: row ? { id: row.id, name: row.real_name } : null,
          });
        }
        return { data };
      },
    );
  };
}
