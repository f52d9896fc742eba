import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.ts';
import {
  disclosureApproveInput,
  disclosureListQuery,
  disclosurePrepareInput,
  disclosureRowSchema,
  disclosureWithdrawInput,
  itemDisclosureSchema,
} from '../../../shared/schemas/portal.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import type { Actor } from '../access/actor.ts';
import { loadVisible } from '../items/items.routes.ts';
import { disclosureDesks } from './disclosures.policy.ts';
import { presentDisclosureRows, presentItemDisclosure } from './disclosures.presenter.ts';
import { pageOfDisclosures } from './disclosures.repository.ts';
import { approveDisclosure, prepareDisclosure, withdrawDisclosure } from './disclosures.service.ts';

const TAGS = ['信息公开'];

/** Preparing, approving and withdrawing the public version of items (公开审核, R4.4). */
export function disclosureRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  /** The item and the reader's desks; only the receiving office's staff see its disclosure record. */
  const loadForOffice = async (actor: Actor, id: number) => {
    const { item } = await loadVisible(ctx, actor, id);
    const desks = await disclosureDesks(ctx.db.kysely, actor);
    if (item.target_org_id === null || !desks.prepare.has(item.target_org_id))
      throw new AppError('FORBIDDEN', '只有接收该信息的信息处可以查看和办理信息公开');
    return { item, desks };
  };
  const answer = async (actor: Actor, id: number) => {
    const { item, desks } = await loadForOffice(actor, id);
    return presentItemDisclosure(ctx.db.kysely, item, desks);
  };

  return async (app) => {
    app.get(
      '/items/:id/disclosure',
      {
        schema: {
          tags: TAGS,
          summary: '信息的公开记录、拟公开文本和可办理的操作',
          params: idParam,
          response: { 200: itemDisclosureSchema },
        },
      },
      async (request) => answer(actorOf(request), request.params.id),
    );

    app.put(
      '/items/:id/disclosure',
      {
        schema: {
          tags: TAGS,
          summary: '拟定公开文本（待处长批准）',
          params: idParam,
          body: disclosurePrepareInput,
          response: { 200: itemDisclosureSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await loadForOffice(actor, request.params.id);
        await prepareDisclosure(ctx, actor, whoOf(request), request.params.id, request.body);
        return answer(actor, request.params.id);
      },
    );

    app.post(
      '/items/:id/disclosure/approve',
      {
        schema: {
          tags: TAGS,
          summary: '批准公开（按所示文本在门户公开）',
          params: idParam,
          body: disclosureApproveInput,
          response: { 200: itemDisclosureSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await loadForOffice(actor, request.params.id);
        await approveDisclosure(ctx, actor, whoOf(request), request.params.id, request.body);
        return answer(actor, request.params.id);
      },
    );

    app.post(
      '/items/:id/disclosure/withdraw',
      {
        schema: {
          tags: TAGS,
          summary: '撤销公开或撤销待批准的公开文本（记录保留）',
          params: idParam,
          body: disclosureWithdrawInput,
          response: { 200: itemDisclosureSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await loadForOffice(actor, request.params.id);
        await withdrawDisclosure(ctx, actor, whoOf(request), request.params.id, request.body);
        return answer(actor, request.params.id);
      },
    );

    app.get(
      '/disclosures',
      {
        schema: {
          tags: TAGS,
          summary: '本级信息处的信息公开记录',
          querystring: disclosureListQuery,
          response: {
            200: z.object({
              data: z.array(disclosureRowSchema),
              total: z.number().int(),
              abilities: z.object({ approve: z.boolean() }),
            }),
          },
        },
      },
      async (request) => {
        const desks = await disclosureDesks(ctx.db.kysely, actorOf(request));
        const orgIds = [...desks.prepare];
        if (orgIds.length === 0) throw new AppError('FORBIDDEN', '只有信息处工作人员可以查看信息公开记录');
        const { rows, total } = await pageOfDisclosures(ctx.db.kysely, orgIds, request.query);
        return {
          data: await presentDisclosureRows(ctx.db.kysely, rows),
          total,
          abilities: { approve: desks.approve.size > 0 },
        };
      },
    );
  };
}
