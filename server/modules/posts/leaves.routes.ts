import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf, okResponse } from '../../../shared/schemas/common.ts';
import { leaveInput, leaveSchema } from '../../../shared/schemas/posts.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import type { Actor } from '../access/actor.ts';
import { staffOf } from '../items/desks.ts';
import { desksFor } from './desk-access.ts';

const TAGS = ['岗位与值班'];
const _ref = z.object({ id: z.number().int(), name: z.string() });

/** Leave of information-office staff: who is away, so their post's work goes to B. */
export function leaveRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
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
    async function mayManageLeave(actor: Actor, userId: number): Promise<boolean> {
      const desks = await desksFor(ctx, actor);
      // Leave matters to posts: only office staff record it (their own, or the director's staff).
      if (desks.work.size === 0) return false;
      if (userId === actor.id) return true;
      for (const d of desks.manage)
        if ((await staffOf(ctx.db.kysely, d)).some((s) => s.id === userId)) return true;
      return false;
    }
    async function assertLeaveManager(actor: Actor, userId: number): Promise<void> {
      if (!(await mayManageLeave(actor, userId)))
        throw new AppError('FORBIDDEN', '只能为本人或本信息处工作人员登记请假');
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
        // Someone else's leave one may not manage is answered as missing.
        if (!leave || !(await mayManageLeave(actorOf(request), leave.user_id)))
          throw new AppError('NOT_FOUND', '请假记录不存在或您无权管理');
        await inTransaction(ctx, whoOf(request), async (tx, audit) => {
          await tx.deleteFrom('leaves').where('id', '=', leave.id).execute();
          await audit({ action: 'leave.delete', targetType: 'leave', targetId: leave.id, summary: leave });
        });
        return { data: { ok: true as const } };
      },
    );
  };
}
