import type { AppContext } from '../context.ts';
import { createChain, saveRules } from '../modules/issues/config.service.ts';

const WHO = { actor: null, ip: '127.0.0.1' };

/**
 * The provincial approval chains of R3.5 and the rules choosing them: 信息处处长审核 →
 * 分管领导审定 for the four publications, 秘书长审核 → 主席审定 when the recipients include
 * the provincial Party secretary or governor.
 */
export async function seedDemoIssues(ctx: AppContext, org: (key: string) => number): Promise<void> {
  const db = ctx.db.kysely;
  const userId = async (login: string) =>
    (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;
  const province = org('province');
  const normal = await createChain(ctx, WHO, {
    orgId: province,
    name: '处长审核、分管领导审定',
    active: true,
    steps: [
      {
        name: '信息处处长审核',
        mode: 'single',
        signers: [{ type: 'user', userId: await userId('director') }],
      },
      { name: '分管领导审定', mode: 'single', signers: [{ type: 'user', userId: await userId('leader') }] },
    ],
  });
  const top = await createChain(ctx, WHO, {
    orgId: province,
    name: '秘书长审核、主席审定',
    active: true,
    steps: [
      { name: '秘书长审核', mode: 'single', signers: [{ type: 'user', userId: await userId('secgen') }] },
      { name: '主席审定', mode: 'single', signers: [{ type: 'user', userId: await userId('chair') }] },
    ],
  });
  await saveRules(ctx, WHO, province, [
    { condition: 'top_leaders', publicationId: null, chainId: top },
    { condition: 'always', publicationId: null, chainId: normal },
  ]);
}
