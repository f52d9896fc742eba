import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  REPORT_KINDS,
  type ReportModel,
  type ReportQuery,
  reportInput,
  reportQuery,
  reportSchema,
} from '../../../shared/schemas/reports.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { readGeneration } from '../../db/generation.ts';
import { cstDate, cstDateTime } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { attachmentHeader } from '../../lib/xlsx.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import type { Actor } from '../access/actor.ts';
import { statsScopeOf } from '../stats/stats.scope.ts';
import { renderChartPng } from './charts.ts';
import {
  buildReport,
  chartsOf,
  type DeskInfo,
  deskInfo,
  reportFileName,
  withTexts,
} from './reports.builder.ts';
import { renderReportDocx, renderReportXlsx } from './reports.render.ts';

const TAGS = ['通报与报告'];
const abilities = z.object({ orgs: z.array(z.object({ id: z.number().int(), name: z.string() })) });

/**
 * Generated documents (R4.1, R4.7) for those who read a CPPCC's whole statistics (office staff
 * and leaders); a unit's liaison reads only its own unit's figures and writes no report.
 */
export function reportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const deskFor = async (actor: Actor, orgId: number | undefined) => {
    const { desks } = await statsScopeOf(ctx.db.kysely, actor);
    const desk = orgId === undefined ? desks[0] : desks.find((d) => d.id === orgId);
    if (!desk) throw new AppError('FORBIDDEN', '只有本级政协信息处和领导同志可以生成通报和报告');
    return { desk: await deskInfo(ctx.db.kysely, desk), desks };
  };

  /**
   * The document for a desk and period. The preview and each of its figures ask for the same one:
   * built once per day and data generation, not once per request.
   */
  const reportOf = async (desk: DeskInfo, q: ReportQuery): Promise<ReportModel> => {
    const now = ctx.clock.now();
    const key = JSON.stringify(['report', desk.id, q.kind, q.year, q.index, cstDate(now)]);
    const generation = await readGeneration(ctx.db.kysely);
    const cached = ctx.reads.get(key, generation) as ReportModel | undefined;
    if (cached) return cached;
    const model = await buildReport(ctx.db.kysely, desk, q, now);
    ctx.reads.set(key, generation, model);
    return model;
  };

  return async (app) => {
    app.get(
      '/reports',
      {
        schema: {
          tags: TAGS,
          summary: '通报或工作报告的内容预览（数字取自统计，可编辑部分给出默认文字）',
          querystring: reportQuery,
          response: { 200: z.object({ data: reportSchema, abilities }) },
        },
      },
      async (request) => {
        const { desk, desks } = await deskFor(actorOf(request), request.query.orgId);
        const data = await reportOf(desk, request.query);
        return { data, abilities: { orgs: desks.map((d) => ({ id: d.id, name: d.name })) } };
      },
    );

    app.get(
      '/reports/chart',
      {
        schema: {
          tags: TAGS,
          summary: '报告中的第n幅图（PNG，与Word文件中的一致）',
          querystring: reportQuery.and(z.object({ n: z.coerce.number().int().min(1).max(20) })),
        },
      },
      async (request, reply) => {
        const { desk } = await deskFor(actorOf(request), request.query.orgId);
        const model = await reportOf(desk, request.query);
        const chart = chartsOf(model)[request.query.n - 1];
        if (!chart) throw new AppError('NOT_FOUND', '该报告没有这幅图');
        return reply
          .header('content-type', 'image/png')
          .header('cache-control', 'private, no-store')
          .send(await renderChartPng(chart));
      },
    );

    app.post(
      '/reports/file',
      {
        schema: {
          tags: TAGS,
          summary: '生成通报或工作报告的Word文件（公文格式）或Excel附表',
          body: reportInput,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const input = request.body;
        const { desk } = await deskFor(actor, input.orgId);
        const model = withTexts(await reportOf(desk, input), input.texts);
        await inTransaction(ctx, whoOf(request), (_tx, audit) =>
          audit({
            action: 'report.export',
            targetType: 'report',
            targetId: `${desk.id}:${input.kind}:${input.year}:${input.index}`,
            summary: { kind: REPORT_KINDS[input.kind], period: model.periodLabel, format: input.format },
          }),
        );
        const name = reportFileName(model);
        if (input.format === 'docx')
          return reply
            .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
            .header('content-disposition', attachmentHeader(`${name}.docx`))
            .header('cache-control', 'no-store')
            .send(await renderReportDocx(model));
        const watermark = `${actor.realName} 导出于 ${cstDateTime(ctx.clock.iso())}`;
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachmentHeader(`${name}（附表）.xlsx`))
          .header('cache-control', 'no-store')
          .send(await renderReportXlsx(model, watermark));
      },
    );
  };
}
