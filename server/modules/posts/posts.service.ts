import type { PostDuty } from '../../../shared/items.ts';
import type { PostInput, PostView } from '../../../shared/schemas/posts.ts';
import { type AppContext, inTransaction, type Tx, type Who } from '../../context.ts';
import type { PostRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { changes } from '../audit/audit.service.ts';
import { staffOf } from '../items/desks.ts';
import { holderToday } from './assignment.ts';

async function assertHolders(tx: Tx, input: PostInput): Promise<void> {
  const staff = new Set((await staffOf(tx, input.orgId)).map((s) => s.id));
  if (!staff.has(input.holderAId) || !staff.has(input.holderBId))
    throw new AppError('VALIDATION_FAILED', 'A岗和B岗须是该信息处的工作人员');
}

const columns = (input: PostInput) => ({
  org_id: input.orgId,
  name: input.name,
  duty: input.duty,
  holder_a_id: input.holderAId,
  holder_b_id: input.holderBId,
  deadline_hours: input.deadlineHours,
});

export async function presentPosts(tx: Tx, rows: PostRow[], now: Date): Promise<PostView[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.holder_a_id, r.holder_b_id, r.org_id]))];
  const users = ids.length
    ? await tx.selectFrom('users').select(['id', 'real_name']).where('id', 'in', ids).execute()
    : [];
  const orgs = ids.length
    ? await tx.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute()
    : [];
  const userName = new Map(users.map((u) => [u.id, u.real_name]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const ref = (id: number) => ({ id, name: userName.get(id) ?? '' });
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: orgName.get(r.org_id) ?? '',
      name: r.name,
      duty: r.duty as PostDuty,
      holderA: ref(r.holder_a_id),
      holderB: ref(r.holder_b_id),
      onDuty: ref(await holderToday(tx, r, now)),
      deadlineHours: r.deadline_hours,
      version: r.version,
    })),
  );
}

export async function createPost(ctx: AppContext, who: Who, input: PostInput): Promise<number> {
  const now = ctx.clock.iso();
  return inTransaction(ctx, who, async (tx, audit) => {
    await assertHolders(tx, input);
    const { id } = await tx
      .insertInto('posts')
      .values({ ...columns(input), version: 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({ action: 'post.create', targetType: 'post', targetId: id, summary: columns(input) });
    return id;
  });
}

export async function updatePost(
  ctx: AppContext,
  who: Who,
  id: number,
  input: PostInput & { version: number },
): Promise<void> {
  const now = ctx.clock.iso();
  await inTransaction(ctx, who, async (tx, audit) => {
    const before = await tx.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before || before.org_id !== input.orgId) throw new AppError('NOT_FOUND', '岗位不存在');
    if (before.version !== input.version) throw new AppError('CONFLICT');
    await assertHolders(tx, input);
    const updated = await tx
      .updateTable('posts')
      .set({ ...columns(input), version: before.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
    // Reassignment of a post is on record (AB岗 changes are audited with before and after).
    await audit({
      action: 'post.update',
      targetType: 'post',
      targetId: id,
      summary: changes(before, columns(input)),
    });
  });
}

export async function deletePost(ctx: AppContext, who: Who, id: number): Promise<void> {
  await inTransaction(ctx, who, async (tx, audit) => {
    const before = await tx.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', '岗位不存在');
    await tx.updateTable('items').set({ post_id: null }).where('post_id', '=', id).execute();
    await tx.deleteFrom('posts').where('id', '=', id).execute();
    await audit({ action: 'post.delete', targetType: 'post', targetId: id, summary: { name: before.name } });
  });
}
