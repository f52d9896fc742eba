import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf } from '../../../shared/schemas/common.ts';
import {
  supervisionCloseInput,
  supervisionCreateInput,
  supervisionListQuery,
  supervisionRemindInput,
  supervisionSchema,
} from '../../../shared/schemas/referrals.ts';
import type { AppContext } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { feedbackDesks } from '../feedback/feedback.service.ts';
import { loadVisible } from '../items/items.routes.ts';
import { presentSupervisions } from './supervision.presenter.ts';
import { itemSupervisions, listSupervisions } from './supervision.queries.ts';
import {
  closeSupervision,
  createSupervision,
  loadSupervision,
  remindSupervision,
} from './supervision.service.ts';

const TAGS = ['督办'];
const one = z.object({ data: supervisionSchema });

/** Follow-up of instructed items (督办): the office's list, and the actions on one follow-up. */
export function supervisionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const today = () => cstDate(ctx.clock.now());
  const present = async (actor: Actor, id: number) => {
    const { row } = await loadSupervision(ctx.db.kysely, actor, id);
    const [view] = await presentSupervisions(ctx.db.kysely, [row], today());
    return { data: view as z.infer<typeof supervisionSchema> };
  };

  return async (app) => {
    app.get(
      '/supervisions',
      {
        schema: {
          tags: TAGS,
          summary: '督办事项（督办中、逾期、已办结）',
          querystring: supervisionListQuery,
          response: { 200: listOf(supervisionSchema, z.object({})) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const desks = await feedbackDesks(ctx.db.kysely, actor);
        const handles = reachOf(actor, 'referral.handle');
        const { rows, total } = await listSupervisions(
          ctx.db.kysely,
          { desks: [...desks], handles },
          request.query,
          today(),
        );
        return {
          data: await presentSupervisions(ctx.db.kysely, rows, today(), desks),
          total,
          abilities: {},
        };
      },
    );

    app.get(
      '/items/:id/supervisions',
      {
        schema: {
          tags: TAGS,
          summary: '信息的督办事项（信息处）',
          params: idParam,
          response: { 200: listOf(supervisionSchema, z.object({ create: z.boolean() })) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { item } = await loadVisible(ctx, actor, request.params.id);
        const office =
          item.target_org_id !== null && (await feedbackDesks(ctx.db.kysely, actor)).has(item.target_org_id);
        if (!office) return { data: [], total: 0, abilities: { create: false } };
        const rows = await itemSupervisions(ctx.db.kysely, item.id);
        const data = await presentSupervisions(ctx.db.kysely, rows, today());
        return { data, total: data.length, abilities: { create: true } };
      },
    );

    app.post(
      '/items/:id/supervisions',
      {
        schema: {
          tags: TAGS,
          summary: '对领导批示立项督办',
          params: idParam,
          body: supervisionCreateInput,
          response: { 200: one },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await loadVisible(ctx, actor, request.params.id);
        const id = await createSupervision(ctx, actor, whoOf(request), request.params.id, request.body);
        return present(actor, id);
      },
    );

    app.post(
      '/supervisions/:id/remind',
      {
        schema: {
          tags: TAGS,
          summary: '催办',
          params: idParam,
          body: supervisionRemindInput,
          response: { 200: one },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await remindSupervision(ctx, actor, whoOf(request), request.params.id, request.body.note);
        return present(actor, request.params.id);
      },
    );

    app.post(
      '/supervisions/:id/close',
      {
        schema: {
          tags: TAGS,
          summary: '督办办结（可同时登记落实情况）',
          params: idParam,
          body: supervisionCloseInput,
          response: { 200: one },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await closeSupervision(ctx, actor, whoOf(request), request.params.id, request.body);
        return present(actor, request.params.id);
      },
    );
  };
}
