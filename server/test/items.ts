import { ITEM_DECLARATION_KEYS } from '../../shared/items.ts';
import type { ItemDraftInput } from '../../shared/schemas/items.ts';
import { ITEM_ACTIONS, type ItemAction } from '../../shared/workflow/items.ts';
import type { AppContext } from '../context.ts';
import type { Actor } from '../modules/access/actor.ts';
import { offlineActor } from '../modules/access/offline-actor.ts';
import { createDraft } from '../modules/items/drafts.service.ts';
import { findItem } from '../modules/items/items.repository.ts';
import { type TransitionRequest, transitionItem } from '../modules/items/transition.service.ts';
import { makeProvince, makeUser } from './factories.ts';

export const WHO = { actor: null, ip: '127.0.0.1' };

/** The actor a session of this user would carry. */
export const actorFor = (ctx: AppContext, userId: number): Promise<Actor> =>
  offlineActor(ctx.db.kysely, userId, `test-${userId}`);

/**
 * The people around an item: a member and a co-author of a provincial party, that party's
 * liaison, a member elsewhere, the provincial office's editor and director, a city editor and
 * a system administrator.
 */
export async function makeItemWorld(ctx: AppContext) {
  const p = await makeProvince(ctx);
  const users = {
    author: await makeUser(
      ctx,
      'author',
      p.party.id,
      [{ role: 'member', orgId: p.party.id, scope: 'self' }],
      {
        realName: '韩志远',
      },
    ),
    coauthor: await makeUser(
      ctx,
      'coauthor',
      p.party.id,
      [{ role: 'member', orgId: p.party.id, scope: 'self' }],
      {
        realName: '王丽',
      },
    ),
    liaison: await makeUser(
      ctx,
      'liaison',
      p.party.id,
      [{ role: 'liaison', orgId: p.party.id, scope: 'org' }],
      {
        realName: '曹丽萍',
      },
    ),
    stranger: await makeUser(ctx, 'stranger', p.city.id, [
      { role: 'member', orgId: p.city.id, scope: 'self' },
    ]),
    editor: await makeUser(
      ctx,
      'editor',
      p.infoOffice.id,
      [{ role: 'editor', orgId: p.province.id, scope: 'subtree' }],
      {
        realName: '林静',
      },
    ),
    director: await makeUser(
      ctx,
      'director',
      p.infoOffice.id,
      [{ role: 'director', orgId: p.province.id, scope: 'subtree' }],
      { realName: '何建华' },
    ),
    cityEditor: await makeUser(ctx, 'cityeditor', p.city.id, [
      { role: 'editor', orgId: p.city.id, scope: 'subtree' },
    ]),
    sysadmin: await makeUser(ctx, 'sysadmin', p.province.id, [
      { role: 'sysadmin', orgId: p.province.id, scope: 'all' },
    ]),
  };
  const actors = Object.fromEntries(
    await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await actorFor(ctx, u.id)])),
  ) as Record<keyof typeof users, Actor>;
  const topic = await ctx.db.kysely
    .selectFrom('topics')
    .select('id')
    .where('parent_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { p, users, actors, topicId: topic.id };
}
export type ItemWorld = Awaited<ReturnType<typeof makeItemWorld>>;

/** A complete 社情民意 item by the world's author with the co-author second. */
export function draftInput(w: ItemWorld, overrides: Partial<ItemDraftInput> = {}): ItemDraftInput {
  return {
    stream: 'sqmy',
    kind: null,
    direction: 'grassroots',
    topicId: w.topicId,
    submittingOrgId: w.p.party.id,
    authors: [
      { userId: w.users.author.id, orgId: null },
      { userId: w.users.coauthor.id, orgId: null },
    ],
    title: '关于加强农村养老服务供给的建议',
    situation: '我省农村60岁以上老年人口占比已超过20%，部分村互助养老点运营困难。',
    analysis: '一是资金来源单一；二是专业护理人员不足；三是设施利用率不高。',
    suggestion: '建议设立省级农村养老服务专项资金，推动县域养老服务联合体建设。',
    body: '',
    contactPhone: '13800000000',
    sourceType: 'own',
    sourceRef: '',
    urgent: false,
    disclosable: false,
    ...overrides,
  };
}

export const ALL_DECLARATIONS = [...ITEM_DECLARATION_KEYS];

/** A request for an action with everything any action might need filled in. */
export function request(
  action: ItemAction,
  version: number,
  extra: Partial<TransitionRequest> = {},
): TransitionRequest {
  return {
    action,
    version,
    reason: (ITEM_ACTIONS[action] as { reason: boolean }).reason ? '理由' : '',
    declarations: ALL_DECLARATIONS,
    assigneeId: null,
    content: null,
    referOrgId: null,
    ...extra,
  };
}

/** Takes an action as `actor` on the item's current version. */
export async function act(
  ctx: AppContext,
  actor: Actor,
  itemId: number,
  action: ItemAction,
  extra: Partial<TransitionRequest> = {},
) {
  const item = await findItem(ctx.db.kysely, itemId);
  await transitionItem(ctx, actor, WHO, itemId, request(action, item?.version ?? 0, extra));
  return findItem(ctx.db.kysely, itemId);
}

export async function newDraft(ctx: AppContext, w: ItemWorld, overrides: Partial<ItemDraftInput> = {}) {
  return createDraft(ctx, w.actors.author, WHO, draftInput(w, overrides));
}
