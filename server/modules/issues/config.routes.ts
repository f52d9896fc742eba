import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CPPCC_TYPES } from '../../../shared/orgs.ts';
import { idParam, listOf, okResponse } from '../../../shared/schemas/common.ts';
import {
  chainInput,
  chainSchema,
  chainUpdate,
  publicationInput,
  publicationSchema,
  publicationUpdate,
  rulesInput,
  rulesView,
} from '../../../shared/schemas/issues.ts';
import type { AppContext, Tx } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can, reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { orgReachFilter } from '../orgs/orgs.repository.ts';
import {
  createChain,
  createPublication,
  presentChains,
  presentPublications,
  rulesStamp,
  saveRules,
  updateChain,
  updatePublication,
} from './config.service.ts';
import { assertConfigManager, loadIssueDesks } from './issues.policy.ts';

const TAGS = ['刊物与审签流程'];
const orgQuery = z.object({ orgId: z.coerce.number().int().positive().optional() });

/**
 * The CPPCCs whose publications the actor may see: those it compiles or signs for, and, for
 * the system administrator, those in its reach (configuration only, no issue content).
 */
async function orgsOf(tx: Tx, actor: Actor): Promise<{ id: number; name: string; manage: boolean }[]> {
  const desks = await loadIssueDesks(tx, actor);
  const work = [...new Set([...desks.compile, ...desks.sign])];
  const managed = can(actor, 'org.manage')
    ? await tx
        .selectFrom('organizations')
        .select('id')
        .where('type', 'in', CPPCC_TYPES)
        .where(orgReachFilter(reachOf(actor, 'org.manage')))
        .execute()
    : [];
  const ids = [...new Set([...work, ...managed.map((m) => m.id)])];
  if (ids.length === 0) return [];
  const manageSet = new Set(managed.map((m) => m.id));
  const rows = await tx
    .selectFrom('organizations')
    .select(['id', 'name', 'path'])
    .where('id', 'in', ids)
    .orderBy('path')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, manage: manageSet.has(r.id) }));
}

async function scopeOrgs(tx: Tx, actor: Actor, orgId: number | undefined) {
  const orgs = await orgsOf(tx, actor);
  if (orgId !== undefined && !orgs.some((o) => o.id === orgId))
    throw new AppError('NOT_FOUND', '该政协不存在或您无权查看');
  return orgId !== undefined ? orgs.filter((o) => o.id === orgId) : orgs;
}

