/**
 * Feedback on items: recorded by the receiving office on items that have gone out, per item or
 * per issue, seen and notified to the authors, revoked but never deleted, with scans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackInput, FeedbackView } from '../../../shared/schemas/feedback.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, codeOf, loginAs, type Session } from '../../test/factories.ts';
import { type IssueWorld, issueItems, makeIssueWorld, selectedItem } from '../../test/issues.ts';
import { WHO } from '../../test/items.ts';
import { recordFeedback, recordIssueFeedback, revokeFeedback } from './feedback.service.ts';

let t: TestContext;
let w: IssueWorld;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestContext();
  w = await makeIssueWorld(t.ctx);
  for (const login of ['editor', 'author', 'stranger', 'liaison']) s[login] = await loginAs(t.app, login);
});
afterAll(() => t.close());

const today = () => new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const adoption = (): Extract<FeedbackInput, { kind: 'adoption' }> => ({
  kind: 'adoption',
  body: 'national_cppcc',
  bodyName: '',
  form: 'single',
  publication: '《人民政协信息》第45期',
  occurredOn: today(),
  note: '',
});

/** An issue of `n` items, signed and issued; its items are 已编发. */
async function issued(n: number) {
  const items: number[] = [];
  for (let i = 0; i < n; i += 1)
    items.push(await selectedItem(t.ctx, w, `关于优化营商环境的建议（${i + 1}）`));
  const id = await issueItems(t.ctx, w, items);
  return { id, items };
}

