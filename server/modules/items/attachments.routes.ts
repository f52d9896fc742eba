import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import { attachmentSchema } from '../../../shared/schemas/items.ts';
import { type AppContext, inTransaction, type Tx } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { readStoredFile, recordUpload, sendDownload } from './attachments.ts';
import { mayAttach } from './items.policy.ts';
import { loadVisible } from './items.routes.ts';

const TAGS = ['信息报送与处理'];
const countAttachments = async (tx: Tx, itemId: number) =>
  Number(
    (
      await tx
        .selectFrom('item_attachments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('item_id', '=', itemId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const attachmentParams = idParam.extend({ attachmentId: z.coerce.number().int().positive() });

/** Attachments: whitelisted types checked by content, stored outside the web root, every download audited. */
export function attachmentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/items/:id/attachments',
      {
        schema: {
          tags: TAGS,
          summary: '上传附件',
          params: idParam,
          response: { 200: z.object({ data: attachmentSchema }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { item, access } = await loadVisible(ctx, actor, request.params.id);
        const settings = await ctx.settings.get();
        if (!mayAttach(item, access, settings.itemMaxAttachments))
          throw new AppError('FORBIDDEN', '该信息当前不能添加附件');
        if ((await countAttachments(ctx.db.kysely, item.id)) >= settings.itemMaxAttachments)
          throw new AppError('ATTACHMENT_REJECTED', `每条信息最多${settings.itemMaxAttachments}个附件`);
        const { result: row, file } = await recordUpload(
          ctx,
          whoOf(request),
          request,
          settings.itemMaxAttachmentMb,
          actor.id,
          async (tx, audit, f) => {
            // Checked again inside the transaction: a submission or another upload may have
            // happened while the file was arriving.
            const now = await tx
              .selectFrom('items')
              .select('status')
              .where('id', '=', item.id)
              .executeTakeFirst();
            if (now?.status !== item.status)
              throw new AppError('ITEM_ACTION_NOT_ALLOWED', '信息状态已变化，附件未添加，请刷新后重试');
            if ((await countAttachments(tx, item.id)) >= settings.itemMaxAttachments)
              throw new AppError('ATTACHMENT_REJECTED', `每条信息最多${settings.itemMaxAttachments}个附件`);
            const inserted = await tx
              .insertInto('item_attachments')
              .values({ item_id: item.id, ...f })
              .returning('id')
              .executeTakeFirstOrThrow();
            await audit({
              action: 'item.attachment_add',
              targetType: 'item',
              targetId: item.id,
              summary: { attachmentId: inserted.id, fileName: f.file_name, size: f.size, sha256: f.sha256 },
            });
            return inserted;
          },
        );
        return {
          data: { id: row.id, fileName: file.file_name, size: file.size, createdAt: file.created_at },
        };
      },
    );

    app.get(
      '/items/:id/attachments/:attachmentId',
      { schema: { tags: TAGS, summary: '下载附件', params: attachmentParams } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { item } = await loadVisible(ctx, actor, request.params.id);
        const row = await ctx.db.kysely
          .selectFrom('item_attachments')
          .selectAll()
          .where('id', '=', request.params.attachmentId)
          .where('item_id', '=', item.id)
          .executeTakeFirst();
        if (!row) throw new AppError('NOT_FOUND', '附件不存在或您无权查看');
        const buf = await readStoredFile(ctx.config.dataDir, row.storage_key);
        await inTransaction(ctx, whoOf(request), (_tx, audit) =>
          audit({
            action: 'item.attachment_download',
            targetType: 'item',
            targetId: item.id,
            summary: { attachmentId: row.id, fileName: row.file_name },
          }),
        );
        return sendDownload(reply, buf, row.mime, row.file_name);
      },
    );

    app.delete(
      '/items/:id/attachments/:attachmentId',
      {
        schema: { tags: TAGS, summary: '删除附件', params: attachmentParams, response: { 200: okResponse } },
      },
      async (request) => {
        const actor = actorOf(request);
        const { item, access } = await loadVisible(ctx, actor, request.params.id);
        if (!mayAttach(item, access, (await ctx.settings.get()).itemMaxAttachments))
          throw new AppError('FORBIDDEN', '该信息当前不能删除附件');
        await inTransaction(ctx, whoOf(request), async (tx, audit) => {
          const row = await tx
            .selectFrom('item_attachments')
            .select(['id', 'file_name'])
            .where('id', '=', request.params.attachmentId)
            .where('item_id', '=', item.id)
            .executeTakeFirst();
          if (!row) throw new AppError('NOT_FOUND', '附件不存在');
          await tx.deleteFrom('item_attachments').where('id', '=', row.id).execute();
          await audit({
            action: 'item.attachment_remove',
            targetType: 'item',
            targetId: item.id,
            summary: { attachmentId: row.id, fileName: row.file_name },
          });
        });
        return { data: { ok: true as const } };
      },
    );
  };
}
