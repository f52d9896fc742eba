import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listOf, recordOf } from '../../../shared/schemas/common.ts';
import { topicInput, topicSchema } from '../../../shared/schemas/items.ts';
import { type AppContext, inTransaction, type Tx } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can } from '../access/access.policy.ts';
import { changes } from '../audit/audit.service.ts';

const TAGS = ['信息分类'];
const abilities = z.object({ manage: z.boolean() });

type TopicInput = z.infer<typeof topicInput>;

/** Two levels only: a sub-topic's parent must be a top-level topic. */
async function assertParent(tx: Tx, input: TopicInput, selfId?: number): Promise<void> {
  if (input.parentId === null) return;
  if (input.parentId === selfId) throw new AppError('VALIDATION_FAILED', '不能把类别设为自己的上级');
  const parent = await tx
    .selectFrom('topics')
    .selectAll()
    .where('id', '=', input.parentId)
    .executeTakeFirst();
  if (!parent || parent.parent_id !== null)
    throw new AppError('VALIDATION_FAILED', '信息分类只有两级，上级须是一级类别');
  if (selfId !== undefined) {
    const child = await tx
      .selectFrom('topics')
      .select('id')
      .where('parent_id', '=', selfId)
      .executeTakeFirst();
    if (child) throw new AppError('VALIDATION_FAILED', '该类别下有子类别，不能再设为子类别');
  }
}

const present = (r: {
  id: number;
  parent_id: number | null;
  name: string;
  sort_order: number;
  active: number;
}) => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  sortOrder: r.sort_order,
  active: r.active === 1,
});

/** The topic dictionary (信息分类): everyone reads it; administrators edit it. */
export function topicRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/topics',
      { schema: { tags: TAGS, summary: '信息分类', response: { 200: listOf(topicSchema, abilities) } } },
      async (request) => {
        const rows = await ctx.db.kysely
          .selectFrom('topics')
          .selectAll()
          .orderBy('sort_order')
          .orderBy('id')
          .execute();
        return {
          data: rows.map(present),
          total: rows.length,
          abilities: { manage: can(actorOf(request), 'settings.manage') },
        };
      },
    );

    app.post(
      '/topics',
      {
        schema: {
          tags: TAGS,
          summary: '新增分类',
          body: topicInput,
          response: { 200: recordOf(topicSchema, abilities) },
        },
      },
      async (request) => {
        if (!can(actorOf(request), 'settings.manage')) throw new AppError('FORBIDDEN');
        const row = await inTransaction(ctx, whoOf(request), async (tx, audit) => {
          await assertParent(tx, request.body);
          const values = {
            parent_id: request.body.parentId,
            name: request.body.name,
            sort_order: request.body.sortOrder,
            active: request.body.active ? 1 : 0,
          };
          const { id } = await tx
            .insertInto('topics')
            .values(values)
            .returning('id')
            .executeTakeFirstOrThrow();
          await audit({ action: 'topic.create', targetType: 'topic', targetId: id, summary: values });
          return { id, ...values };
        });
        return { data: present(row), abilities: { manage: true } };
      },
    );

    app.patch(
      '/topics/:id',
      {
        schema: {
          tags: TAGS,
          summary: '修改、排序、停用或启用分类',
          params: idParam,
          body: topicInput,
          response: { 200: recordOf(topicSchema, abilities) },
        },
      },
      async (request) => {
        if (!can(actorOf(request), 'settings.manage')) throw new AppError('FORBIDDEN');
        const row = await inTransaction(ctx, whoOf(request), async (tx, audit) => {
          const before = await tx
            .selectFrom('topics')
            .selectAll()
            .where('id', '=', request.params.id)
            .executeTakeFirst();
          if (!before) throw new AppError('NOT_FOUND', '分类不存在');
          await assertParent(tx, request.body, before.id);
          const values = {
            parent_id: request.body.parentId,
            name: request.body.name,
            sort_order: request.body.sortOrder,
            active: request.body.active ? 1 : 0,
          };
          await tx.updateTable('topics').set(values).where('id', '=', before.id).execute();
          await audit({
            action: 'topic.update',
            targetType: 'topic',
            targetId: before.id,
            summary: changes(before, values),
          });
          return { ...before, ...values };
        });
        return { data: present(row), abilities: { manage: true } };
      },
    );
  };
}