describe('feedback on items', () => {
  it('the office records an adoption and an instruction; the author sees both and is told', async () => {
    const { items } = await issued(1);
    const itemId = items[0] as number;
    const res = await call(t.app, s.editor as Session, 'POST', `/api/items/${itemId}/feedback`, adoption());
    expect(res.statusCode).toBe(200);
    expect((res.json() as { data: FeedbackView }).data.summary).toBe(
      '全国政协办公厅单篇采用（《人民政协信息》第45期）',
    );
    await call(t.app, s.editor as Session, 'POST', `/api/items/${itemId}/feedback`, {
      kind: 'instruction',
      leaderName: '王清宪',
      rank: 'provincial_main',
      text: '请省民政厅会同有关部门认真研究，提出具体措施。',
      occurredOn: today(),
    });
    const seen = await call(t.app, s.author as Session, 'GET', `/api/items/${itemId}/feedback`);
    const list = seen.json() as { data: FeedbackView[]; abilities: { record: boolean } };
    expect(list.abilities.record).toBe(false);
    expect(list.data.map((f) => f.summary).sort()).toEqual([
      '全国政协办公厅单篇采用（《人民政协信息》第45期）',
      '省主要领导王清宪作出批示',
    ]);
    const told = await t.ctx.db.kysely
      .selectFrom('notifications')
      .select(['title', 'kind'])
      .where('user_id', '=', w.users.author.id)
      .where('kind', '=', 'item_feedback')
      .execute();
    expect(told.map((n) => n.title)).toContain(
      '信息《关于优化营商环境的建议（1）》：省主要领导王清宪作出批示',
    );
    const events = await t.ctx.db.kysely
      .selectFrom('item_events')
      .select('note')
      .where('item_id', '=', itemId)
      .where('action', '=', 'feedback')
      .execute();
    expect(events).toHaveLength(2);
  });

  it('only the receiving office records, and only once the item has gone out', async () => {
    const itemId = await selectedItem(t.ctx, w, '尚未编发的信息');
    expect(await codeOf(recordFeedback(t.ctx, w.actors.editor, WHO, itemId, adoption()))).toBe('FORBIDDEN');
    const { items } = await issued(1);
    const out = items[0] as number;
    expect(await codeOf(recordFeedback(t.ctx, w.actors.cityEditor, WHO, out, adoption()))).toBe('FORBIDDEN');
    expect(await codeOf(recordFeedback(t.ctx, w.actors.author, WHO, out, adoption()))).toBe('FORBIDDEN');
    const stranger = await call(t.app, s.stranger as Session, 'GET', `/api/items/${out}/feedback`);
    expect(stranger.statusCode).toBe(404);
    // Dates: not in the future; the body must be named when it is 其他单位.
    const tomorrow = new Date(t.ctx.clock.now().getTime() + 32 * 3600_000).toISOString().slice(0, 10);
    expect(
      await codeOf(recordFeedback(t.ctx, w.actors.editor, WHO, out, { ...adoption(), occurredOn: tomorrow })),
    ).toBe('VALIDATION_FAILED');
    const other = await call(t.app, s.editor as Session, 'POST', `/api/items/${out}/feedback`, {
      ...adoption(),
      body: 'other',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.message).toContain('请填写采用单位名称');
  });

  it('feedback on a whole issue goes on each of its items, naming the issue', async () => {
    const { id, items } = await issued(3);
    expect(
      await recordIssueFeedback(t.ctx, w.actors.editor, WHO, id, {
        ...adoption(),
        form: 'combined',
        publication: '',
      }),
    ).toBe(3);
    for (const itemId of items) {
      const res = await call(t.app, s.editor as Session, 'GET', `/api/items/${itemId}/feedback`);
      const [f] = (res.json() as { data: FeedbackView[] }).data;
      expect(f?.summary).toBe('全国政协办公厅综合采用');
      expect(f?.viaIssue?.label).toMatch(/^《社情民意》\d{4}年第\d+期$/);
    }
    expect(await codeOf(recordIssueFeedback(t.ctx, w.signers.leader.actor, WHO, id, adoption()))).toBe(
      'FORBIDDEN',
    );
  });

  it('a mistaken record is revoked with a reason, stays on file, and cannot be revoked twice', async () => {
    const { items } = await issued(1);
    const itemId = items[0] as number;
    const id = await recordFeedback(t.ctx, w.actors.editor, WHO, itemId, adoption());
    expect(await codeOf(revokeFeedback(t.ctx, w.actors.author, WHO, id, '误登'))).toBe('FORBIDDEN');
    await revokeFeedback(t.ctx, w.actors.editor, WHO, id, '采用单位登记错误，应为省委办公厅');
    expect(await codeOf(revokeFeedback(t.ctx, w.actors.editor, WHO, id, '再次'))).toBe('CONFLICT');
    const res = await call(t.app, s.author as Session, 'GET', `/api/items/${itemId}/feedback`);
    const [f] = (res.json() as { data: FeedbackView[] }).data;
    expect(f?.revoked?.reason).toBe('采用单位登记错误，应为省委办公厅');
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['feedback.record', 'feedback.revoke'])
      .execute();
    expect(audit.map((a) => a.action)).toContain('feedback.revoke');
  });

  it('scans are checked by content, stored and downloaded by those who see the item', async () => {
    const { items } = await issued(1);
    const itemId = items[0] as number;
    const id = await recordFeedback(t.ctx, w.actors.editor, WHO, itemId, {
      kind: 'instruction',
      leaderName: '张三',
      rank: 'bureau',
      text: '请研究办理。',
      occurredOn: today(),
      note: '',
    });
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 1),
    ]);
    const upload = (name: string, buf: Buffer, session: Session) => {
      const boundary = '----minyi';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        buf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/api/feedback/${id}/files`,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: body,
      });
    };
    const bad = await upload('批示件.png', Buffer.from('MZ not a picture'), s.editor as Session);
    expect(bad.json().error.code).toBe('ATTACHMENT_REJECTED');
    expect((await upload('批示件.png', png, s.author as Session)).statusCode).toBe(403);
    const ok = await upload('批示件.png', png, s.editor as Session);
    expect(ok.statusCode).toBe(200);
    const fileId = (ok.json() as { data: { id: number } }).data.id;
    const got = await call(t.app, s.author as Session, 'GET', `/api/feedback/${id}/files/${fileId}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(png)).toBe(true);
    expect(
      (await call(t.app, s.stranger as Session, 'GET', `/api/feedback/${id}/files/${fileId}`)).statusCode,
    ).toBe(404);
  });
});
