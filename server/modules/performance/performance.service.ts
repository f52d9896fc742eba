import { DISPUTE_STATES, type DisputeState } from '../../../shared/performance.ts';
import type { Permission } from '../../../shared/roles.ts';
import type {
  DisputeInput,
  DisputeView,
  MemberRow,
  RecordView,
  ResolveInput,
  SchemeInput,
} from '../../../shared/schemas/performance.ts';
import { MEMBER_LEVELS, type MemberLevel } from '../../../shared/schemas/users.ts';
import { type AppContext, inTransaction, type Tx, type Who } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError, unlessDuplicate } from '../../lib/errors.ts';
import { can } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { cppccsOf, desksWithAny, staffOf } from '../items/desks.ts';
import { notify } from '../notifications/notifications.service.ts';
import { performanceEntries } from './engine.ts';
import { loadFacts, schemeOf } from './performance.repository.ts';

const MODES: Record<'read' | 'resolve' | 'manage', readonly Permission[]> = {
  // Office staff and the signing leaders; not unit liaisons, whose statistics stop at their unit.
  read: ['feedback.record', 'score.manage', 'issue.approve'],
  resolve: ['feedback.record'],
  manage: ['score.manage'],
};

/** The CPPCCs (id → name) whose members' records the actor reads, resolves disputes of, or sets the scheme for. */
export function performanceDesks(tx: Tx, actor: Actor, mode: keyof typeof MODES) {
  return desksWithAny(tx, actor, MODES[mode]);
}

export const yearOf = (now: Date) => Number(cstDate(now).slice(0, 4));

/** The CPPCCs a member has a record at: where their items went, and the CPPCC of their own unit. */
export async function memberDesks(tx: Tx, userId: number): Promise<Map<number, string>> {
  const rows = await tx
    .selectFrom('items')
    .innerJoin('item_authors', 'item_authors.item_id', 'items.id')
    .innerJoin('organizations', 'organizations.id', 'items.target_org_id')
    .select(['organizations.id', 'organizations.name'])
    .where('item_authors.user_id', '=', userId)
    .distinct()
    .execute();
  const desks = new Map(rows.map((r) => [r.id, r.name]));
  const own = await tx
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select('organizations.path')
    .where('memberships.user_id', '=', userId)
    .execute();
  for (const d of (
    await cppccsOf(
      tx,
      own.map((o) => o.path),
    )
  ).values())
    desks.set(d.id, d.name);
  return desks;
}

async function memberInfo(tx: Tx, userIds: readonly number[]) {
  if (userIds.length === 0) return new Map<number, { name: string; unit: string; level: string }>();
  const rows = await tx
    .selectFrom('users')
    .select(['users.id', 'users.real_name', 'users.member_level'])
    .where('users.id', 'in', [...userIds])
    .execute();
  // A member's unit: the first of their memberships.
  const units = await tx
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select(['memberships.user_id', 'organizations.name'])
    .where('memberships.user_id', 'in', [...userIds])
    .orderBy('memberships.sort_order', 'desc')
    .orderBy('memberships.org_id', 'desc')
    .execute();
  const unitOf = new Map(units.map((u) => [u.user_id, u.name]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: r.real_name,
        unit: unitOf.get(r.id) ?? '',
        level: r.member_level ? `${MEMBER_LEVELS[r.member_level as MemberLevel]}政协委员` : '',
      },
    ]),
  );
}

async function disputesOf(tx: Tx, deskId: number, year: number, userId?: number): Promise<DisputeView[]> {
  let q = tx
    .selectFrom('performance_disputes as d')
    .innerJoin('users as m', 'm.id', 'd.user_id')
    .leftJoin('users as r', 'r.id', 'd.resolved_by')
    .leftJoin('items', 'items.id', 'd.item_id')
    .selectAll('d')
    .select(['m.real_name as member_name', 'r.real_name as resolver', 'items.title'])
    .where('d.org_id', '=', deskId)
    .where('d.year', '=', year);
  if (userId !== undefined) q = q.where('d.user_id', '=', userId);
  const rows = await q.orderBy('d.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    itemId: r.item_id,
    itemTitle: r.title ?? '',
    reason: r.reason,
    state: r.state as DisputeState,
    reply: r.reply,
    adjustment: r.adjustment,
    filedAt: r.created_at,
    resolvedBy: r.resolver ?? '',
    resolvedAt: r.resolved_at,
    member: { id: r.user_id, name: r.member_name },
  }));
}

/** One member's record at a CPPCC for a year: entries line by line, accepted adjustments, disputes. */
export async function recordOf(
  tx: Tx,
  desk: { id: number; name: string },
  year: number,
  memberId: number,
): Promise<RecordView> {
  const { scheme } = await schemeOf(tx, desk.id, year);
  const entries =
    performanceEntries(await loadFacts(tx, desk.id, scheme.streams, memberId), scheme, year).get(memberId) ??
    [];
  const disputes = await disputesOf(tx, desk.id, year, memberId);
  const adjustments = disputes.filter((d) => d.state === 'accepted').reduce((s, d) => s + d.adjustment, 0);
  const info = (await memberInfo(tx, [memberId])).get(memberId);
  return {
    orgId: desk.id,
    orgName: desk.name,
    year,
    member: { id: memberId, name: info?.name ?? '', unit: info?.unit ?? '', level: info?.level ?? '' },
    entries: entries.sort((a, b) => (a.lines[0]?.on ?? '').localeCompare(b.lines[0]?.on ?? '')),
    adjustments,
    total: entries.reduce((s, e) => s + e.points, 0) + adjustments,
    disputes,
    scheme,
  };
}