/** Publications, approval chains and the rules choosing them (R1.3, R3.5). */
export function issueConfigRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/publication-orgs',
      {
        schema: {
          tags: TAGS,
          summary: '可查看刊物的政协机关',
          response: {
            200: listOf(
              z.object({ id: z.number().int(), name: z.string(), manage: z.boolean() }),
              z.object({}),
            ),
          },
        },
      },
      async (request) => {
        const data = await orgsOf(ctx.db.kysely, actorOf(request));
        return { data, total: data.length, abilities: {} };
      },
    );

    app.get(
      '/publications',
      {
        schema: {
          tags: TAGS,
          summary: '刊物及本周编发情况',
          querystring: orgQuery,
          response: {
            200: listOf(publicationSchema, z.object({ manage: z.boolean(), compile: z.boolean() })),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const db = ctx.db.kysely;
        const orgs = await scopeOrgs(db, actor, request.query.orgId);
        const rows = orgs.length
          ? await db
              .selectFrom('publications')
              .selectAll()
              .where(
                'org_id',
                'in',
                orgs.map((o) => o.id),
              )
              .orderBy('org_id')
              .orderBy('sort_order')
              .orderBy('id')
              .execute()
          : [];
        const desks = await loadIssueDesks(db, actor);
        const data = await presentPublications(db, rows, ctx.clock.now());
        return {
          data,
          total: data.length,
          abilities: {
            manage: orgs.some((o) => o.manage),
            compile: orgs.some((o) => desks.compile.has(o.id)),
          },
        };
      },
    );

    app.post(
      '/publications',
      { schema: { tags: TAGS, summary: '新建刊物', body: publicationInput, response: { 200: okResponse } } },
      async (request) => {
        await assertConfigManager(ctx.db.kysely, actorOf(request), request.body.orgId);
        await createPublication(ctx, whoOf(request), request.body);
        return { data: { ok: true as const } };
      },
    );

    app.put(
      '/publications/:id',
      {
        schema: {
          tags: TAGS,
          summary: '修改刊物设置',
          params: idParam,
          body: publicationUpdate,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await assertConfigManager(ctx.db.kysely, actorOf(request), request.body.orgId);
        const { version, ...input } = request.body;
        await updatePublication(ctx, whoOf(request), request.params.id, version, input);
        return { data: { ok: true as const } };
      },
    );

    app.get(
      '/approval-chains',
      {
        schema: {
          tags: TAGS,
          summary: '审签流程（当前版本）',
          querystring: orgQuery,
          response: { 200: listOf(chainSchema, z.object({ manage: z.boolean() })) },
        },
      },
      async (request) => {
        const orgs = await scopeOrgs(ctx.db.kysely, actorOf(request), request.query.orgId);
        const data = await presentChains(
          ctx.db.kysely,
          orgs.map((o) => o.id),
        );
        return { data, total: data.length, abilities: { manage: orgs.some((o) => o.manage) } };
      },
    );

    app.post(
      '/approval-chains',
      { schema: { tags: TAGS, summary: '新建审签流程', body: chainInput, response: { 200: okResponse } } },
      async (request) => {
        await assertConfigManager(ctx.db.kysely, actorOf(request), request.body.orgId);
        await createChain(ctx, whoOf(request), request.body);
        return { data: { ok: true as const } };
      },
    );

    app.put(
      '/approval-chains/:id',
      {
        schema: {
          tags: TAGS,
          summary: '修改审签流程（生成新版本，进行中的期次仍按原版本）',
          params: idParam,
          body: chainUpdate,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await assertConfigManager(ctx.db.kysely, actorOf(request), request.body.orgId);
        const { version, ...input } = request.body;
        await updateChain(ctx, whoOf(request), request.params.id, version, input);
        return { data: { ok: true as const } };
      },
    );

    app.get(
      '/approval-rules',
      {
        schema: {
          tags: TAGS,
          summary: '审签规则（按顺序匹配，第一条适用的规则决定审签流程）',
          querystring: z.object({ orgId: z.coerce.number().int().positive() }),
          response: { 200: z.object({ data: rulesView, abilities: z.object({ manage: z.boolean() }) }) },
        },
      },
      async (request) => {
        const db = ctx.db.kysely;
        const [org] = await scopeOrgs(db, actorOf(request), request.query.orgId);
        const rows = await db
          .selectFrom('approval_rules')
          .innerJoin('approval_chains', 'approval_chains.id', 'approval_rules.chain_id')
          .leftJoin('publications', 'publications.id', 'approval_rules.publication_id')
          .select([
            'approval_rules.condition',
            'approval_rules.publication_id',
            'approval_rules.chain_id',
            'approval_chains.name as chainName',
            'publications.name as publicationName',
          ])
          .where('approval_rules.org_id', '=', request.query.orgId)
          .orderBy('approval_rules.position')
          .execute();
        return {
          data: {
            orgId: request.query.orgId,
            stamp: await rulesStamp(db, request.query.orgId),
            rules: rows.map((r) => ({
              condition: r.condition as 'always' | 'top_leaders',
              publicationId: r.publication_id,
              chainId: r.chain_id,
              chainName: r.chainName,
              publicationName: r.publicationName,
            })),
          },
          abilities: { manage: org?.manage ?? false },
        };
      },
    );

    app.put(
      '/approval-rules',
      { schema: { tags: TAGS, summary: '保存审签规则', body: rulesInput, response: { 200: okResponse } } },
      async (request) => {
        await assertConfigManager(ctx.db.kysely, actorOf(request), request.body.orgId);
        await saveRules(ctx, whoOf(request), request.body.orgId, request.body.rules, request.body.stamp);
        return { data: { ok: true as const } };
      },
    );
  };
}
