import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { idParam, listOf, okResponse } from '../../../shared/schemas/common.ts';
import {
  feedbackAbilities,
  feedbackFileSchema,
  feedbackInput,
  feedbackSchema,
  revokeInput,
} from '../../../shared/schemas/feedback.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import type { Actor } from '../access/actor.ts';
import { readStoredFile, recordUpload, sendDownload } from '../items/attachments.ts';
import { loadVisible } from '../items/items.routes.ts';
import {
  feedbackDesks,
  mayRecord,
  presentFeedback,
  recordFeedback,
  recordIssueFeedback,
  revokeFeedback,
} from './feedback.service.ts';

const TAGS = ['采用与批示'];
const MAX_FILES = 5;
const MAX_FILE_MB = 20;
const fileParams = idParam.extend({ fileId: z.coerce.number().int().positive() });

/** Feedback on items (R3.3): adoption, instructions, implementation; scans of the documents. */
export function feedbackRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  /** A feedback row whose item the actor may see. */
  const visibleFeedback = async (actor: Actor, id: number) => {
    const row = await ctx.db.kysely
      .selectFrom('item_feedback')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', '反馈记录不存在或您无权查看');
    const { item } = await loadVisible(ctx, actor, row.item_id);
    return { row, item };
  };

  return async (app) => {
    app.get(
      '/items/:id/feedback',
      {
        schema: {
          tags: TAGS,
          summary: '信息的采用、批示和落实情况',
          params: idParam,
          response: { 200: listOf(feedbackSchema, feedbackAbilities) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { item } = await loadVisible(ctx, actor, request.params.id);
        const rows = await ctx.db.kysely
          .selectFrom('item_feedback')
          .selectAll()
          .where('item_id', '=', item.id)
          .orderBy('occurred_on', 'desc')
          .orderBy('id', 'desc')
          .execute();
        const data = await presentFeedback(ctx.db.kysely, rows);
        return {
          data,
          total: data.length,
          abilities: { record: mayRecord(item, await feedbackDesks(ctx.db.kysely, actor)) },
        };
      },
    );

    app.post(
      '/items/:id/feedback',
      {
        schema: {
          tags: TAGS,
          summary: '登记采用、批示或落实情况',
          params: idParam,
          body: feedbackInput,
          response: { 200: z.object({ data: feedbackSchema }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await loadVisible(ctx, actor, request.params.id);
        const id = await recordFeedback(ctx, actor, whoOf(request), request.params.id, request.body);
        const row = await ctx.db.kysely
          .selectFrom('item_feedback')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return { data: (await presentFeedback(ctx.db.kysely, [row]))[0] as z.infer<typeof feedbackSchema> };
      },
    );

    app.post(
      '/issues/:id/feedback',
      {
        schema: {
          tags: TAGS,
          summary: '对整期刊物登记反馈（记入该期每条信息）',
          params: idParam,
          body: feedbackInput,
          response: { 200: z.object({ data: z.object({ count: z.number().int() }) }) },
        },
      },
      async (request) => ({
        data: {
          count: await recordIssueFeedback(
            ctx,
            actorOf(request),
            whoOf(request),
            request.params.id,
            request.body,
          ),
        },
      }),
    );

    app.post(
      '/feedback/:id/revoke',
      {
        schema: {
          tags: TAGS,
          summary: '撤销登记有误的反馈记录',
          params: idParam,
          body: revokeInput,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await visibleFeedback(actor, request.params.id);
        await revokeFeedback(ctx, actor, whoOf(request), request.params.id, request.body.reason);
        return { data: { ok: true as const } };
      },
    );

    app.post(
      '/feedback/:id/files',
      {
        schema: {
          tags: TAGS,
          summary: '上传批示件、采用通知等扫描件',
          params: idParam,
          response: { 200: z.object({ data: feedbackFileSchema }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { row, item } = await visibleFeedback(actor, request.params.id);
        if (!mayRecord(item, await feedbackDesks(ctx.db.kysely, actor)) || row.revoked_at !== null)
          throw new AppError('FORBIDDEN', '只有接收该信息的信息处可以为有效的反馈记录上传附件');
        const count = async (tx = ctx.db.kysely) =>
          Number(
            (
              await tx
                .selectFrom('feedback_files')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('feedback_id', '=', row.id)
                .executeTakeFirstOrThrow()
            ).n,
          );
        if ((await count()) >= MAX_FILES)
          throw new AppError('ATTACHMENT_REJECTED', `每条反馈记录最多${MAX_FILES}个附件`);
        const { result: id, file } = await recordUpload(
          ctx,
          whoOf(request),
          request,
          MAX_FILE_MB,
          actor.id,
          async (tx, audit, f) => {
            // Checked again under the record's row lock (a no-op update; SQLite has one writer):
            // another upload may have filled the record while this file arrived.
            await tx.updateTable('item_feedback').set({ note: sql`note` }).where('id', '=', row.id).execute();
            if ((await count(tx)) >= MAX_FILES)
              throw new AppError('ATTACHMENT_REJECTED', `每条反馈记录最多${MAX_FILES}个附件`);
            const { id } = await tx
              .insertInto('feedback_files')
              .values({ feedback_id: row.id, ...f })
              .returning('id')
              .executeTakeFirstOrThrow();
            await audit({
              action: 'feedback.file_add',
              targetType: 'item',
              targetId: item.id,
              summary: {
                feedbackId: row.id,
                fileId: id,
                fileName: f.file_name,
                size: f.size,
                sha256: f.sha256,
              },
            });
            return id;
          },
        );
        return {
          data: {
            id,
            fileName: file.file_name,
            size: file.size,
            sha256: file.sha256,
            createdAt: file.created_at,
          },
        };
      },
    );

    app.get(
      '/feedback/:id/files/:fileId',
      { schema: { tags: TAGS, summary: '下载反馈附件', params: fileParams } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { row, item } = await visibleFeedback(actor, request.params.id);
        const file = await ctx.db.kysely
          .selectFrom('feedback_files')
          .selectAll()
          .where('id', '=', request.params.fileId)
          .where('feedback_id', '=', row.id)
          .executeTakeFirst();
        if (!file) throw new AppError('NOT_FOUND', '附件不存在或您无权查看');
        const buf = await readStoredFile(ctx.config.dataDir, file.storage_key);
        await inTransaction(ctx, whoOf(request), (_tx, audit) =>
          audit({
            action: 'feedback.file_download',
            targetType: 'item',
            targetId: item.id,
            summary: { feedbackId: row.id, fileId: file.id, fileName: file.file_name },
          }),
        );
        return sendDownload(reply, buf, file.mime, file.file_name);
      },
    );
  };
}
