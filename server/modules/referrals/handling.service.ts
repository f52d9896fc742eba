import { chineseDate } from '../../../shared/issues.ts';
import { REPLY_RATINGS } from '../../../shared/referrals.ts';
import type {
  ReferralReplyInput,
  ReferralReviewInput,
  ReferralSignInput,
} from '../../../shared/schemas/referrals.ts';
import { addWorkingDays } from '../../../shared/workdays.ts';
import { type AppContext, inTransaction, type Who } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { staffOf } from '../items/desks.ts';
import { authorUserIds } from '../items/items.repository.ts';
import { notify } from '../notifications/notifications.service.ts';
import { handlersOf } from './referrals.policy.ts';
import { calendarOf, loadForAction, moveReferral, requireOffice } from './referrals.service.ts';

/**
 * The department's part (签收, 办复), done by its own handler or recorded by the office on its
 * behalf (代为登记, marked as such), and the office's review (评价) of each reply.
 */

function checkDay(day: string, notBefore: string, today: string, what: string): void {
  if (day > today) throw new AppError('VALIDATION_FAILED', `${what}不能晚于今天`);
  if (day < notBefore) throw new AppError('VALIDATION_FAILED', `${what}不能早于${chineseDate(notBefore)}`);
}

/** 签收. */
export async function signReferral(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: ReferralSignInput,
): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await inTransaction(ctx, who, async (tx, audit) => {
    const { row, org, side, item } = await loadForAction(tx, actor, id);
    checkDay(input.signedOn, row.sent_on, cstDate(now), '签收日期');
    const proxy = !side.handler;
    if (proxy && input.signerName === '')
      throw new AppError('VALIDATION_FAILED', '代为登记签收时，请填写承办单位的签收人');
    const signer = input.signerName || actor.realName;
    await moveReferral(tx, audit, {
      actor,
      row,
      item,
      from: ['sent'],
      to: 'signed',
      patch: {
        signed_on: input.signedOn,
        signer_name: signer,
        signed_by: actor.id,
        signed_proxy: proxy ? 1 : 0,
      },
      action: 'referral.sign',
      note: `${org.name}签收（签收人${signer}${proxy ? '，信息处代为登记' : ''}）`,
      summary: { orgId: org.id, signedOn: input.signedOn, signer, proxy },
      at,
    });
  });
}

/** 办复: a reply with its day; scans are added to it afterwards, until it is reviewed. */
export async function replyReferral(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: ReferralReplyInput,
): Promise<number> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return inTransaction(ctx, who, async (tx, audit) => {
    const { row, org, side, item } = await loadForAction(tx, actor, id);
    checkDay(input.repliedOn, row.signed_on ?? row.sent_on, cstDate(now), '办复日期');
    const proxy = !side.handler;
    await moveReferral(tx, audit, {
      actor,
      row,
      item,
      from: ['signed'],
      to: 'replied',
      patch: {},
      action: 'referral.reply',
      note: `${org.name}办复${proxy ? '（信息处代为登记）' : ''}`,
      summary: { orgId: org.id, repliedOn: input.repliedOn, proxy, length: input.text.length },
      at,
    });
    const { id: replyId } = await tx
      .insertInto('referral_replies')
      .values({
        referral_id: row.id,
        text: input.text,
        replied_on: input.repliedOn,
        recorded_by: actor.id,
        proxy: proxy ? 1 : 0,
        created_at: at,
        rating: null,
        review_note: '',
        reviewed_by: null,
        reviewed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!proxy)
      await notify(
        tx,
        (await staffOf(tx, row.desk_id, 'feedback.record')).map((s) => s.id),
        {
          kind: 'referral_task',
          title: `${org.name}已办复《${item.title}》`,
          body: '请查看办复内容并作出评价',
          itemId: item.id,
        },
        at,
      );
    return replyId;
  });
}

/**
 * 评价: 满意 or 基本满意 accepts the reply and closes the referral (办结), and the item's authors are
 * told; 不满意 sends it back for a new reply with a new time limit counted from today, the
 * earlier reply and its review staying on record.
 */
export async function reviewReferral(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: ReferralReviewInput,
): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const calendar = await calendarOf(ctx);
  await inTransaction(ctx, who, async (tx, audit) => {
    const { row, org, side, item } = await loadForAction(tx, actor, id);
    requireOffice(side, '只有交办的信息处可以评价办复');
    const reply = await tx
      .selectFrom('referral_replies')
      .selectAll()
      .where('referral_id', '=', row.id)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!reply || reply.rating !== null) throw new AppError('REFERRAL_STATE');
    const label = REPLY_RATINGS[input.rating];
    const back = input.rating === 'unsatisfied';
    const days = input.deadlineDays ?? row.deadline_days;
    const dueOn = back ? addWorkingDays(cstDate(now), days, calendar) : row.due_on;
    await moveReferral(tx, audit, {
      actor,
      row,
      item,
      from: ['replied'],
      to: back ? 'signed' : 'closed',
      patch: back ? { deadline_days: days, due_on: dueOn } : { closed_at: at, closed_by: actor.id },
      action: 'referral.review',
      note: back
        ? `评价${org.name}办复：${label}，退回重新办复，限${chineseDate(dueOn)}前`
        : `评价${org.name}办复：${label}，办结`,
      ...(input.note ? { reason: input.note } : {}),
      summary: { orgId: org.id, replyId: reply.id, rating: input.rating, note: input.note, dueOn },
      at,
    });
    await tx
      .updateTable('referral_replies')
      .set({ rating: input.rating, review_note: input.note, reviewed_by: actor.id, reviewed_at: at })
      .where('id', '=', reply.id)
      .execute();
    if (back) {
      await notify(
        tx,
        await handlersOf(tx, org),
        {
          kind: 'referral_task',
          title: `交办件《${item.title}》的办复被退回`,
          body: `请于${chineseDate(dueOn)}前重新办复。意见：${input.note.slice(0, 60)}`,
          itemId: null,
        },
        at,
      );
      return;
    }
    await notify(
      tx,
      [item.created_by, ...(await authorUserIds(tx, item.id))],
      {
        kind: 'item_reply',
        title: `信息《${item.title}》：${org.name}已办复`,
        body: reply.text.slice(0, 80),
        itemId: item.id,
      },
      at,
    );
  });
}
