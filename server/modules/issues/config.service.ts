import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { normalizeRecipients } from '../../../shared/issues.ts';
import type { ItemStream } from '../../../shared/items.ts';
import type {
  ChainInput,
  ChainStep,
  ChainView,
  PublicationInput,
  PublicationView,
  Recipient,
  RuleInput,
} from '../../../shared/schemas/issues.ts';
import { type AppContext, inTransaction, type Tx, type Who } from '../../context.ts';
import type { PublicationRow } from '../../db/schema.ts';
import { cstDate, DAY } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/actor.ts';
import { offlineActor } from '../access/offline-actor.ts';
import { defaultPublications, provinceOf } from './defaults.ts';
import { loadIssueDesks } from './issues.policy.ts';

export function parseRecipients(json: string): Recipient[] {
  return JSON.parse(json) as Recipient[];
}

export function parseSteps(json: string): ChainStep[] {
  return JSON.parse(json) as ChainStep[];
}

function publicationColumns(input: PublicationInput) {
  return {
    org_id: input.orgId,
    name: input.name,
    masthead: input.masthead,
    masthead_color: input.mastheadColor,
    publisher: input.publisher,
    streams: input.streams.join(','),
    single_item: input.singleItem ? 1 : 0,
    per_week: input.perWeek,
    marking: input.marking,
    recipients: JSON.stringify(normalizeRecipients(input.recipients)),
    print_run: input.printRun,
    count_total: input.countTotal ? 1 : 0,
    total_offset: input.totalOffset,
    active: input.active ? 1 : 0,
  };
}

async function insertPublication(
  tx: Tx,
  input: PublicationInput,
  at: string,
  sortOrder = 0,
): Promise<number> {
  const { id } = await tx
    .insertInto('publications')
    .values({
      ...publicationColumns(input),
      sort_order: sortOrder,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The four publications of R1.3 for a new provincial CPPCC (first start and the demo). */
export async function insertDefaultPublications(
  tx: Tx,
  orgId: number,
  rootName: string,
  at: string,
): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, p] of defaultPublications(orgId, provinceOf(rootName), `${rootName}办公厅`).entries())
    ids.push(await insertPublication(tx, p, at, i));
  return ids;
}

export async function createPublication(ctx: AppContext, who: Who, input: PublicationInput): Promise<number> {
  const at = ctx.clock.iso();
  return inTransaction(ctx, who, async (tx, audit) => {
    const id = await insertPublication(tx, input, at);
    await audit({
      action: 'publication.create',
      targetType: 'publication',
      targetId: id,
      summary: { name: input.name },
    });
    return id;
  });
}

