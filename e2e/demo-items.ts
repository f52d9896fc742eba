/** Items made through the real services in the demo province, for browser tests that need one. */
import type { AppContext } from '../server/context.ts';
import { createDraft } from '../server/modules/items/drafts.service.ts';
import { act, actorFor, WHO } from '../server/test/items.ts';
import { ITEM_DECLARATION_KEYS } from '../shared/items.ts';

/** A complete 社情民意 item written and submitted by the demo `member` for its unit. */
export async function submitAsDemoMember(ctx: AppContext, title = '关于加强农村养老服务供给的建议') {
  const user = await ctx.db.kysely
    .selectFrom('users')
    .select('id')
    .where('login', '=', 'member')
    .executeTakeFirstOrThrow();
  const member = await actorFor(ctx, user.id);
  const topic = await ctx.db.kysely
    .selectFrom('topics')
    .select('id')
    .where('parent_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const orgId = member.grants[0]?.orgId as number;
  const id = await createDraft(ctx, member, WHO, {
    stream: 'sqmy',
    kind: null,
    direction: 'grassroots',
    topicId: topic.id,
    submittingOrgId: orgId,
    authors: [{ userId: member.id, orgId: null }],
    title,
    situation: '我省农村60岁以上老年人口占比已超过20%，部分村互助养老点运营困难。',
    analysis: '一是资金来源单一；二是专业护理人员不足。',
    suggestion: '建议设立省级农村养老服务专项资金。',
    body: '',
    contactPhone: '13800000000',
    sourceType: 'own',
    sourceRef: '',
    urgent: false,
    disclosable: false,
  });
  await act(ctx, member, id, 'submit', { declarations: [...ITEM_DECLARATION_KEYS] });
  return { id, member, orgId };
}
