import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NOTIFICATION_KIND_KEYS, type NotificationKind } from '../../../shared/items.ts';
import { listOf, okResponse, queryBool } from '../../../shared/schemas/common.ts';
import { notificationSchema } from '../../../shared/schemas/items.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';

const TAGS = ['消息提醒'];
const prefsSchema = z.object(
  Object.fromEntries(NOTIFICATION_KIND_KEYS.map((k) => [k, z.boolean()])) as Record<
    NotificationKind,
    z.ZodBoolean
  >,
);

/** The bell: one's own notifications only. Reading them is not a change worth auditing. */
export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/notifications',
      {
        schema: {
          tags: TAGS,
          summary: '我的消息',
          querystring: z.object({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(20),
            unread: queryBool.optional(),
          }),
          response: { 200: listOf(notificationSchema, z.object({})) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { page, pageSize, unread } = request.query;
        let q = ctx.db.kysely.selectFrom('notifications').where('user_id', '=', actor.id);
        if (unread) q = q.where('read_at', 'is', null);
        const [{ n }, rows] = await Promise.all([
          q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
          q
            .selectAll()
            .orderBy('id', 'desc')
            .limit(pageSize)
            .offset((page - 1) * pageSize)
            .execute(),
        ]);
        return {
          data: rows.map((r) => ({
            id: r.id,
            kind: r.kind as NotificationKind,
            title: r.title,
            body: r.body,
            itemId: r.item_id,
            issueId: r.issue_id,
            createdAt: r.created_at,
            read: r.read_at !== null,
          })),
          total: Number(n),
          abilities: {},
        };
      },
    );

    app.get(
      '/notifications/unread-count',
      {
        schema: {
          tags: TAGS,
          summary: '未读消息数',
          response: { 200: z.object({ data: z.object({ count: z.number().int() }) }) },
        },
      },
      async (request) => {
        const row = await ctx.db.kysely
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', actorOf(request).id)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow();
        return { data: { count: Number(row.n) } };
      },
    );

    app.post(
      '/notifications/read',
      {
        schema: {
          tags: TAGS,
          summary: '标为已读',
          body: z.object({
            ids: z.array(z.number().int().positive()).max(500).default([]),
            all: z.boolean().default(false),
          }),
          response: { 200: okResponse },
        },
      },
      async (request) => {
        const { ids, all } = request.body;
        let q = ctx.db.kysely
          .updateTable('notifications')
          .set({ read_at: ctx.clock.iso() })
          .where('user_id', '=', actorOf(request).id)
          .where('read_at', 'is', null);
        if (!all) q = ids.length ? q.where('id', 'in', ids) : q.where('id', '=', -1);
        await q.execute();
        return { data: { ok: true as const } };
      },
    );

    app.get(
      '/notification-prefs',
      { schema: { tags: TAGS, summary: '消息提醒设置', response: { 200: z.object({ data: prefsSchema }) } } },
      async (request) => {
        const rows = await ctx.db.kysely
          .selectFrom('notification_prefs')
          .select(['kind', 'enabled'])
          .where('user_id', '=', actorOf(request).id)
          .execute();
        const off = new Set(rows.filter((r) => r.enabled === 0).map((r) => r.kind));
        return {
          data: Object.fromEntries(NOTIFICATION_KIND_KEYS.map((k) => [k, !off.has(k)])) as Record<
            NotificationKind,
            boolean
          >,
        };
      },
    );

    app.put(
      '/notification-prefs',
      {
        schema: {
          tags: TAGS,
          summary: '修改消息提醒设置',
          body: prefsSchema,
          response: { 200: z.object({ data: prefsSchema }) },
        },
      },
      async (request) => {
        const userId = actorOf(request).id;
        await inTransaction(ctx, whoOf(request), async (tx, audit) => {
          for (const kind of NOTIFICATION_KIND_KEYS) {
            const enabled = request.body[kind] ? 1 : 0;
            await tx
              .insertInto('notification_prefs')
              .values({ user_id: userId, kind, enabled })
              .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ enabled }))
              .execute();
          }
          await audit({
            action: 'notification.prefs',
            targetType: 'user',
            targetId: userId,
            summary: request.body,
          });
        });
        return { data: request.body };
      },
    );
  };
}
