import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import {
  disputeInput,
  disputeView,
  type MemberRow,
  memberRow,
  recordView,
  resolveInput,
  schemeInput,
  schemeView,
  yearQuery,
} from '../../../shared/schemas/performance.ts';
import { formatPoints } from '../../../shared/scoring.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { cstDateTime } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { sendXlsxStream } from '../../lib/xlsx.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { schemeOf } from './performance.repository.ts';
import {
  fileDispute,
  isMemberOf,
  listDisputes,
  listMembers,
  memberDesks,
  performanceDesks,
  recordOf,
  resolveDispute,
  saveScheme,
  withdrawDispute,
  yearOf,
} from './performance.service.ts';

const TAGS = ['委员履职'];
const deskRef = z.object({ id: z.number().int(), name: z.string() });
const staffAbilities = z.object({
  orgs: z.array(deskRef),
  orgId: z.number().int(),
  year: z.number().int(),
  /** May resolve disputes / set the scheme at this CPPCC. */
  resolve: z.boolean(),
  manage: z.boolean(),
});

/** Member performance (委员履职, R4.8): members read their own record; the office the CPPCC's. */
export function performanceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  /** The CPPCC the staff member asked for (or their first), which they must be able to read. */
  const staffDesk = async (actor: Actor, orgId: number | undefined) => {
    const desks = await performanceDesks(ctx.db.kysely, actor, 'read');
    const id = orgId ?? [...desks.keys()].sort((a, b) => a - b)[0];
    if (id === undefined || !desks.has(id)) throw new AppError('FORBIDDEN', '您没有查看委员履职情况的权限');
    return { desk: { id, name: desks.get(id) as string }, desks };
  };
  const yearIn = (year: number | undefined) => year ?? yearOf(ctx.clock.now());

  return async (app) => {
    app.get(
      '/performance/mine',
      {
        schema: {
          tags: TAGS,
          summary: '我的履职记录（按年度，逐条列出得分及申诉）',
          querystring: yearQuery.pick({ year: true }),
          response: { 200: z.object({ data: z.array(recordView), year: z.number().int() }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!can(actor, 'performance.own')) throw new AppError('FORBIDDEN', '委员本人可以查看履职记录');
        const year = yearIn(request.query.year);
        const db = ctx.db.kysely;
        const desks = [...(await memberDesks(db, actor.id))].sort(([a], [b]) => a - b);
        const data = [];
        for (const [id, name] of desks) data.push(await recordOf(db, { id, name }, year, actor.id));
        return { data, year };
      },
    );

    app.get(
      '/performance/members',
      {
        schema: {
          tags: TAGS,
          summary: '委员履职情况（本级政协委员按年度得分排列）',
          querystring: yearQuery,
          response: { 200: z.object({ data: z.array(memberRow), abilities: staffAbilities }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const db = ctx.db.kysely;
        const { desk, desks } = await staffDesk(actor, request.query.orgId);
        const year = yearIn(request.query.year);
        return {
          data: await listMembers(db, desk.id, year),
          abilities: {
            orgs: [...desks].map(([id, name]) => ({ id, name })),
            orgId: desk.id,
            year,
            resolve: (await performanceDesks(db, actor, 'resolve')).has(desk.id),
            manage: (await performanceDesks(db, actor, 'manage')).has(desk.id),
          },
        };
      },
    );

    app.get(
      '/performance/members/:id',
      {
        schema: {
          tags: TAGS,
          summary: '一名委员的年度履职记录',
          params: idParam,
          querystring: yearQuery,
          response: { 200: z.object({ data: recordView }) },
        },
      },
      async (request) => {
        const { desk } = await staffDesk(actorOf(request), request.query.orgId);
        const year = yearIn(request.query.year);
        const db = ctx.db.kysely;
        if (!(await isMemberOf(db, desk.id, year, request.params.id)))
          throw new AppError('NOT_FOUND', '该委员的履职记录不存在或您无权查看');
        return { data: await recordOf(db, desk, year, request.params.id) };
      },
    );

    app.get(
      '/performance/export',
      {
        schema: {
          tags: TAGS,
          summary: '导出委员履职情况（Excel）',
          querystring: yearQuery,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { desk } = await staffDesk(actor, request.query.orgId);
        const year = yearIn(request.query.year);
        const rows = await listMembers(ctx.db.kysely, desk.id, year);
        await inTransaction(ctx, whoOf(request), (_tx, audit) =>
          audit({
            action: 'performance.export',
            targetType: 'performance',
            targetId: `${desk.id}:${year}`,
            summary: { rows: rows.length },
          }),
        );
        const filename = `${desk.name}${year}年度委员履职情况.xlsx`;
        return sendXlsxStream(reply, {
          filename,
          sheet: `${year}年度`,
          watermark: `${actor.realName} 导出于 ${cstDateTime(ctx.clock.iso())}`,
          columns: [
            { header: '名次', width: 6, value: (r: MemberRow) => r.rank },
            { header: '姓名', width: 12, value: (r) => r.name },
            { header: '委员', width: 14, value: (r) => r.level },
            { header: '所在单位', width: 28, value: (r) => r.unit },
            { header: '计分信息（条）', width: 14, value: (r) => r.items },
            { header: '得分', width: 10, value: (r) => Number(formatPoints(r.total)) },
            { header: '待处理申诉', width: 12, value: (r) => r.openDisputes },
          ],
          pages: (async function* () {
            yield rows;
          })(),
        });
      },
    );

    app.get(
      '/performance/disputes',
      {
        schema: {
          tags: TAGS,
          summary: '本级履职申诉（按年度）',
          querystring: yearQuery,
          response: { 200: z.object({ data: z.array(disputeView) }) },
        },
      },
      async (request) => {
        const { desk } = await staffDesk(actorOf(request), request.query.orgId);
        return { data: await listDisputes(ctx.db.kysely, desk.id, yearIn(request.query.year)) };
      },
    );

    app.post(
      '/performance/disputes',
      {
        schema: {
          tags: TAGS,
          summary: '对履职记录提出申诉（本年度和上一年度）',
          body: disputeInput,
          response: { 200: z.object({ data: z.object({ id: z.number().int() }) }) },
        },
      },
      async (request) => ({
        data: { id: await fileDispute(ctx, actorOf(request), whoOf(request), request.body) },
      }),
    );

    app.post(
      '/performance/disputes/:id/withdraw',
      {
        schema: {
          tags: TAGS,
          summary: '撤回本人尚未处理的申诉',
          params: idParam,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await withdrawDispute(ctx, actorOf(request), whoOf(request), request.params.id);
        return { data: { ok: true as const } };
      },
    );

    app.post(
      '/performance/disputes/:id/resolve',
      {
        schema: {
          tags: TAGS,
          summary: '处理履职申诉（采纳并调整分值，或不予采纳），处理意见告知委员',
          params: idParam,
          body: resolveInput,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await resolveDispute(ctx, actorOf(request), whoOf(request), request.params.id, request.body);
        return { data: { ok: true as const } };
      },
    );

    app.get(
      '/performance/scheme',
      {
        schema: {
          tags: TAGS,
          summary: '委员履职计分办法（按年度）',
          querystring: yearQuery,
          response: { 200: z.object({ data: schemeView }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const db = ctx.db.kysely;
        // Members read the scheme of a CPPCC they have a record at; staff of one they read.
        const mine = await memberDesks(db, actor.id);
        const staff = await performanceDesks(db, actor, 'read');
        const id = request.query.orgId ?? [...staff.keys(), ...mine.keys()][0];
        const name = id === undefined ? undefined : (staff.get(id) ?? mine.get(id));
        if (id === undefined || name === undefined)
          throw new AppError('NOT_FOUND', '计分办法不存在或您无权查看');
        const year = yearIn(request.query.year);
        return { data: { orgId: id, orgName: name, year, ...(await schemeOf(db, id, year)) } };
      },
    );

    app.put(
      '/performance/scheme',
      {
        schema: {
          tags: TAGS,
          summary: '设置本年度或以后年度的委员履职计分办法',
          body: schemeInput,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await saveScheme(ctx, actorOf(request), whoOf(request), request.body);
        return { data: { ok: true as const } };
      },
    );
  };
}
