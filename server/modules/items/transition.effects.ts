import type { ItemDeclaration, NotificationKind } from '../../../shared/items.ts';
import type { ItemContent } from '../../../shared/schemas/items.ts';
import type { Settings } from '../../../shared/schemas/settings.ts';
import type { ItemAction, ItemParty } from '../../../shared/workflow/items.ts';
import type { AuditFn, Tx } from '../../context.ts';
import type { ItemPatch, ItemRow } from '../../db/schema.ts';
import { addMs, cstDate, HOUR } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { assignmentFor } from '../posts/assignment.ts';
import { deskOf, staffOf } from './desks.ts';
import { assertIssueOpen, issueOf } from './issue-membership.ts';
import {
  appendVersion,
  contentOf,
  formatNumber,
  nextNumber,
  streamContent,
  textColumns,
} from './items.repository.ts';
import { routeOf } from './routing.ts';
import { assertSubmittable } from './submission.ts';

/**
 * What each action does besides moving the state: the columns it changes, the note its event
 * carries and who is to be told. `transition.service.ts` checks the table and applies these.
 */
/** What a person asks for; which fields matter depends on the action (see the workflow table). */
export interface TransitionRequest {
  action: ItemAction;
  version: number;
  reason: string;
  declarations: readonly ItemDeclaration[];
  assigneeId: number | null;
  content: ItemContent | null;
  referOrgId: number | null;
  /** Set by the platform for its own actions: what the event records (the issue published in). */
  note?: string;
  /** Set by the merge service only: the composite the item goes into. */
  mergeInto?: { id: number; number: string };
}

export interface Step {
  tx: Tx;
  actor: Actor | null;
  item: ItemRow;
  req: TransitionRequest;
  settings: Settings;
  now: Date;
  audit: AuditFn;
  /** What the actor is to the item (empty for the platform's own actions). */
  parties?: ReadonlySet<ItemParty>;
}

/** What an action changes besides the state, and what the event and notifications say. */
export interface Effect {
  patch: ItemPatch;
  note: string;
  notifyAssignee: boolean;
  /** Others to tell, with the kind of notice (the AB hand-over tells both holders). */
  tell?: { userIds: number[]; kind: NotificationKind; title: string; body: string };
}

async function staffName(tx: Tx, userId: number | null): Promise<string> {
  if (userId === null) return '';
  const u = await tx.selectFrom('users').select('real_name').where('id', '=', userId).executeTakeFirst();
  return u?.real_name ?? '';
}

async function assertStaff(tx: Tx, item: ItemRow, userId: number | null): Promise<number> {
  if (userId === null) throw new AppError('VALIDATION_FAILED', '请选择承办人');
  const staff = await staffOf(tx, item.target_org_id ?? 0);
  if (!staff.some((s) => s.id === userId))
    throw new AppError('VALIDATION_FAILED', '承办人须是接收该信息的信息处工作人员');
  return userId;
}