export async function updatePublication(
  ctx: AppContext,
  who: Who,
  id: number,
  version: number,
  input: PublicationInput,
): Promise<void> {
  await inTransaction(ctx, who, async (tx, audit) => {
    const before = await tx.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', '刊物不存在');
    if (before.org_id !== input.orgId) throw new AppError('VALIDATION_FAILED', '刊物的编印政协不能更改');
    if (before.total_offset !== input.totalOffset) {
      const counted = await tx
        .selectFrom('issue_counters')
        .select('last')
        .where('publication_id', '=', id)
        .where('series', '=', 'total')
        .executeTakeFirst();
      if (counted)
        throw new AppError(
          'VALIDATION_FAILED',
          `该刊物已按总期数编号（最近为总第${counted.last}期），起始总期数不能再修改`,
        );
    }
    const r = await tx
      .updateTable('publications')
      .set({ ...publicationColumns(input), version: version + 1, updated_at: ctx.clock.iso() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该刊物已被他人修改，请刷新后重试');
    await audit({
      action: 'publication.update',
      targetType: 'publication',
      targetId: id,
      summary: { name: input.name },
    });
  });
}

/** A publication's settings as the form edits them. */
export function publicationInputOf(p: PublicationRow): PublicationInput {
  return {
    orgId: p.org_id,
    name: p.name,
    masthead: p.masthead,
    mastheadColor: p.masthead_color,
    publisher: p.publisher,
    streams: p.streams.split(',').filter(Boolean) as ItemStream[],
    singleItem: p.single_item === 1,
    perWeek: p.per_week,
    marking: p.marking,
    recipients: parseRecipients(p.recipients),
    printRun: p.print_run,
    countTotal: p.count_total === 1,
    totalOffset: p.total_offset,
    active: p.active === 1,
  };
}

/** Monday of the current week in China time, as an ISO instant. */
export function weekStart(now: Date): string {
  const day = cstDate(now);
  // The calendar day's weekday, read at UTC midnight of that date (Monday 0).
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return new Date(new Date(`${day}T00:00:00+08:00`).getTime() - weekday * DAY).toISOString();
}

export async function presentPublications(
  tx: Tx,
  rows: PublicationRow[],
  now: Date,
): Promise<PublicationView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const since = weekStart(now);
  const [orgs, issued, open, last, totals] = await Promise.all([
    tx
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(rows.map((r) => r.org_id))])
      .execute(),
    tx
      .selectFrom('issues')
      .select(['publication_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('publication_id', 'in', ids)
      .where('status', '=', 'issued')
      .where('signed_at', '>=', since)
      .groupBy('publication_id')
      .execute(),
    tx
      .selectFrom('issues')
      .select(['publication_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('publication_id', 'in', ids)
      .where('status', '<>', 'issued')
      .groupBy('publication_id')
      .execute(),
    tx
      .selectFrom('issues')
      .select(['id', 'publication_id', 'kind', 'year', 'number', 'signed_at'])
      .where('publication_id', 'in', ids)
      .where('status', '=', 'issued')
      .where('signed_at', '=', (eb) =>
        eb
          .selectFrom('issues as latest')
          .select((x) => x.fn.max('latest.signed_at').as('m'))
          .whereRef('latest.publication_id', '=', 'issues.publication_id')
          .where('latest.status', '=', 'issued'),
      )
      .execute(),
    tx
      .selectFrom('issue_counters')
      .select('publication_id')
      .where('publication_id', 'in', ids)
      .where('series', '=', 'total')
      .execute(),
  ]);
  const totalUsed = new Set(totals.map((t) => t.publication_id));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const issuedN = new Map(issued.map((r) => [r.publication_id, Number(r.n)]));
  const openN = new Map(open.map((r) => [r.publication_id, Number(r.n)]));
  const lastOf = new Map<number, (typeof last)[number]>();
  for (const r of last) if (!lastOf.has(r.publication_id)) lastOf.set(r.publication_id, r);
  return rows.map((p) => {
    const l = lastOf.get(p.id);
    return {
      ...publicationInputOf(p),
      id: p.id,
      orgName: orgName.get(p.org_id) ?? '',
      version: p.version,
      issuedThisWeek: issuedN.get(p.id) ?? 0,
      totalUsed: totalUsed.has(p.id),
      inProgress: openN.get(p.id) ?? 0,
      lastIssue: l
        ? {
            id: l.id,
            label: `${l.year}年${l.kind === 'supplement' ? '增刊' : ''}第${l.number}期`,
            signedAt: l.signed_at ?? '',
          }
        : null,
    };
  });
}

/**
 * A chain's signers must be able to sign this CPPCC's issues: each named person, and both
 * holders of each named post, hold 审核 or 审定签发 for it.
 */
async function validateSteps(tx: Tx, orgId: number, steps: ChainStep[]): Promise<void> {
  for (const [i, step] of steps.entries()) {
    const seen = new Set<string>();
    for (const s of step.signers) {
      const key = s.type === 'post' ? `p${s.postId}` : `u${s.userId}`;
      if (seen.has(key))
        throw new AppError('VALIDATION_FAILED', `第${i + 1}个环节“${step.name}”的审签人重复`);
      seen.add(key);
      let users: number[];
      if (s.type === 'post') {
        const post = await tx.selectFrom('posts').selectAll().where('id', '=', s.postId).executeTakeFirst();
        if (!post || post.org_id !== orgId)
          throw new AppError('VALIDATION_FAILED', `第${i + 1}个环节“${step.name}”的岗位不属于本级政协`);
        users = [post.holder_a_id, post.holder_b_id];
      } else users = [s.userId];
      for (const userId of users) {
        const user = await tx
          .selectFrom('users')
          .select(['id', 'real_name'])
          .where('id', '=', userId)
          .where('enabled', '=', 1)
          .executeTakeFirst();
        if (!user)
          throw new AppError('VALIDATION_FAILED', `第${i + 1}个环节“${step.name}”的审签人不存在或已停用`);
        const desks = await loadIssueDesks(tx, await offlineActor(tx, userId, 'chain-check'));
        if (!desks.sign.has(orgId))
          throw new AppError(
            'VALIDATION_FAILED',
            `第${i + 1}个环节“${step.name}”的审签人${user.real_name}没有本级刊物的审核或审定签发权限`,
          );
      }
    }
    if (step.mode === 'sequential' && step.signers.length < 2)
      throw new AppError('VALIDATION_FAILED', `第${i + 1}个环节“${step.name}”为依次审签，至少需要两名审签人`);
    if (step.mode === 'all' && step.signers.length < 2)
      throw new AppError('VALIDATION_FAILED', `第${i + 1}个环节“${step.name}”为会签，至少需要两名审签人`);
  }
}

export async function createChain(ctx: AppContext, who: Who, input: ChainInput): Promise<number> {
  const at = ctx.clock.iso();
  return inTransaction(ctx, who, async (tx, audit) => {
    await validateSteps(tx, input.orgId, input.steps);
    const { id } = await tx
      .insertInto('approval_chains')
      .values({
        org_id: input.orgId,
        name: input.name,
        current_version: 1,
        active: input.active ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('approval_chain_versions')
      .values({
        chain_id: id,
        version: 1,
        steps: JSON.stringify(input.steps),
        created_by: who.actor?.id ?? null,
        created_at: at,
      })
      .execute();
    await audit({
      action: 'chain.create',
      targetType: 'approval_chain',
      targetId: id,
      summary: { name: input.name, steps: input.steps.map((s) => s.name) },
    });
    return id;
  });
}

/** A change to a chain is a new version; issues already under way keep the one they started with. */
export async function updateChain(
  ctx: AppContext,
  who: Who,
  id: number,
  version: number,
  input: ChainInput,
): Promise<void> {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const chain = await tx.selectFrom('approval_chains').selectAll().where('id', '=', id).executeTakeFirst();
    if (!chain) throw new AppError('NOT_FOUND', '审签流程不存在');
    if (chain.org_id !== input.orgId) throw new AppError('VALIDATION_FAILED', '审签流程所属政协不能更改');
    if (
      !input.active &&
      (await tx.selectFrom('approval_rules').select('id').where('chain_id', '=', id).executeTakeFirst())
    )
      throw new AppError('IN_USE', '该流程仍被审签规则使用，请先修改规则再停用');
    await validateSteps(tx, input.orgId, input.steps);
    const r = await tx
      .updateTable('approval_chains')
      .set({ name: input.name, active: input.active ? 1 : 0, current_version: version + 1, updated_at: at })
      .where('id', '=', id)
      .where('current_version', '=', version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该流程已被他人修改，请刷新后重试');
    await tx
      .insertInto('approval_chain_versions')
      .values({
        chain_id: id,
        version: version + 1,
        steps: JSON.stringify(input.steps),
        created_by: who.actor?.id ?? null,
        created_at: at,
      })
      .execute();
    await audit({
      action: 'chain.update',
      targetType: 'approval_chain',
      targetId: id,
      summary: { name: input.name, version: version + 1, steps: input.steps.map((s) => s.name) },
    });
  });
}

export async function signerLabels(tx: Tx, steps: ChainStep[]) {
  const postIds = steps.flatMap((s) => s.signers.flatMap((x) => (x.type === 'post' ? [x.postId] : [])));
  const posts = postIds.length
    ? await tx
        .selectFrom('posts')
        .innerJoin('users as a', 'a.id', 'posts.holder_a_id')
        .innerJoin('users as b', 'b.id', 'posts.holder_b_id')
        .select(['posts.id', 'posts.name', 'a.real_name as aName', 'b.real_name as bName'])
        .where('posts.id', 'in', postIds)
        .execute()
    : [];
  const userIds = steps.flatMap((s) => s.signers.flatMap((x) => (x.type === 'user' ? [x.userId] : [])));
  const users = userIds.length
    ? await tx.selectFrom('users').select(['id', 'real_name']).where('id', 'in', userIds).execute()
    : [];
  const postLabel = new Map(posts.map((p) => [p.id, `${p.name}（A岗${p.aName}，B岗${p.bName}）`]));
  const userLabel = new Map(users.map((u) => [u.id, u.real_name]));
  return steps.map((s) => ({
    ...s,
    signerViews: s.signers.map((x) =>
      x.type === 'post'
        ? { type: 'post' as const, id: x.postId, label: postLabel.get(x.postId) ?? '（岗位已删除）' }
        : { type: 'user' as const, id: x.userId, label: userLabel.get(x.userId) ?? '（用户不存在）' },
    ),
  }));
}

export async function presentChains(tx: Tx, orgIds: number[]): Promise<ChainView[]> {
  if (orgIds.length === 0) return [];
  const rows = await tx
    .selectFrom('approval_chains')
    .innerJoin('approval_chain_versions as v', (j) =>
      j
        .onRef('v.chain_id', '=', 'approval_chains.id')
        .onRef('v.version', '=', 'approval_chains.current_version'),
    )
    .innerJoin('organizations', 'organizations.id', 'approval_chains.org_id')
    .select([
      'approval_chains.id',
      'approval_chains.org_id',
      'organizations.name as orgName',
      'approval_chains.name',
      'approval_chains.active',
      'approval_chains.current_version',
      'approval_chains.updated_at',
      'v.steps',
    ])
    .where('approval_chains.org_id', 'in', orgIds)
    .orderBy('approval_chains.id')
    .execute();
  const out: ChainView[] = [];
  for (const r of rows)
    out.push({
      id: r.id,
      orgId: r.org_id,
      orgName: r.orgName,
      name: r.name,
      active: r.active === 1,
      version: r.current_version,
      steps: await signerLabels(tx, parseSteps(r.steps)),
      updatedAt: r.updated_at,
    });
  return out;
}

/** A digest of a CPPCC's rules in order: what the rules screen loaded, checked when it saves. */
export async function rulesStamp(tx: Tx, orgId: number): Promise<string> {
  const rows = await tx
    .selectFrom('approval_rules')
    .select(['condition', 'publication_id', 'chain_id'])
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
  return createHash('sha256')
    .update(JSON.stringify(rows.map((r) => [r.condition, r.publication_id, r.chain_id])))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Replaces a CPPCC's rules as a whole; the last must catch every issue the others do not. With
 * a `stamp` (the rules screen always sends one) a save over rules changed since is refused; the
 * organisation row is locked first so two saves never interleave.
 */
export async function saveRules(
  ctx: AppContext,
  who: Who,
  orgId: number,
  rules: RuleInput[],
  stamp?: string,
): Promise<void> {
  const at = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    await tx.updateTable('organizations').set({ version: sql`version` }).where('id', '=', orgId).execute();
    if (stamp !== undefined && stamp !== (await rulesStamp(tx, orgId)))
      throw new AppError('CONFLICT', '审签规则已被他人修改，请刷新后重新设置');
    for (const [i, r] of rules.entries()) {
      const chain = await tx
        .selectFrom('approval_chains')
        .select(['org_id', 'active'])
        .where('id', '=', r.chainId)
        .executeTakeFirst();
      if (!chain || chain.org_id !== orgId || chain.active !== 1)
        throw new AppError('VALIDATION_FAILED', `第${i + 1}条规则的审签流程不存在或已停用`);
      if (r.publicationId !== null) {
        const p = await tx
          .selectFrom('publications')
          .select('org_id')
          .where('id', '=', r.publicationId)
          .executeTakeFirst();
        if (!p || p.org_id !== orgId)
          throw new AppError('VALIDATION_FAILED', `第${i + 1}条规则的刊物不属于本级政协`);
      }
    }
    const last = rules[rules.length - 1] as RuleInput;
    if (last.condition !== 'always' || last.publicationId !== null)
      throw new AppError(
        'VALIDATION_FAILED',
        '最后一条规则须适用于“其他情形”和全部刊物，以保证每期刊物都有审签流程',
      );
    await tx.deleteFrom('approval_rules').where('org_id', '=', orgId).execute();
    await tx
      .insertInto('approval_rules')
      .values(
        rules.map((r, position) => ({
          org_id: orgId,
          position,
          condition: r.condition,
          publication_id: r.publicationId,
          chain_id: r.chainId,
          created_at: at,
        })),
      )
      .execute();
    await audit({ action: 'chain.rules', targetType: 'organization', targetId: orgId, summary: { rules } });
  });
}

/**
 * The chain the rules pick for an issue (R3.5): the first rule, in order, whose publication and
 * condition match. Recipients that include the provincial Party secretary or governor match
 * `top_leaders`.
 */
export async function chainFor(
  tx: Tx,
  orgId: number,
  publicationId: number,
  recipients: readonly Recipient[],
): Promise<{ chainId: number; name: string } | null> {
  const rules = await tx
    .selectFrom('approval_rules')
    .innerJoin('approval_chains', 'approval_chains.id', 'approval_rules.chain_id')
    .select([
      'approval_rules.condition',
      'approval_rules.publication_id',
      'approval_chains.id',
      'approval_chains.name',
    ])
    .where('approval_rules.org_id', '=', orgId)
    .where('approval_chains.active', '=', 1)
    .orderBy('approval_rules.position')
    .execute();
  const top = normalizeRecipients(recipients).some((r) => r.topLeader);
  for (const r of rules) {
    if (r.publication_id !== null && r.publication_id !== publicationId) continue;
    if (r.condition === 'top_leaders' && !top) continue;
    return { chainId: r.id, name: r.name };
  }
  return null;
}

export async function configOrgs(tx: Tx, actor: Actor): Promise<number[]> {
  const desks = await loadIssueDesks(tx, actor);
  return [...new Set([...desks.compile, ...desks.sign])];
}
