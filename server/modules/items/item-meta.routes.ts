import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { itemSettingsSchema } from '../../../shared/schemas/items.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf } from '../../plugins/auth.ts';
import { can } from '../access/access.policy.ts';
import { ATTACHMENT_TYPES } from './attachments.ts';
import { desksOf, staffOf } from './desks.ts';
import { submittingOrgIds } from './drafts.service.ts';

const TAGS = ['信息报送与处理'];
const ref = z.object({ id: z.number().int(), name: z.string() });

/** What the writing and working screens need to know: limits, organisations, desks, people. */
export function itemMetaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/item-settings',
      {
        schema: {
          tags: TAGS,
          summary: '撰写与办理信息所需的设置',
          response: {
            200: z.object({ data: itemSettingsSchema }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const settings = await ctx.settings.get();
        const orgIds = submittingOrgIds(actor);
        const orgs = orgIds.length
          ? await ctx.db.kysely
              .selectFrom('organizations')
              .select(['id', 'name'])
              .where('id', 'in', orgIds)
              .where('active', '=', 1)
              .orderBy('path')
              .execute()
          : [];
        const desks = await desksOf(ctx.db.kysely, actor, 'item.edit');
        return {
          data: {
            charGuide: settings.itemCharGuide,
            charMax: settings.itemCharMax,
            maxAttachments: settings.itemMaxAttachments,
            maxAttachmentMb: settings.itemMaxAttachmentMb,
            attachmentTypes: Object.keys(ATTACHMENT_TYPES),
            submittingOrgs: orgs,
            desks: desks.map((d) => ({ id: d.id, name: d.name })),
          },
        };
      },
    );

    app.get(
      '/item-authors',
      {
        schema: {
          tags: TAGS,
          summary: '查找联名作者或代报委员',
          querystring: z.object({ q: z.string().trim().min(1).max(20) }),
          response: { 200: z.object({ data: z.array(ref.extend({ orgName: z.string() })) }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!can(actor, 'item.submit')) throw new AppError('FORBIDDEN');
        const rows = await ctx.db.kysely
          .selectFrom('users')
          .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
          .innerJoin('organizations', 'organizations.id', 'role_grants.org_id')
          .select(['users.id', 'users.real_name as name', 'organizations.name as orgName'])
          .where('role_grants.role', '=', 'member')
          .where('users.enabled', '=', 1)
          .where('users.real_name', 'like', `%${request.query.q.replace(/[\\%_]/g, '')}%`)
          .orderBy('users.real_name')
          .limit(20)
          .execute();
        return { data: rows };
      },
    );

    app.get(
      '/item-assignees',
      {
        schema: {
          tags: TAGS,
          summary: '信息处工作人员（承办人候选）',
          querystring: z.object({ orgId: z.coerce.number().int().positive() }),
          response: { 200: z.object({ data: z.array(ref) }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const desks = await desksOf(ctx.db.kysely, actor, 'item.edit');
        if (!desks.some((d) => d.id === request.query.orgId))
          throw new AppError('NOT_FOUND', '该信息处不存在或您无权查看');
        return { data: await staffOf(ctx.db.kysely, request.query.orgId) };
      },
    );
  };
}
