import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AUDIT_ACTIONS,
  type AuditEntryView,
  auditEntrySchema,
  auditListQuery,
} from '../../../shared/schemas/audit.ts';
import { listOf } from '../../../shared/schemas/common.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import type { AuditRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { paged, sendXlsxStream } from '../../lib/xlsx.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can } from '../access/access.policy.ts';
import { queryAudit } from './audit.repository.ts';
import { verifyAuditChain } from './audit.service.ts';

function present(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorLogin: row.actor_login,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    summary: row.summary,
    ip: row.ip,
    result: row.result === 'failure' ? 'failure' : 'success',
    hash: row.hash,
  };
}

const abilities = z.object({ export: z.boolean(), verify: z.boolean() });

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['审计'],
          summary: '审计日志（审计管理员；查看本身也记入审计）',
          querystring: auditListQuery,
          response: { 200: listOf(auditEntrySchema, abilities) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!can(actor, 'audit.read')) throw new AppError('FORBIDDEN');
        const { page, pageSize, ...filter } = request.query;
        const base = queryAudit(ctx.db.kysely, filter);
        const [rows, count] = await Promise.all([
          base
            .selectAll()
            .orderBy('id', 'desc')
            .limit(pageSize)
            .offset((page - 1) * pageSize)
            .execute(),
          base.select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow(),
        ]);
        await inTransaction(ctx, whoOf(request), (_tx, audit) =>
          audit({ action: 'audit.read', targetType: 'audit', targetId: '-', summary: { filter, page } }),
        );
        return {
          data: rows.map(present),
          total: Number(count.c),
          abilities: { export: can(actor, 'audit.export'), verify: can(actor, 'audit.read') },
        };
      },
    );

    app.get(
      '/audit/export',
      {
        schema: {
          tags: ['审计'],
          summary: '导出审计日志（Excel）',
          querystring: auditListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!can(actor, 'audit.export')) throw new AppError('FORBIDDEN');
        const filter = request.query;
        await inTransaction(ctx, whoOf(request), (_tx, audit) =>
          audit({ action: 'audit.export', targetType: 'audit', targetId: '-', summary: { filter } }),
        );
        const cst = (iso: string) =>
          new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
        return sendXlsxStream<AuditRow>(reply, {
          filename: `审计日志-${ctx.clock.iso().slice(0, 10)}.xlsx`,
          sheet: '审计日志',
          watermark: `导出人：${actor.realName}（${actor.login}）  导出时间：${cst(ctx.clock.iso())}`,
          columns: [
            { header: '序号', width: 8, value: (r) => r.id },
            { header: '时间', width: 20, value: (r) => cst(r.at) },
            { header: '操作人', width: 12, value: (r) => r.actor_login },
            { header: '操作', width: 16, value: (r) => AUDIT_ACTIONS[r.action] ?? r.action },
            { header: '对象类型', width: 10, value: (r) => r.target_type },
            { header: '对象', width: 10, value: (r) => r.target_id },
            { header: '摘要', width: 60, value: (r) => r.summary },
            { header: 'IP', width: 16, value: (r) => r.ip },
            { header: '结果', width: 8, value: (r) => (r.result === 'failure' ? '失败' : '成功') },
            { header: '哈希', width: 66, value: (r) => r.hash },
          ],
          pages: paged((offset, limit) =>
            queryAudit(ctx.db.kysely, filter).selectAll().orderBy('id').limit(limit).offset(offset).execute(),
          ),
        });
      },
    );

    app.get(
      '/audit/verify',
      {
        schema: {
          tags: ['审计'],
          summary: '校验审计日志哈希链',
          response: {
            200: z.object({
              data: z.object({
                ok: z.boolean(),
                rows: z.number().int(),
                brokenId: z.number().int().optional(),
                reason: z.string().optional(),
              }),
            }),
          },
        },
      },
      async (request) => {
        if (!can(actorOf(request), 'audit.read')) throw new AppError('FORBIDDEN');
        const result = await verifyAuditChain(ctx.db.kysely);
        await inTransaction(ctx, whoOf(request), (_tx, audit) =>
          audit({ action: 'audit.verify', targetType: 'audit', targetId: '-', summary: result }),
        );
        return { data: result };
      },
    );
  };
}
