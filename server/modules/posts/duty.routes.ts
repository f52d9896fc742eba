import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse } from '../../../shared/schemas/common.ts';
import { dutyInput, dutyQuery, dutySchema } from '../../../shared/schemas/posts.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { staffOf } from '../items/desks.ts';
import { notify } from '../notifications/notifications.service.ts';
import { assertDesk, desksFor } from './desk-access.ts';

const TAGS = ['岗位与值班'];
const ref = z.object({ id: z.number().int(), name: z.string() });

/** The duty roster (值班) of the actor's information offices. */
export function dutyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
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