/** Members of the CPPCC: holders of the member role in its part of the tree, and the authors of its items. */
async function membersOf(tx: Tx, deskId: number): Promise<number[]> {
  const desk = await tx
    .selectFrom('organizations')
    .select('path')
    .where('id', '=', deskId)
    .executeTakeFirst();
  if (!desk) return [];
  const rows = await tx
    .selectFrom('role_grants')
    .innerJoin('organizations', 'organizations.id', 'role_grants.org_id')
    .select(['role_grants.user_id', 'organizations.path'])
    .where('role_grants.role', '=', 'member')
    .where('organizations.path', 'like', `${desk.path}%`)
    .execute();
  // A city CPPCC's members are its own, not the province's.
  const cppccs = await cppccsOf(
    tx,
    rows.map((r) => r.path),
  );
  return rows.filter((r) => cppccs.get(r.path)?.id === deskId).map((r) => r.user_id);
}

/**
 * Whether the user is among the CPPCC's members as the list counts them: a member there, an
 * author of one of its items, or one who disputed its record that year.
 */
export async function isMemberOf(tx: Tx, deskId: number, year: number, userId: number): Promise<boolean> {
  if ((await membersOf(tx, deskId)).includes(userId)) return true;
  const authored = await tx
    .selectFrom('items')
    .innerJoin('item_authors', 'item_authors.item_id', 'items.id')
    .select('items.id')
    .where('items.target_org_id', '=', deskId)
    .where('item_authors.user_id', '=', userId)
    .executeTakeFirst();
  if (authored) return true;
  const disputed = await tx
    .selectFrom('performance_disputes')
    .select('id')
    .where('org_id', '=', deskId)
    .where('year', '=', year)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return disputed !== undefined;
}

/** Every member's year at a CPPCC, highest total first. */
export async function listMembers(tx: Tx, deskId: number, year: number): Promise<MemberRow[]> {
  const { scheme } = await schemeOf(tx, deskId, year);
  const entries = performanceEntries(await loadFacts(tx, deskId, scheme.streams), scheme, year);
  const disputes = await disputesOf(tx, deskId, year);
  const ids = [
    ...new Set([...(await membersOf(tx, deskId)), ...entries.keys(), ...disputes.map((d) => d.member.id)]),
  ];
  const info = await memberInfo(tx, ids);
  const rows = ids
    .map((id) => {
      const own = entries.get(id) ?? [];
      const mine = disputes.filter((d) => d.member.id === id);
      const adjust = mine.filter((d) => d.state === 'accepted').reduce((s, d) => s + d.adjustment, 0);
      return {
        id,
        rank: 0,
        name: info.get(id)?.name ?? '',
        unit: info.get(id)?.unit ?? '',
        level: info.get(id)?.level ?? '',
        items: own.length,
        total: own.reduce((s, e) => s + e.points, 0) + adjust,
        openDisputes: mine.filter((d) => d.state === 'open').length,
      };
    })
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
  rows.forEach((r, i) => {
    const previous = rows[i - 1];
    r.rank = previous && previous.total === r.total ? previous.rank : i + 1;
  });
  return rows;
}

export async function listDisputes(tx: Tx, deskId: number, year: number) {
  return disputesOf(tx, deskId, year);
}

const ONE_OPEN = '您对这一项已有申诉正在处理，请等待处理结果或撤回后重新提出';

