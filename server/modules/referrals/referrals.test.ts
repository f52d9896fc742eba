/**
 * Referral to departments (交办 → 签收 → 办复 → 评价): who sees and acts, the states the service
 * enforces, the send-back cycle, the office acting for an offline body, overdue, and the scans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralView } from '../../../shared/schemas/referrals.ts';
import { addWorkingDays, buildCalendar } from '../../../shared/workdays.ts';
import { cstDate, DAY } from '../../lib/clock.ts';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../test/context.ts';
import { call, codeOf, loginAs, makeOrg, makeUser, type Session } from '../../test/factories.ts';
import { act, actorFor, type ItemWorld, makeItemWorld, newDraft, WHO } from '../../test/items.ts';
import type { Actor } from '../access/actor.ts';
import { DEFAULT_SETTINGS } from '../settings/settings.service.ts';
import { replyReferral, reviewReferral, signReferral } from './handling.service.ts';
import { heldUpload, raceCreations, uploadScan, whilePgHolds } from './referrals.fixtures.ts';
import { createReferrals, revokeReferral } from './referrals.service.ts';

let t: TestContext;
let w: ItemWorld;
let dept: { id: number; path: string };
let otherDept: { id: number; path: string };
let handler: Actor;
let otherHandler: Actor;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestContext();
  w = await makeItemWorld(t.ctx);
  dept = await makeOrg(t.ctx, '提案委员会', 'committee', w.p.province);
  otherDept = await makeOrg(t.ctx, '社会和法制委员会', 'committee', w.p.province);
  const u1 = await makeUser(t.ctx, 'handler', dept.id, [{ role: 'handler', orgId: dept.id, scope: 'org' }], {
    realName: '周承办',
  });
  const u2 = await makeUser(t.ctx, 'handler2', otherDept.id, [
    { role: 'handler', orgId: otherDept.id, scope: 'org' },
  ]);
  handler = await actorFor(t.ctx, u1.id);
  otherHandler = await actorFor(t.ctx, u2.id);
  for (const login of ['editor', 'author', 'handler', 'handler2', 'cityeditor'])
    s[login] = await loginAs(t.app, login);
});
afterAll(() => t.close());

const today = () => cstDate(t.ctx.clock.now());

/** An item the office referred (转办) instead of publishing: it has gone out. */
async function referredItem(title = '关于完善社区养老服务设施的建议') {
  const id = await newDraft(t.ctx, w, { title });
  await act(t.ctx, w.actors.author, id, 'submit');
  await act(t.ctx, w.actors.editor, id, 'register');
  await act(t.ctx, w.actors.editor, id, 'refer', { referOrgId: dept.id });
  return id;
}

const view = async (session: Session, id: number) => {
  const res = await call(t.app, session, 'GET', `/api/referrals/${id}`);
  return { status: res.statusCode, data: (res.json() as { data: ReferralView }).data };
};

