import { roleHas } from '../../../shared/roles.ts';
import type { ItemDraftInput, ItemDraftUpdate } from '../../../shared/schemas/items.ts';
import { AUTHOR_EDITABLE_STATES, type ItemState } from '../../../shared/workflow/items.ts';
import { type AppContext, inTransaction, type Tx, type Who } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { can } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { reindexItem } from './item-search.ts';
import { accessOf, loadDesks } from './items.policy.ts';
import { findItem, textColumns } from './items.repository.ts';

/** Organisations the actor may submit for: those of its grants that carry item.submit. */
export function submittingOrgIds(actor: Actor): number[] {
  return [...new Set(actor.grants.filter((g) => roleHas(g.role, 'item.submit')).map((g) => g.orgId))];
}

async function resolveAuthors(tx: Tx, actor: Actor, input: ItemDraftInput) {
  const list = input.authors.length ? input.authors : [{ userId: actor.id, orgId: null }];
  const seen = new Set<string>();
  const authors: { user_id: number | null; org_id: number | null; name: string }[] = [];
  for (const a of list) {
    const key = a.userId !== null ? `u${a.userId}` : `o${a.orgId}`;
    if (seen.has(key)) throw new AppError('VALIDATION_FAILED', '作者名单中有重复');
    seen.add(key);
    if (a.userId !== null) {
      // Authors are members (or the writer themself): crediting someone gives them sight of
      // the item, so no one else — an administrator above all — can be made an author.
      const u = await tx
        .selectFrom('users')
        .select(['id', 'real_name'])
        .where('id', '=', a.userId)
        .where('enabled', '=', 1)
        .where((eb) =>
          eb.or([
            eb('id', '=', actor.id),
            eb.exists(
              eb
                .selectFrom('role_grants')
                .select('role_grants.id')
                .whereRef('role_grants.user_id', '=', 'users.id')
                .where('role_grants.role', '=', 'member'),
            ),
          ]),
        )
        .executeTakeFirst();
      if (!u) throw new AppError('VALIDATION_FAILED', '联名作者须是委员，所选人员不存在、已停用或不是委员');
      authors.push({ user_id: u.id, org_id: null, name: u.real_name });
    } else {
      const o = await tx
        .selectFrom('organizations')
        .select(['id', 'name'])
        .where('id', '=', a.orgId as number)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (!o) throw new AppError('VALIDATION_FAILED', '所选署名单位不存在或已停用');
      authors.push({ user_id: null, org_id: o.id, name: o.name });
    }
  }
  // 代报: a liaison submits a member's item; the liaison is then not among the authors.
  const onBehalf = authors.some((a) => a.user_id !== null) && !authors.some((a) => a.user_id === actor.id);
  if (onBehalf && !can(actor, 'item.submit_for_member'))
    throw new AppError('FORBIDDEN', '只有单位信息员可以代委员报送，委员本人报送时请将自己列为作者');
  return { authors, onBehalf };
}

async function columnsOf(tx: Tx, actor: Actor, input: ItemDraftInput) {
  if (!submittingOrgIds(actor).includes(input.submittingOrgId))
    throw new AppError('VALIDATION_FAILED', '报送单位须是您所在或负责联络的单位');
  if (input.topicId !== null) {
    const topic = await tx
      .selectFrom('topics')
      .select('id')
      .where('id', '=', input.topicId)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!topic) throw new AppError('VALIDATION_FAILED', '所选信息分类不存在或已停用');
  }
  const sqmy = input.stream === 'sqmy';
  return {
    stream: input.stream,
    kind: sqmy ? null : input.kind,
    direction: input.direction,
    topic_id: input.topicId,
    ...textColumns(input, input.stream),
    contact_phone: input.contactPhone,
    source_type: input.sourceType,
    source_ref: input.sourceType === 'own' ? '' : input.sourceRef,
    urgent: input.urgent ? 1 : 0,
    disclosable: input.disclosable ? 1 : 0,
    submitting_org_id: input.submittingOrgId,
  };
}

async function writeAuthors(
  tx: Tx,
  itemId: number,
  authors: Awaited<ReturnType<typeof resolveAuthors>>['authors'],
) {
  await tx.deleteFrom('item_authors').where('item_id', '=', itemId).execute();
  await tx
    .insertInto('item_authors')
    .values(authors.map((a, position) => ({ item_id: itemId, position, ...a })))
    .execute();
}

/**
 * Starts a draft. Drafts are the author's private working copy: saved as often as the editor
 * autosaves, audited when created and from submission on (every later step is an event).
 */
export async function createDraft(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  input: ItemDraftInput,
): Promise<number> {
  if (!can(actor, 'item.submit')) throw new AppError('FORBIDDEN');
  const now = ctx.clock.iso();
  return inTransaction(ctx, who, async (tx, audit) => {
    const columns = await columnsOf(tx, actor, input);
    const { authors, onBehalf } = await resolveAuthors(tx, actor, input);
    const { id } = await tx
      .insertInto('items')
      .values({
        ...columns,
        status: 'draft',
        created_by: actor.id,
        on_behalf: onBehalf ? 1 : 0,
        handed_over: 0,
        composite: 0,
        last_reason: '',
        declarations: '',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAuthors(tx, id, authors);
    await reindexItem(tx, id);
    await audit({ action: 'item.create', targetType: 'item', targetId: id, summary: { onBehalf } });
    return id;
  });
}

/** Saves the author's text of a draft or of an item returned for revision. */
export async function saveDraft(
  ctx: AppContext,
  actor: Actor,
  who: Who,
  id: number,
  input: ItemDraftUpdate,
): Promise<void> {
  const now = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx) => {
    const item = await findItem(tx, id);
    const access = item ? await accessOf(tx, actor, item, await loadDesks(tx, actor)) : null;
    if (!item || !access?.visible) throw new AppError('NOT_FOUND', '信息不存在或您无权查看');
    if (!access.parties.has('author')) throw new AppError('FORBIDDEN', '只有作者可以修改稿件');
    if (!AUTHOR_EDITABLE_STATES.includes(item.status as ItemState))
      throw new AppError('ITEM_ACTION_NOT_ALLOWED', '信息已报送，不能再修改；如需修改请先撤回或等待退回');
    if (input.version !== item.version)
      throw new AppError('ITEM_STALE', undefined, { version: item.version });
    const columns = await columnsOf(tx, actor, input);
    const { authors, onBehalf } = await resolveAuthors(tx, actor, input);
    const result = await tx
      .updateTable('items')
      .set({ ...columns, on_behalf: onBehalf ? 1 : 0, version: item.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', item.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new AppError('ITEM_STALE', undefined, { version: item.version });
    await writeAuthors(tx, id, authors);
    await reindexItem(tx, id);
  });
}
