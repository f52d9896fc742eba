import { type IssueEvent, STEP_MODES } from '../../../shared/issues.ts';
import type { ChainStep, Recipient } from '../../../shared/schemas/issues.ts';
import { type AppContext, type AuditFn, inTransaction, type Tx, type Who } from '../../context.ts';
import type { IssueRow, PostRow, SignoffRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { notify } from '../notifications/notifications.service.ts';
import { holderToday } from '../posts/assignment.ts';
import { chainFor, parseSteps } from './config.service.ts';
import { issueLabel } from './issue-label.ts';
import { loadIssueDesks } from './issues.policy.ts';
import {
  appendIssueEvent,
  claimIssue,
  findPublication,
  lockIssueItems,
  removeIssueFile,
  userName,
} from './issues.repository.ts';
import { assertCompiler, visibleIssue } from './issues.service.ts';
import { signIssue } from './issuing.ts';
import { maySign, waitingUsers } from './signers.ts';

const REMIND_INTERVAL_MS = 10 * 60_000;

interface Op {
  ctx: AppContext;
  tx: Tx;
  actor: Actor;
  issue: IssueRow;
  now: Date;
  at: string;
  audit: AuditFn;
}

export async function stepsOf(
  tx: Tx,
  chainVersionId: number | null,
): Promise<{ name: string; version: number; steps: ChainStep[] }> {
  if (chainVersionId === null) throw new AppError('ISSUE_NO_CHAIN');
  const v = await tx
    .selectFrom('approval_chain_versions')
    .innerJoin('approval_chains', 'approval_chains.id', 'approval_chain_versions.chain_id')
    .select(['approval_chains.name', 'approval_chain_versions.version', 'approval_chain_versions.steps'])
    .where('approval_chain_versions.id', '=', chainVersionId)
    .executeTakeFirstOrThrow();
  return { name: v.name, version: v.version, steps: parseSteps(v.steps) };
}

/** The issue's history line and the audit row for one action on it, in the acting transaction. */
async function recordOn(
  op: Op,
  action: IssueEvent,
  event: { step: number | null; reason?: string; note?: string },
  summary: Record<string, unknown>,
): Promise<void> {
  await appendIssueEvent(op.tx, { issueId: op.issue.id, action, actorId: op.actor.id, at: op.at, ...event });
  await op.audit({ action: `issue.${action}`, targetType: 'issue', targetId: op.issue.id, summary });
}

/** Rows of the current step in the current round. */
function currentRows(tx: Tx, issue: IssueRow) {
  return tx
    .selectFrom('issue_signoffs')
    .selectAll()
    .where('issue_id', '=', issue.id)
    .where('round', '=', issue.round)
    .where('step_index', '=', issue.step_index ?? -1)
    .orderBy('seq')
    .orderBy('id')
    .execute();
}

async function findPost(tx: Tx, id: number | null): Promise<PostRow | undefined> {
  if (id === null) return undefined;
  return tx.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The row of the current step the actor signs now, if any: a pending row waiting for them today
 * (a post's row goes to whoever holds the post today), and only while they still hold signing
 * rights for this CPPCC.
 */
export async function myPendingRow(
  tx: Tx,
  issue: IssueRow,
  actor: Actor,
  now: Date,
): Promise<SignoffRow | undefined> {
  if (issue.status !== 'reviewing') return undefined;
  const pending = (await currentRows(tx, issue)).filter((r) => r.status === 'pending');
  if (pending.length === 0) return undefined;
  const waiting = await waitingUsers(tx, pending, now);
  const row = pending.find((r) => waiting.get(r.id) === actor.id);
  if (!row || !(await loadIssueDesks(tx, actor)).sign.has(issue.org_id)) return undefined;
  return row;
}

async function tellSigners(op: Op, userIds: number[], title: string, body: string): Promise<void> {
  await notify(
    op.tx,
    userIds,
    { kind: 'issue_approval', title, body, itemId: null, issueId: op.issue.id },
    op.at,
  );
}

async function tellCompiler(op: Op, title: string, body: string): Promise<void> {
  await notify(
    op.tx,
    [op.issue.compiled_by].filter((id) => id !== op.actor.id),
    { kind: 'issue_status', title, body, itemId: null, issueId: op.issue.id },
    op.at,
  );
}

/** Opens a step of a round: one row per signer (the post's holder today), and tells them. */
async function activateStep(op: Op, round: number, stepIndex: number, step: ChainStep): Promise<void> {
  const rows: Omit<SignoffRow, 'id'>[] = [];
  for (const [seq, s] of step.signers.entries()) {
    const post = s.type === 'post' ? await findPost(op.tx, s.postId) : undefined;
    if (s.type === 'post' && !post)
      throw new AppError(
        'VALIDATION_FAILED',
        `审签环节“${step.name}”指定的岗位已不存在，请联系系统管理员修改审签流程`,
      );
    const userId = post ? await holderToday(op.tx, post, op.now) : (s as { userId: number }).userId;
    if (!(await maySign(op.tx, userId, op.issue.org_id))) {
      const name = await userName(op.tx, userId);
      throw new AppError(
        'VALIDATION_FAILED',
        `审签环节“${step.name}”的审签人${name}已停用或没有本级刊物的审签权限，请联系系统管理员修改审签流程或岗位`,
      );
    }
    rows.push({
      issue_id: op.issue.id,
      round,
      step_index: stepIndex,
      seq,
      user_id: userId,
      post_id: post?.id ?? null,
      status: step.mode === 'sequential' && seq > 0 ? 'waiting' : 'pending',
      comment: '',
      acted_by: null,
      acted_at: null,
      added_by: null,
      reminded_at: null,
      created_at: op.at,
    });
  }
  await op.tx.insertInto('issue_signoffs').values(rows).execute();
  const label = await issueLabel(op.tx, op.issue);
  await tellSigners(
    op,
    rows.filter((r) => r.status === 'pending').map((r) => r.user_id),
    `请审签${label}`,
    `审签环节：${step.name}（${STEP_MODES[step.mode]}）`,
  );
}

async function run<T>(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  fn: (op: Op) => Promise<T>,
): Promise<T> {
  const now = ctx.clock.now();
  return inTransaction(ctx, who, async (tx, audit) => {
    const { issue } = await visibleIssue(tx, actor, id);
    return fn({ ctx, tx, actor, issue, now, at: now.toISOString(), audit });
  });
}

/**
 * Sends the issue for signature by the chain the rules pick for its recipients, in the chain's
 * current version; the issue keeps that version until it is signed or comes back to compiling.
 * Its items are locked first (the issue row is already claimed): a concurrent revision or
 * deselection of one of them either finishes before and is seen here, or waits and is refused.
 */
export async function submitIssue(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  version: number,
): Promise<void> {
  await run(ctx, actor, who, id, async (op) => {
    const { tx, issue } = op;
    assertCompiler(issue, await loadIssueDesks(tx, actor));
    if (issue.status !== 'compiling') throw new AppError('ISSUE_LOCKED', '该期刊物已送审或已签发');
    const publication = await findPublication(tx, issue.publication_id);
    await claimIssue(tx, issue, version, op.at);
    const items = await lockIssueItems(tx, issue.id);
    const unselected = items.find((i) => i.status !== 'selected');
    if (unselected)
      throw new AppError(
        'ISSUE_INCOMPLETE',
        `信息《${unselected.title}》已不是拟用状态，请将其移出本期或重新拟用后再送审`,
      );
    if (items.length === 0) throw new AppError('ISSUE_INCOMPLETE', '请先编入至少一条信息');
    if (publication.single_item === 1 && items.length !== 1)
      throw new AppError('ISSUE_INCOMPLETE', `《${publication.name}》每期刊发一条信息`);
    const recipients = JSON.parse(issue.recipients) as Recipient[];
    if (recipients.length === 0) throw new AppError('ISSUE_INCOMPLETE', '请填写报送对象（报、送、发）');
    const chain = await chainFor(tx, issue.org_id, issue.publication_id, recipients);
    if (!chain) throw new AppError('ISSUE_NO_CHAIN');
    const current = await tx
      .selectFrom('approval_chain_versions')
      .innerJoin('approval_chains', 'approval_chains.id', 'approval_chain_versions.chain_id')
      .select('approval_chain_versions.id')
      .where('approval_chains.id', '=', chain.chainId)
      .whereRef('approval_chain_versions.version', '=', 'approval_chains.current_version')
      .executeTakeFirstOrThrow();
    const chainVersionId = current.id;
    const { steps } = await stepsOf(tx, chainVersionId);
    const round = issue.round + 1;
    await tx
      .updateTable('issues')
      .set({
        status: 'reviewing',
        chain_version_id: chainVersionId,
        round,
        step_index: 0,
        submitted_at: op.at,
      })
      .where('id', '=', issue.id)
      .execute();
    const moved = { ...issue, status: 'reviewing', round, step_index: 0, chain_version_id: chainVersionId };
    await activateStep({ ...op, issue: moved }, round, 0, steps[0] as ChainStep);
    await recordOn(op, 'submit', { step: 0, note: `审签流程：${chain.name}` }, { chain: chain.name, round });
  });
}

/**
 * Approves the current step for the actor (审签同意). The step is done when its signers are:
 * any one of them (一人审签), each in turn (依次审签) or all of them (会签), plus anyone added
 * (加签). The last step's approval is the sign-off (签发): the issue is numbered and issued.
 */
export async function approveIssue(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  version: number,
  comment: string,
): Promise<void> {
  const settings = await ctx.settings.get();
  const written: string[] = [];
  try {
    await run(ctx, actor, who, id, async (op) => {
      const { tx, issue } = op;
      const row = await myPendingRow(tx, issue, actor, op.now);
      if (!row) throw new AppError('ISSUE_NOT_YOUR_TURN');
      // One person signs a step once, whatever seats they hold in it (会签 needs different people).
      if ((await currentRows(tx, issue)).some((r) => r.status === 'approved' && r.acted_by === actor.id))
        throw new AppError(
          'VALIDATION_FAILED',
          '您已在本环节签署，同一环节不能重复签署；本环节其余席位请转交其他审签人',
        );
      const chain = await stepsOf(tx, issue.chain_version_id);
      const stepIndex = issue.step_index as number;
      const step = chain.steps[stepIndex] as ChainStep;
      await claimIssue(tx, issue, version, op.at);
      await tx
        .updateTable('issue_signoffs')
        .set({ status: 'approved', acted_by: actor.id, acted_at: op.at, comment })
        .where('id', '=', row.id)
        .execute();
      let rows = await currentRows(tx, issue);
      if (step.mode === 'single' && row.added_by === null) {
        const others = rows.filter((r) => r.status === 'pending' && r.added_by === null).map((r) => r.id);
        if (others.length)
          await tx
            .updateTable('issue_signoffs')
            .set({ status: 'cancelled' })
            .where('id', 'in', others)
            .execute();
      }
      if (step.mode === 'sequential') {
        const next = rows.find((r) => r.status === 'waiting');
        if (next && !rows.some((r) => r.status === 'pending' && r.added_by === null)) {
          await tx
            .updateTable('issue_signoffs')
            .set({ status: 'pending' })
            .where('id', '=', next.id)
            .execute();
          await tellSigners(
            op,
            [next.user_id],
            `请审签${await issueLabel(tx, issue)}`,
            `审签环节：${step.name}（依次审签）`,
          );
        }
      }
      rows = await currentRows(tx, issue);
      const last = stepIndex === chain.steps.length - 1;
      const done = !rows.some((r) => r.status === 'pending' || r.status === 'waiting');
      await recordOn(op, 'approve', { step: stepIndex, reason: comment }, { step: step.name, comment });
      if (!done) return;
      if (!last) {
        await tx
          .updateTable('issues')
          .set({ step_index: stepIndex + 1 })
          .where('id', '=', issue.id)
          .execute();
        await activateStep(op, issue.round, stepIndex + 1, chain.steps[stepIndex + 1] as ChainStep);
        return;
      }
      await signIssue({ ...op, settings, written });
    });
  } catch (error) {
    for (const key of written) await removeIssueFile(ctx.config.dataDir, key);
    throw error;
  }
}

/** Returns the issue to an earlier step (a new round from there) or to compiling. */
export async function returnIssue(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: { version: number; toStep: number; reason: string },
): Promise<void> {
  await run(ctx, actor, who, id, async (op) => {
    const { tx, issue } = op;
    const row = await myPendingRow(tx, issue, actor, op.now);
    if (!row) throw new AppError('ISSUE_NOT_YOUR_TURN');
    const stepIndex = issue.step_index as number;
    if (input.toStep >= stepIndex)
      throw new AppError('VALIDATION_FAILED', '只能退回到之前的审签环节或退回编辑');
    const chain = await stepsOf(tx, issue.chain_version_id);
    const toCompiling = input.toStep === -1;
    const round = toCompiling ? issue.round : issue.round + 1;
    await claimIssue(tx, issue, input.version, op.at, {
      status: toCompiling ? 'compiling' : 'reviewing',
      step_index: toCompiling ? null : input.toStep,
      round,
    });
    await tx
      .updateTable('issue_signoffs')
      .set({ status: 'returned', acted_by: actor.id, acted_at: op.at, comment: input.reason })
      .where('id', '=', row.id)
      .execute();
    await tx
      .updateTable('issue_signoffs')
      .set({ status: 'cancelled' })
      .where('issue_id', '=', issue.id)
      .where('round', '=', issue.round)
      .where('status', 'in', ['pending', 'waiting'])
      .execute();
    const target = toCompiling ? '编辑' : `“${chain.steps[input.toStep]?.name}”环节`;
    const label = await issueLabel(tx, issue);
    if (!toCompiling)
      await activateStep(
        { ...op, issue: { ...issue, round } },
        round,
        input.toStep,
        chain.steps[input.toStep] as ChainStep,
      );
    await tellCompiler(op, `${label}被退回${target}`, `退回理由：${input.reason}`);
    await recordOn(
      op,
      'return',
      { step: stepIndex, reason: input.reason, note: `退回${target}` },
      { toStep: input.toStep, reason: input.reason },
    );
  });
}

/** The compiler takes the issue back from signature (撤回), e.g. to change it. */
export async function withdrawIssue(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: { version: number; reason: string },
): Promise<void> {
  await run(ctx, actor, who, id, async (op) => {
    const { tx, issue } = op;
    assertCompiler(issue, await loadIssueDesks(tx, actor));
    if (issue.status !== 'reviewing') throw new AppError('VALIDATION_FAILED', '只有审签中的刊物可以撤回');
    const pending = (await currentRows(tx, issue))
      .filter((r) => r.status === 'pending')
      .map((r) => r.user_id);
    await claimIssue(tx, issue, input.version, op.at, { status: 'compiling', step_index: null });
    await tx
      .updateTable('issue_signoffs')
      .set({ status: 'cancelled' })
      .where('issue_id', '=', issue.id)
      .where('round', '=', issue.round)
      .where('status', 'in', ['pending', 'waiting'])
      .execute();
    await tellSigners(op, pending, `${await issueLabel(tx, issue)}已撤回`, `撤回原因：${input.reason}`);
    await recordOn(
      op,
      'withdraw',
      { step: issue.step_index, reason: input.reason },
      { reason: input.reason },
    );
  });
}

/**
 * Someone a signer brings into the current step (转交, 加签): they must be able to sign this
 * CPPCC's issues and must not already have a seat in the step — else one person could fill two
 * seats of a 会签 or 依次审签 step.
 */
async function assertNewSigner(tx: Tx, issue: IssueRow, userId: number, now: Date): Promise<string> {
  const name = await userName(tx, userId);
  if (!(await maySign(tx, userId, issue.org_id)))
    throw new AppError('VALIDATION_FAILED', `${name || '所选人员'}已停用或没有本级刊物的审核或审定签发权限`);
  const rows = (await currentRows(tx, issue)).filter((r) => r.status !== 'cancelled');
  const waiting = await waitingUsers(
    tx,
    rows.filter((r) => r.status === 'pending' || r.status === 'waiting'),
    now,
  );
  if (rows.some((r) => r.user_id === userId || r.acted_by === userId || waiting.get(r.id) === userId))
    throw new AppError('VALIDATION_FAILED', `${name}已是本环节的审签人或已在本环节签署`);
  return name;
}

/** The signer hands their signature to someone else who may sign (转交). */
export async function transferSignoff(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: { version: number; userId: number; reason: string },
): Promise<void> {
  await run(ctx, actor, who, id, async (op) => {
    const { tx, issue } = op;
    const row = await myPendingRow(tx, issue, actor, op.now);
    if (!row) throw new AppError('ISSUE_NOT_YOUR_TURN');
    if (input.userId === actor.id) throw new AppError('VALIDATION_FAILED', '不能转交给自己');
    const name = await assertNewSigner(tx, issue, input.userId, op.now);
    await claimIssue(tx, issue, input.version, op.at);
    await tx
      .updateTable('issue_signoffs')
      .set({ status: 'transferred', acted_by: actor.id, acted_at: op.at, comment: input.reason })
      .where('id', '=', row.id)
      .execute();
    await tx
      .insertInto('issue_signoffs')
      .values({
        ...row,
        id: undefined,
        user_id: input.userId,
        post_id: null,
        status: 'pending',
        comment: '',
        acted_by: null,
        acted_at: null,
        reminded_at: null,
        created_at: op.at,
      })
      .execute();
    await tellSigners(
      op,
      [input.userId],
      `请审签${await issueLabel(tx, issue)}`,
      `${actor.realName}转交：${input.reason}`,
    );
    await recordOn(
      op,
      'transfer',
      { step: issue.step_index, reason: input.reason, note: `转交${name}` },
      { to: input.userId, reason: input.reason },
    );
  });
}

/** The signer asks one more person to sign this step (加签); the step waits for them too. */
export async function addSigner(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: { version: number; userId: number; reason: string },
): Promise<void> {
  await run(ctx, actor, who, id, async (op) => {
    const { tx, issue } = op;
    const row = await myPendingRow(tx, issue, actor, op.now);
    if (!row) throw new AppError('ISSUE_NOT_YOUR_TURN');
    const name = await assertNewSigner(tx, issue, input.userId, op.now);
    const rows = await currentRows(tx, issue);
    await claimIssue(tx, issue, input.version, op.at);
    await tx
      .insertInto('issue_signoffs')
      .values({
        issue_id: issue.id,
        round: issue.round,
        step_index: issue.step_index as number,
        seq: Math.max(...rows.map((r) => r.seq)) + 1,
        user_id: input.userId,
        post_id: null,
        status: 'pending',
        comment: '',
        acted_by: null,
        acted_at: null,
        added_by: actor.id,
        reminded_at: null,
        created_at: op.at,
      })
      .execute();
    await tellSigners(
      op,
      [input.userId],
      `请审签${await issueLabel(tx, issue)}`,
      `${actor.realName}加签${input.reason ? `：${input.reason}` : ''}`,
    );
    await recordOn(
      op,
      'add_signer',
      { step: issue.step_index, reason: input.reason, note: `加签${name}` },
      { user: input.userId },
    );
  });
}

/** The compiler reminds whoever the issue waits for (催办), at most every ten minutes. */
export async function remindSigners(ctx: AppContext, actor: Actor, who: Who, id: number): Promise<number> {
  return run(ctx, actor, who, id, async (op) => {
    const { tx, issue } = op;
    assertCompiler(issue, await loadIssueDesks(tx, actor));
    if (issue.status !== 'reviewing') throw new AppError('VALIDATION_FAILED', '只有审签中的刊物可以催办');
    const pending = (await currentRows(tx, issue)).filter((r) => r.status === 'pending');
    const recent = pending.find(
      (r) => r.reminded_at && op.now.getTime() - Date.parse(r.reminded_at) < REMIND_INTERVAL_MS,
    );
    if (recent) throw new AppError('RATE_LIMITED', '刚刚已催办过，请10分钟后再催办');
    await tx
      .updateTable('issue_signoffs')
      .set({ reminded_at: op.at })
      .where(
        'id',
        'in',
        pending.map((r) => r.id),
      )
      .execute();
    const waiting = await waitingUsers(tx, pending, op.now);
    const users = [...new Set(pending.map((r) => waiting.get(r.id) as number))];
    await tellSigners(
      op,
      users,
      `催办：请审签${await issueLabel(tx, issue)}`,
      `${actor.realName}提醒您尽快审签`,
    );
    await recordOn(op, 'remind', { step: issue.step_index }, { users });
    return users.length;
  });
}