/** A member disputes an entry (or something missing) of this or last year's record. */
export async function fileDispute(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  input: DisputeInput,
): Promise<number> {
  const now = ctx.clock.now();
  const year = yearOf(now);
  return inTransaction(ctx, who, async (tx, audit) => {
    if (!can(actor, 'performance.own')) throw new AppError('FORBIDDEN', '委员本人可以对履职记录提出申诉');
    const desks = await memberDesks(tx, actor.id);
    if (!desks.has(input.orgId)) throw new AppError('NOT_FOUND', '履职记录不存在或您无权查看');
    if (input.year > year || input.year < year - 1) throw new AppError('PERFORMANCE_DISPUTE_WINDOW');
    if (input.itemId !== null) {
      const mine = await tx
        .selectFrom('items')
        .innerJoin('item_authors', 'item_authors.item_id', 'items.id')
        .select('items.id')
        .where('items.id', '=', input.itemId)
        .where('items.target_org_id', '=', input.orgId)
        .where('item_authors.user_id', '=', actor.id)
        .executeTakeFirst();
      if (!mine) throw new AppError('NOT_FOUND', '只能对本人署名的信息提出申诉');
    }
    let open = tx
      .selectFrom('performance_disputes')
      .select('id')
      .where('org_id', '=', input.orgId)
      .where('user_id', '=', actor.id)
      .where('year', '=', input.year)
      .where('state', '=', 'open');
    open =
      input.itemId === null ? open.where('item_id', 'is', null) : open.where('item_id', '=', input.itemId);
    if (await open.executeTakeFirst()) throw new AppError('DUPLICATE', ONE_OPEN);
    const at = now.toISOString();
    const { id } = await unlessDuplicate(
      tx
        .insertInto('performance_disputes')
        .values({
          org_id: input.orgId,
          user_id: actor.id,
          year: input.year,
          item_id: input.itemId,
          reason: input.reason,
          state: 'open',
          created_at: at,
          resolved_by: null,
          resolved_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
      () => new AppError('DUPLICATE', ONE_OPEN),
    );
    await audit({
      action: 'performance.dispute',
      targetType: 'performance_dispute',
      targetId: id,
      summary: { orgId: input.orgId, year: input.year, itemId: input.itemId, reason: input.reason },
    });
    const staff = await staffOf(tx, input.orgId, 'feedback.record');
    await notify(
      tx,
      staff.map((s) => s.id),
      {
        kind: 'performance_dispute',
        title: `${actor.realName}对${input.year}年度履职记录提出申诉`,
        body: input.reason.slice(0, 100),
        itemId: null,
      },
      at,
    );
    return id;
  });
}

async function openDispute(tx: Tx, id: number) {
  const row = await tx.selectFrom('performance_disputes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '申诉不存在或您无权查看');
  return row;
}

/** The member withdraws an open dispute. */
export async function withdrawDispute(ctx: AppContext, actor: Actor, who: Who, id: number): Promise<void> {
  await inTransaction(ctx, who, async (tx, audit) => {
    const row = await openDispute(tx, id);
    if (row.user_id !== actor.id) throw new AppError('NOT_FOUND', '申诉不存在或您无权查看');
    if (row.state !== 'open') throw new AppError('PERFORMANCE_DISPUTE_STATE');
    const done = await tx
      .updateTable('performance_disputes')
      .set({ state: 'withdrawn', resolved_at: ctx.clock.iso() })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('PERFORMANCE_DISPUTE_STATE');
    await audit({
      action: 'performance.dispute_withdraw',
      targetType: 'performance_dispute',
      targetId: id,
      summary: { year: row.year },
    });
  });
}

/** The office accepts (with an adjustment of points, possibly none) or rejects, with its reply. */
export async function resolveDispute(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: ResolveInput,
): Promise<void> {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const row = await openDispute(tx, id);
    if (!(await performanceDesks(tx, actor, 'read')).has(row.org_id))
      throw new AppError('NOT_FOUND', '申诉不存在或您无权查看');
    if (!(await performanceDesks(tx, actor, 'resolve')).has(row.org_id))
      throw new AppError('FORBIDDEN', '只有本级信息处可以处理履职申诉');
    const adjustment = Math.round(input.adjustment * 100);
    const done = await tx
      .updateTable('performance_disputes')
      .set({ state: input.decision, reply: input.reply, adjustment, resolved_by: actor.id, resolved_at: at })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('PERFORMANCE_DISPUTE_STATE');
    await audit({
      action: 'performance.dispute_resolve',
      targetType: 'performance_dispute',
      targetId: id,
      summary: {
        memberId: row.user_id,
        year: row.year,
        decision: input.decision,
        adjustment,
        reply: input.reply,
      },
    });
    await notify(
      tx,
      [row.user_id],
      {
        kind: 'performance_result',
        title: `您对${row.year}年度履职记录的申诉${DISPUTE_STATES[input.decision]}`,
        body: input.reply.slice(0, 100),
        itemId: null,
      },
      at,
    );
  });
}

/** Sets a CPPCC's scheme for this year or a later one; a past year's record stands as it was. */
export async function saveScheme(ctx: AppContext, actor: Actor, who: Who, input: SchemeInput): Promise<void> {
  const now = ctx.clock.now();
  await inTransaction(ctx, who, async (tx, audit) => {
    if (!(await performanceDesks(tx, actor, 'manage')).has(input.orgId))
      throw new AppError('FORBIDDEN', '只有本级信息处处长可以设置委员履职计分办法');
    if (input.year < yearOf(now)) throw new AppError('PERFORMANCE_YEAR_CLOSED');
    const rules = JSON.stringify(input.scheme);
    const at = now.toISOString();
    await tx
      .insertInto('performance_schemes')
      .values({ org_id: input.orgId, year: input.year, rules, updated_by: actor.id, updated_at: at })
      .onConflict((oc) =>
        oc.columns(['org_id', 'year']).doUpdateSet({ rules, updated_by: actor.id, updated_at: at }),
      )
      .execute();
    await audit({
      action: 'performance.scheme',
      targetType: 'performance_scheme',
      targetId: `${input.orgId}:${input.year}`,
      summary: input,
    });
  });
}
