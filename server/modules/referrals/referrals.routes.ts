import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf, recordOf } from '../../../shared/schemas/common.ts';
import {
  referralCreateInput,
  referralFileSchema,
  referralItemText,
  referralListQuery,
  referralReplyInput,
  referralReviewInput,
  referralRevokeInput,
  referralSchema,
  referralSignInput,
} from '../../../shared/schemas/referrals.ts';
import type { AppContext } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import type { Actor } from '../access/actor.ts';
import { loadVisible } from '../items/items.routes.ts';
import { replyReferral, reviewReferral, signReferral } from './handling.service.ts';
import { addReplyFile, sendReplyFile } from './referral-files.ts';
import { handlersOf, standingOf } from './referrals.policy.ts';
import { presentReferrals } from './referrals.presenter.ts';
import { itemReferrals, itemTextOf, listReferrals, referralCandidates } from './referrals.queries.ts';
import { createReferrals, loadForAction, mayRefer, revokeReferral } from './referrals.service.ts';

const TAGS = ['交办与办复'];
const fileParams = idParam.extend({ fileId: z.coerce.number().int().positive() });
const departmentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.string(),
  online: z.boolean(),
});
const one = z.object({ data: referralSchema });

/** Referral of items to departments (交办 → 签收 → 办复 → 评价) and the departments' list (交办件). */
export function referralRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const today = () => cstDate(ctx.clock.now());
  const present = async (actor: Actor, id: number) => {
    const tx = ctx.db.kysely;
    const { row } = await loadForAction(tx, actor, id);
    const [view] = await presentReferrals(tx, await standingOf(tx, actor), [row], today());
    return { data: view as z.infer<typeof referralSchema> };
  };

  return async (app) => {
    app.get(
      '/items/:id/referrals',
      {
        schema: {
          tags: TAGS,
          summary: '信息的交办与办复情况',
          params: idParam,
          response: { 200: listOf(referralSchema, z.object({ create: z.boolean() })) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { item } = await loadVisible(ctx, actor, request.params.id);
        const tx = ctx.db.kysely;
        const standing = await standingOf(tx, actor);
        const data = await presentReferrals(tx, standing, await itemReferrals(tx, item.id), today());
        const office = item.target_org_id !== null && standing.desks.has(item.target_org_id);
        return {
          data,
          total: data.length,
          abilities: { create: office && mayRefer(item.status) },
        };
      },
    );

    app.get(
      '/items/:id/referral-departments',
      {
        schema: {
          tags: TAGS,
          summary: '可交办的单位（本级政协机关部门、专门委员会、外部单位、下一级政协）',
          params: idParam,
          response: { 200: z.object({ data: z.array(departmentSchema) }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { item } = await loadVisible(ctx, actor, request.params.id);
        const tx = ctx.db.kysely;
        const desk = item.target_org_id;
        if (desk === null || !(await standingOf(tx, actor)).desks.has(desk)) return { data: [] };
        const data = [];
        for (const c of await referralCandidates(tx, desk))
          data.push({ id: c.id, name: c.name, type: c.type, online: (await handlersOf(tx, c)).length > 0 });
        return { data };
      },
    );

    app.post(
      '/items/:id/referrals',
      {
        schema: {
          tags: TAGS,
          summary: '交办（每个单位一件）',
          params: idParam,
          body: referralCreateInput,
          response: { 200: z.object({ data: z.object({ ids: z.array(z.number().int()) }) }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await loadVisible(ctx, actor, request.params.id);
        const ids = await createReferrals(ctx, actor, whoOf(request), request.params.id, request.body);
        return { data: { ids } };
      },
    );

    app.get(
      '/referrals',
      {
        schema: {
          tags: TAGS,
          summary: '交办件（本单位承办的，或本信息处交办的）',
          querystring: referralListQuery,
          response: { 200: listOf(referralSchema, z.object({ handle: z.boolean() })) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const tx = ctx.db.kysely;
        const standing = await standingOf(tx, actor);
        const { rows, total } = await listReferrals(tx, standing, request.query, today());
        const h = standing.handles;
        return {
          data: await presentReferrals(tx, standing, rows, today()),
          total,
          abilities: { handle: h.all || h.orgIds.length > 0 || h.subtreePaths.length > 0 },
        };
      },
    );

    app.get(
      '/referrals/:id',
      {
        schema: {
          tags: TAGS,
          summary: '交办件详情（含信息正文）',
          params: idParam,
          response: { 200: recordOf(referralSchema, z.object({})).extend({ text: referralItemText }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { data } = await present(actor, request.params.id);
        return { data, abilities: {}, text: await itemTextOf(ctx.db.kysely, data.item.id) };
      },
    );

    const act = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      run: (actor: Actor, id: number, input: z.infer<B>, who: ReturnType<typeof whoOf>) => Promise<unknown>,
    ) =>
      app.post(
        `/referrals/:id/${path}`,
        { schema: { tags: TAGS, summary, params: idParam, body, response: { 200: one } } },
        async (request) => {
          const actor = actorOf(request);
          const id = (request.params as { id: number }).id;
          await run(actor, id, request.body as z.infer<B>, whoOf(request));
          return present(actor, id);
        },
      );

    act('sign', '签收', referralSignInput, (actor, id, input, who) =>
      signReferral(ctx, actor, who, id, input),
    );
    act('reply', '办复', referralReplyInput, (actor, id, input, who) =>
      replyReferral(ctx, actor, who, id, input),
    );
    act('review', '评价办复（不满意退回重办）', referralReviewInput, (actor, id, input, who) =>
      reviewReferral(ctx, actor, who, id, input),
    );
    act('revoke', '撤销交办', referralRevokeInput, (actor, id, input, who) =>
      revokeReferral(ctx, actor, who, id, input.reason),
    );

    app.post(
      '/referrals/:id/files',
      {
        schema: {
          tags: TAGS,
          summary: '上传办复函等扫描件',
          params: idParam,
          response: { 200: z.object({ data: referralFileSchema }) },
        },
      },
      async (request) => ({
        data: await addReplyFile(ctx, actorOf(request), whoOf(request), request.params.id, request),
      }),
    );

    app.get(
      '/referrals/:id/files/:fileId',
      { schema: { tags: TAGS, summary: '下载办复附件', params: fileParams } },
      async (request, reply) =>
        sendReplyFile(ctx, actorOf(request), whoOf(request), request.params.id, request.params.fileId, reply),
    );
  };
}
