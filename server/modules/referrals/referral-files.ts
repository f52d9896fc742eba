import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReferralState } from '../../../shared/referrals.ts';
import type { AppContext, Tx, Who } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { readStoredFile, recordUpload, sendDownload } from '../items/attachments.ts';
import { abilitiesOf } from './referrals.policy.ts';
import { loadForAction } from './referrals.service.ts';

const MAX_FILES = 5;
const MAX_FILE_MB = 20;

/**
 * The reply a scan goes to: the latest one, while it awaits the office's review and has fewer
 * than MAX_FILES scans; refused otherwise.
 */
async function uploadTarget(tx: Tx, actor: Actor, id: number) {
  const { row, side, item } = await loadForAction(tx, actor, id);
  const reply = await tx
    .selectFrom('referral_replies')
    .select('id')
    .where('referral_id', '=', row.id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!abilitiesOf(row.state as ReferralState, side, reply !== undefined).upload || !reply)
    throw new AppError('REFERRAL_STATE', '只有已办复、尚未评价的办复可以上传附件');
  const count = await tx
    .selectFrom('referral_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reply_id', '=', reply.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_FILES)
    throw new AppError('ATTACHMENT_REJECTED', `每次办复最多${MAX_FILES}个附件`);
  return { row, item, reply };
}

/**
 * Holds the referral row until the transaction ends, so that a review, a revocation or another
 * upload of the same referral waits for this one (or this one for them). SQLite has one writer
 * at a time, so there the transaction is alone already.
 */
async function lockReferral(ctx: AppContext, tx: Tx, id: number): Promise<void> {
  if (ctx.db.dialect === 'postgres')
    await tx.selectFrom('referrals').select('id').where('id', '=', id).forUpdate().execute();
}

/**
 * Scans of a reply (办复函): added to the latest reply by the department or the office until the
 * office has reviewed it; read by the office and the department only. Checked before the upload
 * is read (to refuse early) and again, under the referral's lock, in the transaction that adds it.
 */
export async function addReplyFile(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  request: FastifyRequest,
) {
  await uploadTarget(ctx.db.kysely, actor, id);
  const { result: fileId, file } = await recordUpload(
    ctx,
    who,
    request,
    MAX_FILE_MB,
    actor.id,
    async (tx, audit, f) => {
      await lockReferral(ctx, tx, id);
      const { row, item, reply } = await uploadTarget(tx, actor, id);
      const { id: inserted } = await tx
        .insertInto('referral_files')
        .values({ reply_id: reply.id, ...f })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'referral.file_add',
        targetType: 'item',
        targetId: item.id,
        summary: {
          referralId: row.id,
          replyId: reply.id,
          fileId: inserted,
          fileName: f.file_name,
          sha256: f.sha256,
        },
      });
      return inserted;
    },
  );
  return { id: fileId, fileName: file.file_name, size: file.size, createdAt: file.created_at };
}

export async function sendReplyFile(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  fileId: number,
  reply: FastifyReply,
) {
  const { row, item } = await loadForAction(ctx.db.kysely, actor, id);
  const file = await ctx.db.kysely
    .selectFrom('referral_files')
    .innerJoin('referral_replies', 'referral_replies.id', 'referral_files.reply_id')
    .selectAll('referral_files')
    .where('referral_files.id', '=', fileId)
    .where('referral_replies.referral_id', '=', row.id)
    .executeTakeFirst();
  if (!file) throw new AppError('NOT_FOUND', '附件不存在或您无权查看');
  const buf = await readStoredFile(ctx.config.dataDir, file.storage_key);
  await inTransaction(ctx, who, (_tx, audit) =>
    audit({
      action: 'referral.file_download',
      targetType: 'item',
      targetId: item.id,
      summary: { referralId: row.id, fileId: file.id, fileName: file.file_name },
    }),
  );
  return sendDownload(reply, buf, file.mime, file.file_name);
}
