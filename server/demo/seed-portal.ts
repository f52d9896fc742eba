/**
 * The demo portal (R4.4): a few provincial items whose authors consented and that went out in
 * issued issues are approved for disclosure by the demo director over the last ten days, and one
 * pinned notice is published, so /portal is not empty. Later items stay undisclosed for the demo.
 */
import type { AppContext } from '../context.ts';
import { DAY } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { offlineActor } from '../modules/access/offline-actor.ts';
import { approveDisclosure } from '../modules/disclosures/disclosures.service.ts';
import { createNotice, publishNotice } from '../modules/disclosures/notices.service.ts';
import { printedItem } from '../modules/issues/document.build.ts';
import { seedClock } from './seed-items.ts';

const WHO = { actor: null, ip: '127.0.0.1' };
const DISCLOSED = 4;

export async function seedDemoPortal(ctx: AppContext, provinceId: number, end: number): Promise<void> {
  const director = await ctx.db.kysely
    .selectFrom('users')
    .select('id')
    .where('login', '=', 'director')
    .executeTakeFirstOrThrow();
  const actor = await offlineActor(ctx.db.kysely, director.id, 'demo-seed');
  // Items of issues signed at least two weeks before the end, the oldest first.
  const candidates = await ctx.db.kysely
    .selectFrom('items')
    .innerJoin('issue_items', 'issue_items.item_id', 'items.id')
    .innerJoin('issues', 'issues.id', 'issue_items.issue_id')
    .selectAll('items')
    .where('items.disclosable', '=', 1)
    .where('items.target_org_id', '=', provinceId)
    .where('items.status', 'in', ['published', 'forwarded', 'archived'])
    .where('issues.status', '=', 'issued')
    .where('issues.signed_at', '<', new Date(end - 14 * DAY).toISOString())
    .orderBy('issues.signed_at')
    .orderBy('items.id')
    .execute();
  const clock = seedClock(end - 10 * DAY);
  const seedCtx = { ...ctx, clock };
  let done = 0;
  for (const item of candidates) {
    if (done === DISCLOSED) break;
    clock.set(end - (10 - done * 2) * DAY - 3 * 3_600_000);
    const text = printedItem(item, '').paragraphs.join('\n');
    try {
      await approveDisclosure(seedCtx, actor, WHO, item.id, { title: item.title, text, version: null });
      done += 1;
    } catch (error) {
      // A text that names someone or carries a number is left for the office to edit by hand.
      if (!(error instanceof AppError && error.code === 'DISCLOSURE_PRIVATE_DATA')) throw error;
    }
  }
  clock.set(end - 5 * DAY);
  const publishOn = new Date(end - 5 * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
  const notice = await createNotice(seedCtx, actor, WHO, {
    orgId: provinceId,
    title: '关于征集2027年度社情民意信息重点选题的通知',
    body: [
      '各市政协，省政协各参加单位、各专门委员会，各位委员：',
      '为更好发挥社情民意信息工作反映民情、汇集民意、集中民智的作用，现就2027年度社情民意信息重点选题征集有关事项通知如下。',
      '一、围绕省委省政府中心工作，聚焦经济社会发展中的重点难点问题和人民群众急难愁盼问题提出选题。',
      '二、选题应简明具体，每个选题附不超过200字的说明。',
      '三、请于12月20日前通过民意直通车平台报送。',
    ].join('\n'),
    publishOn,
    pinned: true,
  });
  await publishNotice(seedCtx, actor, WHO, notice, 1);
}
