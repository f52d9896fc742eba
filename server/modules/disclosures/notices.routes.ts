import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf } from '../../../shared/schemas/common.ts';
import {
  noticeAbilities,
  noticeInput,
  noticeListQuery,
  noticeSchema,
  noticeUpdate,
  noticeVersionInput,
  noticeWithdrawInput,
} from '../../../shared/schemas/portal.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { presentNotice, presentNotices } from './notices.presenter.ts';
import { pageOfNotices } from './notices.repository.ts';
import {
  createNotice,
  loadNotice,
  noticeDesks,
  publishNotice,
  updateNotice,
  withdrawNotice,
} from './notices.service.ts';

const TAGS = ['信息公开'];
const noticeRecord = z.object({ data: noticeSchema });

/** The office's notices (公告) for the public portal: drafts, publishing, corrections, withdrawal. */
export function noticeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const one = async (id: number) => ({ data: await presentNotice(ctx.db.kysely, id) });

  return async (app) => {
    app.get(
      '/notices',
      {
        schema: {
          tags: TAGS,
          summary: '本级政协的门户公告（含草稿和已撤下的）',
          querystring: noticeListQuery,
          response: { 200: listOf(noticeSchema, noticeAbilities) },
        },
      },
      async (request) => {
        const desks = await noticeDesks(ctx.db.kysely, actorOf(request));
        if (desks.length === 0) throw new AppError('FORBIDDEN', '只有信息处处长可以管理门户公告');
        const { page, pageSize } = request.query;
        const { rows, total } = await pageOfNotices(
          ctx.db.kysely,
          desks.map((d) => d.id),
          page,
          pageSize,
        );
        return {
          data: await presentNotices(ctx.db.kysely, rows),
          total,
          abilities: { create: true, desks: desks.map((d) => ({ id: d.id, name: d.name })) },
        };
      },
    );

    app.get(
      '/notices/:id',
      { schema: { tags: TAGS, summary: '一条门户公告', params: idParam, response: { 200: noticeRecord } } },
      async (request) => {
        await loadNotice(ctx.db.kysely, actorOf(request), request.params.id);
        return one(request.params.id);
      },
    );

    app.post(
      '/notices',
      {
        schema: {
          tags: TAGS,
          summary: '新建门户公告（草稿）',
          body: noticeInput,
          response: { 200: noticeRecord },
        },
      },
      async (request) => one(await createNotice(ctx, actorOf(request), whoOf(request), request.body)),
    );

    app.put(
      '/notices/:id',
      {
        schema: {
          tags: TAGS,
          summary: '修改门户公告',
          params: idParam,
          body: noticeUpdate,
          response: { 200: noticeRecord },
        },
      },
      async (request) => {
        await updateNotice(ctx, actorOf(request), whoOf(request), request.params.id, request.body);
        return one(request.params.id);
      },
    );

    app.post(
      '/notices/:id/publish',
      {
        schema: {
          tags: TAGS,
          summary: '发布门户公告',
          params: idParam,
          body: noticeVersionInput,
          response: { 200: noticeRecord },
        },
      },
      async (request) => {
        await publishNotice(ctx, actorOf(request), whoOf(request), request.params.id, request.body.version);
        return one(request.params.id);
      },
    );

    app.post(
      '/notices/:id/withdraw',
      {
        schema: {
          tags: TAGS,
          summary: '撤下门户公告（记录保留）',
          params: idParam,
          body: noticeWithdrawInput,
          response: { 200: noticeRecord },
        },
      },
      async (request) => {
        await withdrawNotice(ctx, actorOf(request), whoOf(request), request.params.id, request.body);
        return one(request.params.id);
      },
    );
  };
}
