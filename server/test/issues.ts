import type { ChainStep } from '../../shared/schemas/issues.ts';
import type { AppContext } from '../context.ts';
import { approveIssue, submitIssue } from '../modules/issues/approval.service.ts';
import { createChain, insertDefaultPublications, saveRules } from '../modules/issues/config.service.ts';
import { findIssue } from '../modules/issues/issues.repository.ts';
import { createIssue } from '../modules/issues/issues.service.ts';
import { findItem } from '../modules/items/items.repository.ts';
import { createPost } from '../modules/posts/posts.service.ts';
import { makeUser } from './factories.ts';
import { act, actorFor, type ItemWorld, makeItemWorld, newDraft, WHO } from './items.ts';

/**
 * The item world plus the people who sign issues (a deputy director as the director's B,
 * the leader in charge, the Secretary-General, the Chairman), the four default publications,
 * the two chains of R3.5 and the rules choosing them.
 */
export async function makeIssueWorld(ctx: AppContext) {
  const w = await makeItemWorld(ctx);
  const province = w.p.province.id;
  const signer = async (
    login: string,
    role: 'director' | 'leader' | 'secgen' | 'chair',
    realName: string,
  ) => {
    const u = await makeUser(ctx, login, province, [{ role, orgId: province, scope: 'subtree' }], {
      realName,
    });
    return { user: u, actor: await actorFor(ctx, u.id) };
  };
  const deputy = await signer('deputy', 'director', '许文');
  const leader = await signer('leader', 'leader', '冯国栋');
  const secgen = await signer('secgen', 'secgen', '邓文博');
  const chair = await signer('chair', 'chair', '唐正华');
  const at = ctx.clock.iso();
  const publications = await ctx.db.kysely
    .transaction()
    .execute((tx) => insertDefaultPublications(tx, province, '政协安徽省委员会', at));
  const [xinxi, sheqing, anhui, zhuanbao] = publications as [number, number, number, number];
  await createPost(ctx, WHO, {
    orgId: province,
    name: '信息处处长岗',
    duty: 'review',
    holderAId: w.users.director.id,
    holderBId: deputy.user.id,
    deadlineHours: 24,
  });
  const post = await ctx.db.kysely
    .selectFrom('posts')
    .select('id')
    .where('duty', '=', 'review')
    .executeTakeFirstOrThrow();
  const normalSteps: ChainStep[] = [
    { name: '信息处处长审核', mode: 'single', signers: [{ type: 'post', postId: post.id }] },
    { name: '分管领导审定', mode: 'single', signers: [{ type: 'user', userId: leader.user.id }] },
  ];
  const topSteps: ChainStep[] = [
    { name: '秘书长审核', mode: 'single', signers: [{ type: 'user', userId: secgen.user.id }] },
    { name: '主席审定', mode: 'single', signers: [{ type: 'user', userId: chair.user.id }] },
  ];
  const normal = await createChain(ctx, WHO, {
    orgId: province,
    name: '处长审核、分管领导审定',
    steps: normalSteps,
    active: true,
  });
  const top = await createChain(ctx, WHO, {
    orgId: province,
    name: '秘书长审核、主席审定',
    steps: topSteps,
    active: true,
  });
  await saveRules(ctx, WHO, province, [
    { condition: 'top_leaders', publicationId: null, chainId: top },
    { condition: 'always', publicationId: null, chainId: normal },
  ]);
  return {
    ...w,
    signers: { deputy, leader, secgen, chair },
    publications: { xinxi, sheqing, anhui, zhuanbao },
    chains: { normal, top },
    reviewPost: post.id,
    steps: { normal: normalSteps, top: topSteps },
  };
}
export type IssueWorld = Awaited<ReturnType<typeof makeIssueWorld>>;

/** A submitted, registered and selected (拟用) item of the world's author. */
export async function selectedItem(ctx: AppContext, w: ItemWorld, title = '关于加强农村养老服务供给的建议') {
  const id = await newDraft(ctx, w, { title });
  await act(ctx, w.actors.author, id, 'submit');
  await act(ctx, w.actors.editor, id, 'register');
  await act(ctx, w.actors.editor, id, 'select');
  return (await findItem(ctx.db.kysely, id))?.id as number;
}

/** An issue of 《社情民意》 holding the items, sent, approved by the director and signed by the leader. */
export async function issueItems(ctx: AppContext, w: IssueWorld, itemIds: number[]): Promise<number> {
  const id = await createIssue(ctx, w.actors.editor, WHO, {
    publicationId: w.publications.sheqing,
    kind: 'regular',
    urgency: 'normal',
    itemIds,
  });
  const v = async () => (await findIssue(ctx.db.kysely, id))?.version as number;
  await submitIssue(ctx, w.actors.editor, WHO, id, await v());
  await approveIssue(ctx, w.actors.director, WHO, id, await v(), '');
  await approveIssue(ctx, w.signers.leader.actor, WHO, id, await v(), '');
  return id;
}