describe('referral to departments', () => {
  it('runs 交办 → 签收 → 办复 → 不满意退回 → 办复 → 满意办结, keeping every reply, told to the authors', async () => {
    // A configured holiday moves the due day (made-up date for the test, not an official list).
    const holiday = addWorkingDays(today(), 3, buildCalendar([]));
    await t.ctx.settings.save({
      ...(await t.ctx.settings.get()),
      workCalendar: [{ year: Number(holiday.slice(0, 4)), holidays: [holiday], workdays: [] }],
    });
    const itemId = await referredItem();
    const made = await call(t.app, s.editor as Session, 'POST', `/api/items/${itemId}/referrals`, {
      orgIds: [dept.id],
      deadlineDays: 5,
      note: '请研究提出办理意见',
    });
    expect(made.statusCode).toBe(200);
    const id = (made.json() as { data: { ids: number[] } }).data.ids[0] as number;
    let r = (await view(s.handler as Session, id)).data;
    expect(r.state).toBe('sent');
    expect(r.dueOn).toBe(
      addWorkingDays(today(), 5, buildCalendar([{ year: 0, holidays: [holiday], workdays: [] }])),
    );
    expect(r.dueOn > addWorkingDays(today(), 5, buildCalendar([]))).toBe(true);
    expect(r.online).toBe(true);
    expect(r.abilities).toMatchObject({ sign: true, reply: false, review: false, revoke: false });

    // The department's handler works it; replying before signing is refused.
    const reply1 = { text: '经研究，已纳入明年重点工作。', repliedOn: today() };
    expect(
      (await call(t.app, s.handler as Session, 'POST', `/api/referrals/${id}/reply`, reply1)).statusCode,
    ).toBe(409);
    const signed = await call(t.app, s.handler as Session, 'POST', `/api/referrals/${id}/sign`, {
      signedOn: today(),
    });
    expect((signed.json() as { data: ReferralView }).data.signed).toMatchObject({
      signerName: '周承办',
      proxy: false,
    });
    await call(t.app, s.handler as Session, 'POST', `/api/referrals/${id}/reply`, reply1);
    // Only the office reviews.
    expect(await codeOf(reviewReferral(t.ctx, handler, WHO, id, { rating: 'satisfied', note: '' }))).toBe(
      'FORBIDDEN',
    );
    const unsatisfied = await call(t.app, s.editor as Session, 'POST', `/api/referrals/${id}/review`, {
      rating: 'unsatisfied',
      note: '',
    });
    expect(unsatisfied.json().error.code).toBe('VALIDATION_FAILED');
    const back = await call(t.app, s.editor as Session, 'POST', `/api/referrals/${id}/review`, {
      rating: 'unsatisfied',
      note: '请补充具体措施和时间表',
      deadlineDays: 3,
    });
    r = (back.json() as { data: ReferralView }).data;
    expect(r.state).toBe('signed');
    expect(r.deadlineDays).toBe(3);
    expect(r.replies).toHaveLength(1);
    expect(r.replies[0]?.review).toMatchObject({ rating: 'unsatisfied', note: '请补充具体措施和时间表' });
    const author = async () =>
      t.ctx.db.kysely
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', w.users.author.id)
        .where('kind', '=', 'item_reply')
        .execute();
    expect(await author()).toHaveLength(0);

    await replyReferral(t.ctx, handler, WHO, id, {
      text: '已制定实施方案，明年6月底前完成。',
      repliedOn: today(),
    });
    await reviewReferral(t.ctx, w.actors.editor, WHO, id, { rating: 'basic', note: '' });
    r = (await view(s.editor as Session, id)).data;
    expect(r.state).toBe('closed');
    expect(r.replies.map((p) => p.review?.rating)).toEqual(['unsatisfied', 'basic']);
    expect((await author()).map((n) => n.title)).toEqual([
      '信息《关于完善社区养老服务设施的建议》：提案委员会已办复',
    ]);
    // The author reads the referral and both replies on the item page, and can do nothing.
    const seen = await call(t.app, s.author as Session, 'GET', `/api/items/${itemId}/referrals`);
    const list = seen.json() as { data: ReferralView[]; abilities: { create: boolean } };
    expect(list.abilities.create).toBe(false);
    expect(list.data[0]?.replies.map((p) => p.text)).toEqual([
      reply1.text,
      '已制定实施方案，明年6月底前完成。',
    ]);
    expect(Object.values(list.data[0]?.abilities ?? {}).some(Boolean)).toBe(false);
    // Every step is on the item's timeline.
    const notes = await t.ctx.db.kysely
      .selectFrom('item_events')
      .select('note')
      .where('item_id', '=', itemId)
      .where('action', '=', 'handle')
      .orderBy('id')
      .execute();
    expect(notes.map((n) => n.note.slice(0, 7))).toEqual([
      '交办提案委员会',
      '提案委员会签收',
      '提案委员会办复',
      '评价提案委员会',
      '提案委员会办复',
      '评价提案委员会',
    ]);
    expect(notes[3]?.note).toContain('不满意，退回重新办复');
    expect(notes[5]?.note).toBe('评价提案委员会办复：基本满意，办结');
    await t.ctx.settings.save({
      ...(await t.ctx.settings.get()),
      workCalendar: DEFAULT_SETTINGS.workCalendar,
    });
  });

  it('keeps each referral to its office and its department', async () => {
    const itemId = await referredItem('关于规范农村集体资产管理的建议');
    const [id] = await createReferrals(t.ctx, w.actors.editor, WHO, itemId, {
      orgIds: [dept.id],
      deadlineDays: 15,
      note: '',
    });
    // Another department's handler and another CPPCC's office neither see nor act.
    expect((await view(s.handler2 as Session, id as number)).status).toBe(404);
    expect((await view(s.cityeditor as Session, id as number)).status).toBe(404);
    expect(
      await codeOf(
        signReferral(t.ctx, otherHandler, WHO, id as number, { signedOn: today(), signerName: '' }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        signReferral(t.ctx, w.actors.cityEditor, WHO, id as number, { signedOn: today(), signerName: '' }),
      ),
    ).toBe('NOT_FOUND');
    const list2 = await call(t.app, s.handler2 as Session, 'GET', '/api/referrals');
    expect((list2.json() as { data: ReferralView[] }).data.map((r) => r.id)).not.toContain(id);
    const list1 = await call(t.app, s.handler as Session, 'GET', '/api/referrals?state=sent');
    expect((list1.json() as { data: ReferralView[] }).data.map((r) => r.id)).toContain(id);
    // The author sees it on the item page but may not act, nor open the department's view.
    expect(
      await codeOf(
        signReferral(t.ctx, w.actors.author, WHO, id as number, { signedOn: today(), signerName: 'x' }),
      ),
    ).toBe('NOT_FOUND');
    expect((await view(s.author as Session, id as number)).status).toBe(404);
    // Only the receiving office refers, and not twice to one department.
    expect(
      await codeOf(
        createReferrals(t.ctx, w.actors.cityEditor, WHO, itemId, {
          orgIds: [dept.id],
          deadlineDays: 15,
          note: '',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        createReferrals(t.ctx, w.actors.editor, WHO, itemId, {
          orgIds: [dept.id],
          deadlineDays: 15,
          note: '',
        }),
      ),
    ).toBe('REFERRAL_DUPLICATE');
    // A revoked referral stays on file and the department may be referred to again.
    expect(await codeOf(revokeReferral(t.ctx, handler, WHO, id as number, '误交'))).toBe('FORBIDDEN');
    await revokeReferral(t.ctx, w.actors.editor, WHO, id as number, '应交社会和法制委员会');
    expect(
      await codeOf(signReferral(t.ctx, handler, WHO, id as number, { signedOn: today(), signerName: '' })),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        signReferral(t.ctx, w.actors.editor, WHO, id as number, { signedOn: today(), signerName: '李秘书' }),
      ),
    ).toBe('REFERRAL_STATE');
    const again = await createReferrals(t.ctx, w.actors.editor, WHO, itemId, {
      orgIds: [dept.id, otherDept.id],
      deadlineDays: 15,
      note: '',
    });
    expect(again).toHaveLength(2);
    const all = await call(t.app, s.editor as Session, 'GET', `/api/items/${itemId}/referrals`);
    expect((all.json() as { data: ReferralView[] }).data.map((r) => r.state)).toEqual([
      'revoked',
      'sent',
      'sent',
    ]);
  });

  it('refers only items that have gone out, and only to the departments of its own CPPCC', async () => {
    const draft = await newDraft(t.ctx, w, { title: '尚未报送的信息' });
    await act(t.ctx, w.actors.author, draft, 'submit');
    await act(t.ctx, w.actors.editor, draft, 'register');
    const refer = (itemId: number, orgId: number) =>
      codeOf(
        createReferrals(t.ctx, w.actors.editor, WHO, itemId, { orgIds: [orgId], deadlineDays: 15, note: '' }),
      );
    expect(await refer(draft, dept.id)).toBe('REFERRAL_ITEM_STATE');
    const itemId = await referredItem('关于加强校园周边交通治理的建议');
    expect(await refer(itemId, w.p.party.id)).toBe('VALIDATION_FAILED'); // a party writes, it does not handle
    expect(await refer(itemId, w.p.county.id)).toBe('VALIDATION_FAILED'); // two levels down
    expect(await refer(itemId, w.p.province.id)).toBe('VALIDATION_FAILED');
    expect(await refer(itemId, w.p.city.id)).toBe('ok'); // the next level's CPPCC
    const deps = await call(t.app, s.editor as Session, 'GET', `/api/items/${itemId}/referral-departments`);
    const names = (deps.json() as { data: { name: string; online: boolean }[] }).data.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['提案委员会', '政协合肥市委员会', '全国政协办公厅']));
    expect(names).not.toContain('政协肥西县委员会');
    expect(names).not.toContain('民盟安徽省委会');
  });

  it('lets the office record signing and reply for an offline body (代为登记)', async () => {
    const itemId = await referredItem('关于优化跨省异地就医结算的建议');
    const [id] = await createReferrals(t.ctx, w.actors.editor, WHO, itemId, {
      orgIds: [w.p.recipient.id],
      deadlineDays: 10,
      note: '',
    });
    const r = (await view(s.editor as Session, id as number)).data;
    expect(r.online).toBe(false);
    expect(r.abilities.proxy).toBe(true);
    expect(
      await codeOf(
        signReferral(t.ctx, w.actors.editor, WHO, id as number, { signedOn: today(), signerName: '' }),
      ),
    ).toBe('VALIDATION_FAILED');
    await signReferral(t.ctx, w.actors.editor, WHO, id as number, {
      signedOn: today(),
      signerName: '李秘书',
    });
    const future = cstDate(new Date(t.ctx.clock.now().getTime() + 2 * DAY));
    expect(
      await codeOf(
        replyReferral(t.ctx, w.actors.editor, WHO, id as number, { text: '已阅办', repliedOn: future }),
      ),
    ).toBe('VALIDATION_FAILED');
    await replyReferral(t.ctx, w.actors.editor, WHO, id as number, {
      text: '已转有关部门研究办理。',
      repliedOn: today(),
    });
    const after = (await view(s.editor as Session, id as number)).data;
    expect(after.signed).toMatchObject({ signerName: '李秘书', proxy: true });
    expect(after.replies[0]?.proxy).toBe(true);
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'referral.sign')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({ proxy: true, signer: '李秘书' });
  });

  it('shows scans to the office and the department only', async () => {
    const itemId = await referredItem('关于推进老旧小区加装电梯的建议');
    const [id] = await createReferrals(t.ctx, w.actors.editor, WHO, itemId, {
      orgIds: [dept.id],
      deadlineDays: 15,
      note: '',
    });
    await signReferral(t.ctx, handler, WHO, id as number, { signedOn: today(), signerName: '' });
    await replyReferral(t.ctx, handler, WHO, id as number, { text: '办复意见见附件。', repliedOn: today() });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 32)]);
    const boundary = '----minyi';
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/referrals/${id}/files`,
      headers: {
        cookie: (s.handler as Session).cookie,
        'x-csrf-token': (s.handler as Session).csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="办复函.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(res.statusCode).toBe(200);
    const fileId = (res.json() as { data: { id: number } }).data.id;
    const office = (await view(s.editor as Session, id as number)).data;
    expect(office.replies[0]?.files.map((f) => f.fileName)).toEqual(['办复函.pdf']);
    const byAuthor = await call(t.app, s.author as Session, 'GET', `/api/items/${itemId}/referrals`);
    expect((byAuthor.json() as { data: ReferralView[] }).data[0]?.replies[0]?.files).toEqual([]);
    const got = await call(t.app, s.editor as Session, 'GET', `/api/referrals/${id}/files/${fileId}`);
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect(
      (await call(t.app, s.author as Session, 'GET', `/api/referrals/${id}/files/${fileId}`)).statusCode,
    ).toBe(404);
  });

  it('marks a referral past its due day without a reply as overdue (逾期)', async () => {
    const itemId = await referredItem('关于加强食品安全基层监管的建议');
    const [late] = await createReferrals(t.ctx, w.actors.editor, WHO, itemId, {
      orgIds: [dept.id],
      deadlineDays: 1,
      note: '',
    });
    const [done] = await createReferrals(t.ctx, w.actors.editor, WHO, itemId, {
      orgIds: [otherDept.id],
      deadlineDays: 1,
      note: '',
    });
    await signReferral(t.ctx, otherHandler, WHO, done as number, { signedOn: today(), signerName: '' });
    await replyReferral(t.ctx, otherHandler, WHO, done as number, { text: '已办理。', repliedOn: today() });
    t.ctx.clock.advance(5 * DAY);
    const editor = await loginAs(t.app, 'editor');
    const res = await call(t.app, editor, 'GET', '/api/referrals?state=overdue&pageSize=200');
    const ids = (res.json() as { data: ReferralView[] }).data.map((r) => r.id);
    expect(ids).toContain(late);
    expect(ids).not.toContain(done);
    expect((await view(editor, late as number)).data.overdue).toBe(true);
    expect((await view(editor, done as number)).data.overdue).toBe(false);
  });
});

describe('revocation, races and scans', () => {
  // Earlier tests move the clock past the sessions' lifetime: sign in afresh.
  const as: Record<string, Session> = {};
  beforeAll(async () => {
    for (const login of ['editor', 'handler']) as[login] = await loginAs(t.app, login);
  });

  it('hides a revoked referral from the department but keeps it for the office', async () => {
    const itemId = await referredItem('关于整治城市内涝积水点的建议');
    const [id] = (await createReferrals(t.ctx, w.actors.editor, WHO, itemId, {
      orgIds: [dept.id],
      deadlineDays: 15,
      note: '',
    })) as [number];
    expect((await view(as.handler as Session, id)).status).toBe(200);
    await revokeReferral(t.ctx, w.actors.editor, WHO, id, '误交，应交其他单位');
    const refused = await call(t.app, as.handler as Session, 'GET', `/api/referrals/${id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.message).toBe('交办件不存在或您无权查看');
    expect(JSON.stringify(refused.json())).not.toContain('城市内涝');
    const listed = async (session: Session, state: string) =>
      (
        (await call(t.app, session, 'GET', `/api/referrals?state=${state}&pageSize=200`)).json() as {
          data: ReferralView[];
        }
      ).data.map((r) => r.id);
    expect(await listed(as.handler as Session, 'all')).not.toContain(id);
    expect(await listed(as.handler as Session, 'revoked')).not.toContain(id);
    // The office still reads it, with the reason, in its list and on its own.
    expect(await listed(as.editor as Session, 'revoked')).toContain(id);
    const office = await view(as.editor as Session, id);
    expect(office.status).toBe(200);
    expect(office.data.revoked?.reason).toBe('误交，应交其他单位');
  });

  it('answers two simultaneous referrals to one department with REFERRAL_DUPLICATE', async () => {
    const itemId = await referredItem('关于完善农村饮水安全保障的建议');
    const go = () =>
      codeOf(
        createReferrals(t.ctx, w.actors.editor, WHO, itemId, {
          orgIds: [dept.id],
          deadlineDays: 15,
          note: '',
        }),
      );
    const settled = await raceCreations(
      t,
      {
        sql: `insert into referrals (item_id, org_id, desk_id, state, sent_on, deadline_days, due_on, created_by, created_at, updated_at)
              values ($1, $2, $3, 'sent', '2026-01-05', 15, '2026-01-26', $4, '', '')`,
        params: [itemId, dept.id, w.p.province.id, w.users.editor.id],
      },
      () => [go(), go()],
    );
    expect(settled.map((r) => (r.status === 'fulfilled' ? r.value : r.reason)).sort()).toEqual([
      'REFERRAL_DUPLICATE',
      'ok',
    ]);
    const live = await t.ctx.db.kysely
      .selectFrom('referrals')
      .select('id')
      .where('item_id', '=', itemId)
      .where('state', '<>', 'revoked')
      .execute();
    expect(live).toHaveLength(1);
  });

  /** A referral replied to by the department, ready for scans. */
  async function repliedReferral(title: string) {
    const itemId = await referredItem(title);
    const [id] = (await createReferrals(t.ctx, w.actors.editor, WHO, itemId, {
      orgIds: [dept.id],
      deadlineDays: 15,
      note: '',
    })) as [number];
    await signReferral(t.ctx, handler, WHO, id, { signedOn: today(), signerName: '' });
    await replyReferral(t.ctx, handler, WHO, id, { text: '办复意见见附件。', repliedOn: today() });
    return id;
  }
  const scans = (id: number) =>
    t.ctx.db.kysely
      .selectFrom('referral_files')
      .innerJoin('referral_replies', 'referral_replies.id', 'referral_files.reply_id')
      .select('referral_files.id')
      .where('referral_replies.referral_id', '=', id)
      .execute();

  it('keeps to five scans per reply when uploads overlap', async () => {
    const id = await repliedReferral('关于规范校外培训机构管理的建议');
    for (let n = 1; n <= 4; n++)
      expect((await uploadScan(t, as.handler as Session, id, `办复函${n}.pdf`)).statusCode).toBe(200);
    // The fifth passes its checks and is still arriving when the office uploads another fifth.
    const slow = heldUpload(t, as.handler as Session, id, '办复函5.pdf');
    await slow.reading;
    expect((await uploadScan(t, as.editor as Session, id, '办复函6.pdf')).statusCode).toBe(200);
    slow.finish();
    const late = await slow.response;
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toBe('每次办复最多5个附件');
    expect(await scans(id)).toHaveLength(5);
  });

  it.runIf(TEST_DIALECT === 'postgres')(
    'counts the scans only after an upload in progress ends',
    async () => {
      const id = await repliedReferral('关于加快老年助餐服务网络建设的建议');
      for (let n = 1; n <= 4; n++)
        expect((await uploadScan(t, as.handler as Session, id, `办复函${n}.pdf`)).statusCode).toBe(200);
      const reply = await t.ctx.db.kysely
        .selectFrom('referral_replies')
        .select('id')
        .where('referral_id', '=', id)
        .executeTakeFirstOrThrow();
      // Another upload's transaction, holding the referral as the service does, adds the fifth.
      const [answer] = await whilePgHolds(
        t,
        [
          { sql: 'select id from referrals where id = $1 for update', params: [id] },
          {
            sql: `insert into referral_files (reply_id, file_name, mime, size, sha256, storage_key, uploaded_by, created_at)
                values ($1, '办复函5.pdf', 'application/pdf', 1, '', 'none', $2, '')`,
            params: [reply.id, w.users.editor.id],
          },
        ],
        'commit',
        () => [uploadScan(t, as.handler as Session, id, '办复函6.pdf')],
      );
      expect(answer?.status === 'fulfilled' && answer.value.statusCode).toBe(422);
      expect(await scans(id)).toHaveLength(5);
    },
  );

  it('refuses a scan that arrives after the office reviewed the reply', async () => {
    const id = await repliedReferral('关于加强历史文化街区保护的建议');
    const upload = heldUpload(t, as.handler as Session, id);
    await upload.reading; // its checks have passed; the file is still on its way
    await reviewReferral(t.ctx, w.actors.editor, WHO, id, { rating: 'satisfied', note: '' });
    upload.finish();
    const res = await upload.response;
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REFERRAL_STATE');
    expect(await scans(id)).toHaveLength(0);
  });
});

