import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, okResponse } from '../../../shared/schemas/common.ts';
import { attachmentSchema } from '../../../shared/schemas/items.ts';
import { type AppContext, inTransaction, type Tx } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import {
  ATTACHMENT_TYPES,
  cleanFileName,
  extensionOf,
  readStoredFile,
  removeStoredFile,
  storeFile,
} from './attachments.ts';
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
        if (!request.isMultipart()) throw new AppError('BAD_REQUEST', '请以表单方式上传附件');
        const maxBytes = settings.itemMaxAttachmentMb * 1_048_576;
        const file = await request.file({ limits: { fileSize: maxBytes } });
        if (!file) throw new AppError('BAD_REQUEST', '请选择要上传的文件');
        const fileName = cleanFileName(file.filename);
        const extension = extensionOf(fileName);
        const type = Object.hasOwn(ATTACHMENT_TYPES, extension) ? ATTACHMENT_TYPES[extension] : undefined;
        const types = Object.keys(ATTACHMENT_TYPES).join('、');
        if (!type) throw new AppError('ATTACHMENT_REJECTED', `不支持该类型的附件，请上传以下格式：${types}`);
        const buf = await file.toBuffer();
        if (file.file.truncated || buf.length > maxBytes)
          throw new AppError('PAYLOAD_TOO_LARGE', `附件不能超过${settings.itemMaxAttachmentMb}MB`);
        if (buf.length === 0) throw new AppError('ATTACHMENT_REJECTED', '附件是空文件');
        if (!type.sniff(buf))
          throw new AppError('ATTACHMENT_REJECTED', '附件内容与其扩展名不符，请确认文件未损坏且格式正确');
        const stored = await storeFile(ctx.config.dataDir, buf);
        const at = ctx.clock.iso();
        const row = await inTransaction(ctx, whoOf(request), async (tx, audit) => {
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
            .values({
              item_id: item.id,
              file_name: fileName,
              mime: type.mime,
              size: buf.length,
              sha256: stored.sha256,
              storage_key: stored.key,
              uploaded_by: actor.id,
              created_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await audit({
            action: 'item.attachment_add',
            targetType: 'item',
            targetId: item.id,
            summary: { attachmentId: inserted.id, fileName, size: buf.length, sha256: stored.sha256 },
          });
          return inserted;
        }).catch(async (error: unknown) => {
          await removeStoredFile(ctx.config.dataDir, stored.key);
          throw error;
        });
        return { data: { id: row.id, fileName, size: buf.length, createdAt: at } };
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
        return reply
          .header('content-type', row.mime)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(buf);
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
