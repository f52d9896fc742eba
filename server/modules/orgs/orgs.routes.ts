import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, listOf, okResponse, recordOf } from '../../../shared/schemas/common.ts';
import { orgAbilities, orgInput, orgSchema, orgUpdate } from '../../../shared/schemas/orgs.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can, reachOfAny } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { presentOrg } from './orgs.presenter.ts';
import { listOrgs } from './orgs.repository.ts';
import { createOrg, deleteOrg, updateOrg } from './orgs.service.ts';

const abilitiesOf = (actor: Actor) => ({
  create: can(actor, 'org.manage'),
  update: can(actor, 'org.manage'),
});

export function orgRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/orgs',
      {
        schema: {
          tags: ['组织机构'],
          summary: '组织机构（按数据范围）',
          response: { 200: listOf(orgSchema, orgAbilities) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        // Office staff read the tree too: to filter their queue by unit and to refer items.
        if (!can(actor, 'org.read') && !can(actor, 'item.edit')) throw new AppError('FORBIDDEN');
        const rows = await listOrgs(ctx.db.kysely, reachOfAny(actor, ['org.read', 'item.edit']));
        return { data: rows.map(presentOrg), total: rows.length, abilities: abilitiesOf(actor) };
      },
    );

    app.post(
      '/orgs',
      {
        schema: {
          tags: ['组织机构'],
          summary: '新建组织',
          body: orgInput,
          response: { 200: recordOf(orgSchema, orgAbilities) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!can(actor, 'org.manage')) throw new AppError('FORBIDDEN');
        const org = await createOrg(ctx, actor, whoOf(request), request.body);
        return { data: presentOrg(org), abilities: abilitiesOf(actor) };
      },
    );

    app.patch(
      '/orgs/:id',
      {
        schema: {
          tags: ['组织机构'],
          summary: '修改、移动、停用或启用组织',
          params: idParam,
          body: orgUpdate,
          response: { 200: recordOf(orgSchema, orgAbilities) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!can(actor, 'org.manage')) throw new AppError('FORBIDDEN');
        const org = await updateOrg(ctx, actor, whoOf(request), request.params.id, request.body);
        return { data: presentOrg(org), abilities: abilitiesOf(actor) };
      },
    );

    app.delete(
      '/orgs/:id',
      {
        schema: {
          tags: ['组织机构'],
          summary: '删除未被引用的组织',
          params: idParam,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!can(actor, 'org.manage')) throw new AppError('FORBIDDEN');
        await deleteOrg(ctx, actor, whoOf(request), request.params.id);
        return { data: { ok: true as const } };
      },
    );
  };
}
