import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import {
  publicDisclosureList,
  publicDisclosureQuery,
  publicDisclosureSchema,
  publicNoticeList,
  publicNoticeQuery,
  publicNoticeSchema,
} from '../../../shared/schemas/portal.ts';
import type { AppContext } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { type PublicCache, revalidated } from './portal.cache.ts';
import {
  findPublicDisclosure,
  findPublicNotice,
  listPublicDisclosures,
  listPublicNotices,
} from './portal.queries.ts';

const TAGS = ['公开门户'];
const GONE = '该内容不存在或已撤下';

/**
 * Notices and disclosed items on the public portal (R4.4): no login; only what the office
 * approved for the public, in the shapes of shared/schemas/portal.ts (the serializer drops
 * anything else). Drafts, notices before their day and withdrawn records are never answered.
 */
export function publicContentRoutes(ctx: AppContext, cached: PublicCache): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/notices',
      {
        config: { public: true },
        schema: {
          tags: TAGS,
          summary: '通知公告（公开，无需登录）',
          querystring: publicNoticeQuery,
          response: { 200: publicNoticeList },
        },
      },
      async (request, reply) => {
        const { page, pageSize } = request.query;
        const today = cstDate(ctx.clock.now());
        const { value, generation } = await cached(`portal:notices:${today}:${page}:${pageSize}`, () =>
          listPublicNotices(ctx.db.kysely, today, page, pageSize),
        );
        if (revalidated(request, reply, generation, today)) return reply;
        return value;
      },
    );

    app.get(
      '/public/notices/:id',
      {
        config: { public: true },
        schema: {
          tags: TAGS,
          summary: '一条通知公告（公开，无需登录）',
          params: idParam,
          response: { 200: z.object({ data: publicNoticeSchema }) },
        },
      },
      async (request, reply) => {
        const today = cstDate(ctx.clock.now());
        const { value, generation } = await cached(`portal:notice:${today}:${request.params.id}`, () =>
          findPublicNotice(ctx.db.kysely, today, request.params.id),
        );
        if (value === null) throw new AppError('NOT_FOUND', GONE);
        if (revalidated(request, reply, generation, today)) return reply;
        return { data: value };
      },
    );

    app.get(
      '/public/disclosures',
      {
        config: { public: true },
        schema: {
          tags: TAGS,
          summary: '公开的社情民意信息（公开，无需登录）',
          querystring: publicDisclosureQuery,
          response: { 200: publicDisclosureList },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const today = cstDate(ctx.clock.now());
        const key = `portal:disclosures:${JSON.stringify([q.page, q.pageSize, q.category, q.year, q.q])}`;
        const { value, generation } = await cached(key, () => listPublicDisclosures(ctx.db.kysely, q));
        if (revalidated(request, reply, generation, today)) return reply;
        return value;
      },
    );

    app.get(
      '/public/disclosures/:id',
      {
        config: { public: true },
        schema: {
          tags: TAGS,
          summary: '一条公开的社情民意信息（公开，无需登录）',
          params: idParam,
          response: { 200: z.object({ data: publicDisclosureSchema }) },
        },
      },
      async (request, reply) => {
        const today = cstDate(ctx.clock.now());
        const { value, generation } = await cached(`portal:disclosure:${request.params.id}`, () =>
          findPublicDisclosure(ctx.db.kysely, request.params.id),
        );
        if (value === null) throw new AppError('NOT_FOUND', GONE);
        if (revalidated(request, reply, generation, today)) return reply;
        return { data: value };
      },
    );
  };
}