export async function effectOf(s: Step): Promise<Effect> {
  const { tx, item, req, now } = s;
  const at = now.toISOString();
  const none: Effect = { patch: {}, note: '', notifyAssignee: false };
  switch (req.action) {
    case 'submit':
    case 'resubmit': {
      await assertSubmittable(tx, item, req.declarations, s.settings);
      // A registered item comes back to the office that gave it its number; a new one is routed.
      const target =
        item.number !== null && item.target_org_id !== null
          ? await deskOf(tx, item.target_org_id)
          : (await routeOf(tx, item.submitting_org_id)).target;
      if (!target) throw new AppError('ITEM_NO_ROUTE');
      const assignment = await assignmentFor(tx, target.id, 'register', now);
      const kind = req.action === 'submit' && item.first_submitted_at === null ? 'original' : 'resubmission';
      // The text as submitted is the stream's text; scratch text of the other stream is dropped.
      const content = streamContent(contentOf(item), item.stream);
      const no = await appendVersion(
        tx,
        item.id,
        kind,
        item.stream,
        content,
        s.actor?.id ?? item.created_by,
        at,
      );
      return {
        patch: {
          ...textColumns(content, item.stream),
          target_org_id: target.id,
          submitted_at: at,
          first_submitted_at: item.first_submitted_at ?? at,
          declarations: req.declarations.join(','),
          last_reason: '',
          ...assignment,
        },
        note: `报送至${target.name}（第${no}稿${item.on_behalf ? `，由${s.actor?.realName ?? ''}代报` : ''}）`,
        notifyAssignee: true,
      };
    }
    case 'withdraw':
      // The receiving desk stays on record (a numbered item returns to it); a draft is private
      // whatever its desk (see accessOf).
      return {
        patch: { submitted_at: null, assignee_id: null, post_id: null, due_at: null },
        note: '',
        notifyAssignee: false,
      };
    case 'register': {
      const desk = item.target_org_id as number;
      // A resubmitted item keeps the number it was first registered under.
      const year = item.number_year ?? Number(cstDate(now).slice(0, 4));
      const seq = item.number_seq ?? (await nextNumber(tx, desk, year));
      const number = item.number ?? formatNumber(s.settings.itemNumberFormat, year, seq);
      const assignment = await assignmentFor(tx, desk, 'edit', now);
      if (req.assigneeId !== null) {
        // Naming the assignee at registration is assigning: the director's part.
        if (!s.parties?.has('assigner')) throw new AppError('FORBIDDEN', '只有信息处处长可以指定承办人');
        assignment.assignee_id = await assertStaff(tx, item, req.assigneeId);
        assignment.post_id = null;
      } else if (assignment.assignee_id === null && s.actor) {
        // Without an editing post, whoever registers the item keeps it.
        assignment.assignee_id = s.actor.id;
      }
      const who = await staffName(tx, assignment.assignee_id);
      return {
        patch: { number, number_year: year, number_seq: seq, registered_at: at, ...assignment },
        note: `登记号${number}${who ? `，承办人${who}` : ''}`,
        notifyAssignee: true,
      };
    }
    case 'assign': {
      const assignee = await assertStaff(tx, item, req.assigneeId);
      return {
        patch: { assignee_id: assignee, post_id: null, handed_over: 0 },
        note: `承办人${await staffName(tx, assignee)}`,
        notifyAssignee: true,
      };
    }
    case 'edit':
    case 'revise': {
      if (req.action === 'revise') await assertIssueOpen(tx, item.id);
      if (!req.content) throw new AppError('VALIDATION_FAILED', '请提交修改后的稿件');
      if (req.content.title.trim() === '') throw new AppError('VALIDATION_FAILED', '标题不能为空');
      const content = streamContent(req.content, item.stream);
      const no = await appendVersion(tx, item.id, 'edit', item.stream, content, s.actor?.id ?? 0, at);
      return { patch: textColumns(content, item.stream), note: `第${no}稿`, notifyAssignee: false };
    }
    case 'return':
    case 'reject':
      if (req.action === 'return' && item.composite)
        throw new AppError(
          'VALIDATION_FAILED',
          '综合信息由信息处编写，不能退回作者；不再使用时请选择“不予采用”',
        );
      return {
        patch: { last_reason: req.reason, assignee_id: null, post_id: null, due_at: null },
        note: '',
        notifyAssignee: false,
      };
    case 'refer': {
      const org =
        req.referOrgId === null
          ? undefined
          : await tx
              .selectFrom('organizations')
              .select(['id', 'name'])
              .where('id', '=', req.referOrgId)
              .where('active', '=', 1)
              .executeTakeFirst();
      if (!org) throw new AppError('VALIDATION_FAILED', '请选择转办单位');
      return {
        patch: {
          refer_org_id: org.id,
          last_reason: req.reason,
          assignee_id: null,
          post_id: null,
          due_at: null,
        },
        note: `转办至${org.name}`,
        notifyAssignee: false,
      };
    }
    case 'handover': {
      const post =
        item.post_id === null
          ? undefined
          : await tx.selectFrom('posts').selectAll().where('id', '=', item.post_id).executeTakeFirst();
      if (!post) throw new AppError('VALIDATION_FAILED', '该信息未按岗位分配，无需AB岗转交');
      const [a, b] = await Promise.all([staffName(tx, post.holder_a_id), staffName(tx, post.holder_b_id)]);
      return {
        patch: {
          assignee_id: post.holder_b_id,
          handed_over: 1,
          due_at: addMs(now, post.deadline_hours * HOUR),
        },
        note: `${post.name}由A岗${a}转交B岗${b}`,
        notifyAssignee: false,
        tell: {
          userIds: [post.holder_a_id, post.holder_b_id],
          kind: 'item_handover',
          title: `信息《${item.title || '无标题'}》已转交B岗${b}办理`,
          body: `${req.reason}，按AB岗制度由${a}转交${b}`,
        },
      };
    }
    case 'deselect':
      {
        const issue = await issueOf(tx, item.id);
        if (issue)
          throw new AppError(
            'ISSUE_LOCKED',
            issue.status === 'compiling'
              ? '该信息已编入刊物，请先在刊物编排中移出，再撤销拟用'
              : '该信息所在刊物正在审签或已签发，不能撤销拟用；如需调整，请先撤回审签',
          );
      }
      return none;
    case 'publish':
    case 'forward':
      return {
        patch: { assignee_id: null, post_id: null, due_at: null, handed_over: 0 },
        note: req.note ?? '',
        notifyAssignee: false,
      };
    case 'select':
      // Waiting for an issue is not a post's task: no deadline, no hand-over.
      return { patch: { post_id: null, due_at: null, handed_over: 0 }, note: '', notifyAssignee: false };
    case 'archive':
      return { patch: { assignee_id: null, post_id: null, due_at: null }, note: '', notifyAssignee: false };
    case 'merge':
      if (!req.mergeInto) throw new AppError('VALIDATION_FAILED', '合并须在工作台选择两条以上信息后进行');
      return {
        patch: { merged_into_id: req.mergeInto.id, assignee_id: null, post_id: null, due_at: null },
        note: `并入综合信息（登记号${req.mergeInto.number}）`,
        notifyAssignee: false,
      };
    default:
      return none;
  }
}
