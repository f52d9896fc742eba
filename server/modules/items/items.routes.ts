import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf, okResponse, recordOf } from '../../../shared/schemas/common.ts';
import {
  diffQuery,
  diffSchema,
  itemAbilities,
  itemBulkInput,
  itemDetailSchema,
  itemDraftInput,
  itemDraftUpdate,
  itemListAbilities,
  itemListQuery,
  itemMergeInput,
  itemSummarySchema,
  itemTransitionInput,
  itemVersionDetailSchema,
} from '../../../shared/schemas/items.ts';
import { diffContent } from '../../../shared/text-diff.ts';
import type { AppContext } from '../../context.ts';
import type { ItemRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can, reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { bulkTransition } from './bulk.service.ts';
import { createDraft, saveDraft } from './drafts.service.ts';
import { issueOf } from './issue-membership.ts';
import {
  accessOf,
  allowedActions,
  type ItemAccess,
  loadDesks,
  mayAttach,
  mayEditDraft,
} from './items.policy.ts';
import { presentItemDetail } from './items.presenter.ts';
import { type ItemScope, listItemsCached } from './items.queries.ts';
import { contentOf, findItem } from './items.repository.ts';
import { releaseLock, takeLock } from './lock.service.ts';
import { mergeItems } from './merge.service.ts';
import { transitionItem } from './transition.service.ts';
import { findVersion } from './versions.ts';

const TAGS = ['信息报送与处理'];
const itemRecord = recordOf(itemDetailSchema, itemAbilities);

/** Loads an item the actor may read; 404 alike whether it is missing or out of sight. */
export async function loadVisible(ctx: AppContext, actor: Actor, id: number) {
  const item = await findItem(ctx.db.kysely, id);
  const access = item
    ? await accessOf(ctx.db.kysely, actor, item, await loadDesks(ctx.db.kysely, actor))
    : null;
  if (!item || !access?.visible) throw new AppError('NOT_FOUND', '信息不存在或您无权查看');
  return { item, access };
}

/**
 * The item as this reader may see it: while an item is back with its author (退回修改), what the
 * author is rewriting is their private working copy; everyone else sees the text last submitted.
 */
async function asSeenBy(ctx: AppContext, item: ItemRow, access: ItemAccess): Promise<ItemRow> {
  if (item.status !== 'returned' || access.parties.has('author')) return item;
  const last = await ctx.db.kysely
    .selectFrom('item_versions')
    .select(['title', 'situation', 'analysis', 'suggestion', 'body', 'char_count'])
    .where('item_id', '=', item.id)
    .orderBy('no', 'desc')
    .executeTakeFirst();
  return last ? { ...item, ...last } : item;
}

export async function itemResponse(ctx: AppContext, actor: Actor, id: number) {
  const { item, access } = await loadVisible(ctx, actor, id);
  const settings = await ctx.settings.get();
  // Revising a selected item is offered only while its issue (if any) is still being compiled.
  let actions = allowedActions(item, access);
  if (actions.includes('revise') || actions.includes('deselect')) {
    const issue = await issueOf(ctx.db.kysely, item.id);
    if (issue && issue.status !== 'compiling')
      actions = actions.filter((a) => a !== 'revise' && a !== 'deselect');
  }
  return {
    data: await presentItemDetail(
      ctx.db.kysely,
      await asSeenBy(ctx, item, access),
      actor.id,
      ctx.clock.iso(),
    ),
    abilities: {
      actions,
      saveDraft: mayEditDraft(item, access),
      attach: mayAttach(item, access, settings.itemMaxAttachments),
    },
  };
}

export function itemRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/items',
      {
        schema: {
          tags: TAGS,
          summary: '信息列表：我的信息、本单位信息、信息处工作台',
          querystring: itemListQuery,
          response: { 200: listOf(itemSummarySchema, itemListAbilities) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const q = request.query;
        const desks = await loadDesks(ctx.db.kysely, actor);
        let scope: ItemScope;
        if (q.view === 'mine') {
          if (!can(actor, 'item.submit')) throw new AppError('FORBIDDEN');
          scope = { view: 'mine', userId: actor.id };
        } else if (q.view === 'unit') {
          if (!can(actor, 'item.read_unit')) throw new AppError('FORBIDDEN');
          scope = { view: 'unit', reach: reachOf(actor, 'item.read_unit') };
        } else {
          if (!can(actor, 'item.edit')) throw new AppError('FORBIDDEN');
          scope = { view: 'queue', deskIds: [...desks.edit] };
        }
        const { rows, total } = await listItemsCached(ctx, scope, q);
        return {
          data: rows,
          total,
          abilities: {
            create: can(actor, 'item.submit'),
            submitForMember: can(actor, 'item.submit_for_member'),
            register: desks.edit.size > 0,
            assign: desks.assign.size > 0,
            merge: desks.edit.size > 0,
          },
        };
      },
    );

    app.post(
      '/items',
      {
        schema: { tags: TAGS, summary: '新建信息草稿', body: itemDraftInput, response: { 200: itemRecord } },
      },
      async (request) => {
        const actor = actorOf(request);
        const id = await createDraft(ctx, actor, whoOf(request), request.body);
        return itemResponse(ctx, actor, id);
      },
    );

    app.get(
      '/items/:id',
      { schema: { tags: TAGS, summary: '信息详情', params: idParam, response: { 200: itemRecord } } },
      async (request) => itemResponse(ctx, actorOf(request), request.params.id),
    );

    app.put(
      '/items/:id/draft',
      {
        schema: {
          tags: TAGS,
          summary: '保存草稿或退回稿的修改（作者）',
          params: idParam,
          body: itemDraftUpdate,
          response: { 200: itemRecord },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await saveDraft(ctx, actor, whoOf(request), request.params.id, request.body);
        return itemResponse(ctx, actor, request.params.id);
      },
    );

    app.post(
      '/items/:id/transitions',
      {
        schema: {
          tags: TAGS,
          summary: '办理信息：报送、登记、编辑、退回、不予采用、转办、拟用、归档等',
          params: idParam,
          body: itemTransitionInput,
          response: { 200: itemRecord },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await transitionItem(ctx, actor, whoOf(request), request.params.id, request.body);
        return itemResponse(ctx, actor, request.params.id);
      },
    );

    app.post(
      '/items/bulk',
      {
        schema: {
          tags: TAGS,
          summary: '批量登记或分配',
          body: itemBulkInput,
          response: {
            200: z.object({
              data: z.object({
                done: z.array(z.number().int()),
                failed: z.array(z.object({ id: z.number().int(), code: z.string(), message: z.string() })),
              }),
            }),
          },
        },
      },
      async (request) => ({
        data: await bulkTransition(ctx, actorOf(request), whoOf(request), request.body),
      }),
    );

    app.post(
      '/items/merge',
      {
        schema: {
          tags: TAGS,
          summary: '合并为综合信息',
          body: itemMergeInput,
          response: { 200: itemRecord },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const id = await mergeItems(ctx, actor, whoOf(request), request.body);
        return itemResponse(ctx, actor, id);
      },
    );

    app.get(
      '/items/:id/versions/:no',
      {
        schema: {
          tags: TAGS,
          summary: '某一稿的全文',
          params: idParam.extend({ no: z.coerce.number().int().min(1) }),
          response: { 200: z.object({ data: itemVersionDetailSchema }) },
        },
      },
      async (request) => {
        const { item } = await loadVisible(ctx, actorOf(request), request.params.id);
        return { data: await findVersion(ctx.db.kysely, item.id, request.params.no) };
      },
    );

    app.get(
      '/items/:id/diff',
      {
        schema: {
          tags: TAGS,
          summary: '两稿之间的逐字比对',
          params: idParam,
          querystring: diffQuery,
          response: { 200: z.object({ data: diffSchema }) },
        },
      },
      async (request) => {
        const { item } = await loadVisible(ctx, actorOf(request), request.params.id);
        const [a, b] = await Promise.all([
          findVersion(ctx.db.kysely, item.id, request.query.from),
          findVersion(ctx.db.kysely, item.id, request.query.to),
        ]);
        return { data: diffContent(a.content, b.content) };
      },
    );

    app.get(
      '/items/:id/diff-current',
      {
        schema: {
          tags: TAGS,
          summary: '某一稿与当前稿件的逐字比对',
          params: idParam,
          querystring: z.object({ from: z.coerce.number().int().min(1) }),
          response: { 200: z.object({ data: diffSchema }) },
        },
      },
      async (request) => {
        const { item, access } = await loadVisible(ctx, actorOf(request), request.params.id);
        const a = await findVersion(ctx.db.kysely, item.id, request.query.from);
        return { data: diffContent(a.content, contentOf(await asSeenBy(ctx, item, access))) };
      },
    );

    const lockResponse = z.object({
      data: z.object({
        lock: z.object({ userId: z.number().int(), name: z.string(), expiresAt: z.string() }).nullable(),
        mine: z.boolean(),
      }),
    });

    app.post(
      '/items/:id/lock',
      {
        schema: {
          tags: TAGS,
          summary: '开始或继续编辑（提示他人“正在编辑”）',
          params: idParam,
          response: { 200: lockResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { item, access } = await loadVisible(ctx, actor, request.params.id);
        if (!access.parties.has('office'))
          throw new AppError('FORBIDDEN', '只有信息处工作人员可以编辑该信息');
        return { data: await takeLock(ctx, item.id, actor.id) };
      },
    );

    app.delete(
      '/items/:id/lock',
      { schema: { tags: TAGS, summary: '结束编辑', params: idParam, response: { 200: okResponse } } },
      async (request) => {
        const actor = actorOf(request);
        const { item } = await loadVisible(ctx, actor, request.params.id);
        await releaseLock(ctx, item.id, actor.id);
        return { data: { ok: true as const } };
      },
    );
  };
}