describe('the working-day calendar in 系统设置', () => {
  it('is entered per year by the system administrator and checked, with the reason in Chinese', async () => {
    const admin = await loginAs(t.app, 'sysadmin');
    // Outside the demo the three administrators must keep their second factor.
    const current = {
      ...(await call(t.app, admin, 'GET', '/api/settings')).json().data,
      totpRequiredRoles: ['sysadmin', 'secadmin', 'auditor'],
    };
    const put = (workCalendar: unknown) =>
      call(t.app, admin, 'PUT', '/api/settings', { ...current, workCalendar });
    const weekday = await put([{ year: 2026, holidays: [], workdays: ['2026-10-09'] }]);
    expect(weekday.statusCode).toBe(422);
    expect(JSON.stringify(weekday.json().error)).toContain('不是星期六或星期日');
    const twice = await put([
      { year: 2026, holidays: [], workdays: [] },
      { year: 2026, holidays: [], workdays: [] },
    ]);
    expect(JSON.stringify(twice.json().error)).toContain('同一年份只能填写一次');
    const ok = await put([{ year: 2026, holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] }]);
    expect(ok.statusCode).toBe(200);
    expect((await t.ctx.settings.get()).workCalendar).toEqual([
      { year: 2026, holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] },
    ]);
    // The office's staff may not change it.
    const editor = await loginAs(t.app, 'editor');
    expect((await call(t.app, editor, 'PUT', '/api/settings', current)).statusCode).toBe(403);
    await t.ctx.settings.save({ ...(await t.ctx.settings.get()), workCalendar: [], totpRequiredRoles: [] });
  });
});
