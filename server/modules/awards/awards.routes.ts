import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultAwardPeriod, defaultAwardRoundName } from '../../../shared/awards.ts';
import {
  awardAdjustInput,
  awardEntryView,
  awardRoundInput,
  awardRoundView,
  awardSubjectQuery,
  awardSubjectView,
} from '../../../shared/schemas/awards.ts';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { cstDate, cstDateTime } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { attachmentHeader } from '../../lib/xlsx.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import type { Actor } from '../access/actor.ts';
import { deskOf } from '../items/desks.ts';
import { awardDesks, readableRound } from './awards.policy.ts';
import { entriesOf, listRounds, roundView } from './awards.queries.ts';
import { type AwardDocument, awardTitle, renderAwardDocx, renderAwardXlsx } from './awards.render.ts';
import { searchSubjects } from './awards.repository.ts';
import { adjustRound, createRound, finalizeRound, recomputeRound } from './awards.service.ts';

const TAGS = ['评选表彰'];
const deskRef = z.object({ id: z.number().int(), name: z.string() });
const created = z.object({ data: z.object({ id: z.number().int() }) });

/** 评选表彰 (R4.10): the director runs rounds for their CPPCC; office staff and signing leaders read them. */
export function awardRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const db = () => ctx.db.kysely;
  /** The round with its entries, as both the page and the files read it. */
  const documentOf = async (actor: Actor, id: number): Promise<AwardDocument> => {
    await readableRound(db(), actor, id);
    const round = await roundView(db(), id);
    const date = round.finalizedAt ? cstDate(new Date(round.finalizedAt)) : cstDate(ctx.clock.now());
    return { round, entries: await entriesOf(db(), id), date };
  };
  const audited = (request: Parameters<typeof whoOf>[0], id: number, format: string) =>
    inTransaction(ctx, whoOf(request), (_tx, audit) =>
      audit({ action: 'award.download', targetType: 'award_round', targetId: id, summary: { format } }),
    );

  return async (app) => {
    app.get(
      '/awards',
      {
        schema: {
          tags: TAGS,
          summary: '评选表彰（本级政协各轮评选，新的在前）',
          response: {
            200: z.object({
              data: z.array(awardRoundView),
              abilities: z.object({
                /** The CPPCCs where the actor may open a round. */
                create: z.array(deskRef),
                defaults: z.object({ name: z.string(), from: z.string(), to: z.string() }),
              }),
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const readable = await awardDesks(db(), actor, 'read');
        if (readable.size === 0) throw new AppError('FORBIDDEN', '您没有查看评选表彰的权限');
        const manage = await awardDesks(db(), actor, 'manage');
        const period = defaultAwardPeriod(cstDate(ctx.clock.now()));
        return {
          data: await listRounds(db(), actor),
          abilities: {
            create: [...manage].map(([id, name]) => ({ id, name })),
            defaults: { name: defaultAwardRoundName(period.from, period.to), ...period },
          },
        };
      },
    );

    app.post(
      '/awards',
      {
        schema: {
          tags: TAGS,
          summary: '新建一轮评选（按期间内计分自动生成候选名单）',
          body: awardRoundInput,
          response: { 200: created },
        },
      },
      async (request) => ({
        data: { id: await createRound(ctx, actorOf(request), whoOf(request), request.body) },
      }),
    );

    app.get(
      '/awards/:id',
      {
        schema: {
          tags: TAGS,
          summary: '一轮评选：候选、增补和调出的对象',
          params: idParam,
          response: {
            200: z.object({
              data: awardRoundView.extend({ entries: z.array(awardEntryView), title: z.string() }),
              abilities: z.object({ manage: z.boolean() }),
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { round, entries } = await documentOf(actor, request.params.id);
        const manage = (await awardDesks(db(), actor, 'manage')).has(round.orgId);
        return {
          data: { ...round, entries, title: awardTitle(round) },
          abilities: { manage: manage && round.state === 'draft' },
        };
      },
    );

    app.post(
      '/awards/:id/recompute',
      {
        schema: {
          tags: TAGS,
          summary: '按最新计分重新生成候选名单（保留已作调整）',
          params: idParam,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await recomputeRound(ctx, actorOf(request), whoOf(request), request.params.id);
        return { data: { ok: true as const } };
      },
    );

    app.post(
      '/awards/:id/adjustments',
      {
        schema: {
          tags: TAGS,
          summary: '调出候选对象、增补对象或撤销调整（须写明理由）',
          params: idParam,
          body: awardAdjustInput,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await adjustRound(ctx, actorOf(request), whoOf(request), request.params.id, request.body);
        return { data: { ok: true as const } };
      },
    );

    app.post(
      '/awards/:id/finalize',
      {
        schema: {
          tags: TAGS,
          summary: '确定名单（定稿后不能再修改）',
          params: idParam,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await finalizeRound(ctx, actorOf(request), whoOf(request), request.params.id);
        return { data: { ok: true as const } };
      },
    );

    app.get(
      '/awards/:id/subjects',
      {
        schema: {
          tags: TAGS,
          summary: '可增补的本级单位、人员或信息（按名称查找）',
          params: idParam,
          querystring: awardSubjectQuery,
          response: { 200: z.object({ data: z.array(awardSubjectView) }) },
        },
      },
      async (request) => {
        const round = await readableRound(db(), actorOf(request), request.params.id);
        const desk = await deskOf(db(), round.org_id);
        if (!desk) throw new AppError('NOT_FOUND');
        return { data: await searchSubjects(db(), request.query.kind, desk, request.query.q) };
      },
    );

    app.get(
      '/awards/:id/document',
      { schema: { tags: TAGS, summary: '下载名单（Word，公文格式）', params: idParam } },
      async (request, reply) => {
        const doc = await documentOf(actorOf(request), request.params.id);
        await audited(request, doc.round.id, 'docx');
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', attachmentHeader(`${awardTitle(doc.round)}.docx`))
          .header('cache-control', 'no-store')
          .send(await renderAwardDocx(doc));
      },
    );

    app.get(
      '/awards/:id/workbook',
      { schema: { tags: TAGS, summary: '下载名单（Excel，每类一个工作表）', params: idParam } },
      async (request, reply) => {
        const actor = actorOf(request);
        const doc = await documentOf(actor, request.params.id);
        await audited(request, doc.round.id, 'xlsx');
        const watermark = `${actor.realName} 导出于 ${cstDateTime(ctx.clock.iso())}`;
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachmentHeader(`${doc.round.name}名单.xlsx`))
          .header('cache-control', 'no-store')
          .send(await renderAwardXlsx(doc, watermark));
      },
    );
  };
}
