import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CPPCC_TYPES } from '../../../shared/orgs.ts';
import { idParam, listOf, okResponse } from '../../../shared/schemas/common.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can, reachCoversOrg, reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { findOrg, orgReachFilter } from '../orgs/orgs.repository.ts';
import { routeOf } from './routing.ts';

const TAGS = ['报送路径'];
const ref = z.object({ id: z.number().int(), name: z.string() });
const ruleSchema = z.object({
  id: z.number().int(),
  sourceOrg: ref,
  targetOrg: ref,
  note: z.string(),
  createdAt: z.string(),
});

function assertManager(actor: Actor): void {
  if (!can(actor, 'org.manage')) throw new AppError('FORBIDDEN');
}

/** Where each organisation's items go: the default rule and administrators' overrides. */
export function routingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/routing-rules',
      {
        schema: {
          tags: TAGS,
          summary: '报送路径调整规则',
          response: { 200: listOf(ruleSchema, z.object({ manage: z.boolean() })) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        assertManager(actor);
        const rows = await ctx.db.kysely
          .selectFrom('routing_rules')
          .innerJoin('organizations as s', 's.id', 'routing_rules.source_org_id')
          .where(orgReachFilter(reachOf(actor, 'org.manage'), 's'))
          .innerJoin('organizations as t', 't.id', 'routing_rules.target_org_id')
          .select([
            'routing_rules.id',
            's.id as sId',
            's.name as sName',
            't.id as tId',
            't.name as tName',
            'routing_rules.note',
            'routing_rules.created_at',
          ])
          .orderBy('s.path')
          .execute();
        return {
          data: rows.map((r) => ({
            id: r.id,
            sourceOrg: { id: r.sId, name: r.sName },
            targetOrg: { id: r.tId, name: r.tName },
            note: r.note,
            createdAt: r.created_at,
          })),
          total: rows.length,
          abilities: { manage: true },
        };
      },
    );

    app.post(
      '/routing-rules',
      {
        schema: {
          tags: TAGS,
          summary: '新增报送路径调整',
          body: z.object({
            sourceOrgId: z.number().int().positive({ message: '请选择报送单位' }),
            targetOrgId: z.number().int().positive({ message: '请选择接收的政协' }),
            note: z.string().trim().max(100).default(''),
          }),
          response: { 200: okResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        assertManager(actor);
        const { sourceOrgId, targetOrgId, note } = request.body;
        await inTransaction(ctx, whoOf(request), async (tx, audit) => {
          const [source, target] = await Promise.all([
            tx
              .selectFrom('organizations')
              .select(['id', 'path'])
              .where('id', '=', sourceOrgId)
              .executeTakeFirst(),
            tx
              .selectFrom('organizations')
              .select(['id', 'path', 'type'])
              .where('id', '=', targetOrgId)
              .where('active', '=', 1)
              .executeTakeFirst(),
          ]);
          const reach = reachOf(actor, 'org.manage');
          if (!source || !reachCoversOrg(reach, source))
            throw new AppError('NOT_FOUND', '报送单位不存在或您无权管理');
          if (!target || !CPPCC_TYPES.includes(target.type as (typeof CPPCC_TYPES)[number]))
            throw new AppError('VALIDATION_FAILED', '接收方须是在用的省、市或县级政协');
          const existing = await tx
            .selectFrom('routing_rules')
            .select('id')
            .where('source_org_id', '=', sourceOrgId)
            .executeTakeFirst();
          if (existing) throw new AppError('DUPLICATE', '该单位已有调整规则，请先删除原规则');
          const { id } = await tx
            .insertInto('routing_rules')
            .values({
              source_org_id: sourceOrgId,
              target_org_id: targetOrgId,
              note,
              created_at: ctx.clock.iso(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await audit({
            action: 'routing.create',
            targetType: 'routing_rule',
            targetId: id,
            summary: request.body,
          });
        });
        return { data: { ok: true as const } };
      },
    );

    app.delete(
      '/routing-rules/:id',
      { schema: { tags: TAGS, summary: '删除报送路径调整', params: idParam, response: { 200: okResponse } } },
      async (request) => {
        const actor = actorOf(request);
        assertManager(actor);
        await inTransaction(ctx, whoOf(request), async (tx, audit) => {
          const rule = await tx
            .selectFrom('routing_rules')
            .innerJoin('organizations as s', 's.id', 'routing_rules.source_org_id')
            .selectAll('routing_rules')
            .select('s.path')
            .where('routing_rules.id', '=', request.params.id)
            .executeTakeFirst();
          if (
            !rule ||
            !reachCoversOrg(reachOf(actor, 'org.manage'), { id: rule.source_org_id, path: rule.path })
          )
            throw new AppError('NOT_FOUND', '规则不存在或您无权管理');
          await tx.deleteFrom('routing_rules').where('id', '=', rule.id).execute();
          await audit({
            action: 'routing.delete',
            targetType: 'routing_rule',
            targetId: rule.id,
            summary: rule,
          });
        });
        return { data: { ok: true as const } };
      },
    );

    app.get(
      '/routing-preview',
      {
        schema: {
          tags: TAGS,
          summary: '查询某单位的信息报送到哪里',
          querystring: z.object({ orgId: z.coerce.number().int().positive() }),
          response: {
            200: z.object({
              data: z.object({ target: ref.nullable(), rule: z.enum(['default', 'override']) }),
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        assertManager(actor);
        const org = await findOrg(ctx.db.kysely, request.query.orgId);
        if (!org || !reachCoversOrg(reachOf(actor, 'org.manage'), org))
          throw new AppError('NOT_FOUND', '组织不存在或您无权查看');
        const route = await routeOf(ctx.db.kysely, request.query.orgId);
        return {
          data: {
            target: route.target ? { id: route.target.id, name: route.target.name } : null,
            rule: route.rule,
          },
        };
      },
    );
  };
}
