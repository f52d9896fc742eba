import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, makeUser, type Session } from '../../test/factories.ts';
import { act, draftInput, type ItemWorld, makeItemWorld, newDraft, WHO } from '../../test/items.ts';
import { mergeItems } from './merge.service.ts';

let t: TestContext;
let w: ItemWorld;
let author: Session;
let stranger: Session;
let sys: Session;

beforeAll(async () => {
  t = await createTestContext({ config: { dataDir: `/tmp/minyi-test-${process.pid}-${Date.now()}` } });
  w = await makeItemWorld(t.ctx);
  author = await loginAs(t.app, 'author');
  stranger = await loginAs(t.app, 'stranger');
  sys = await loginAs(t.app, 'sysadmin');
});
afterAll(() => t.close());

function upload(s: Session, itemId: number, filename: string, content: Buffer) {
  const boundary = '----minyiboundary';
  return t.app.inject({
    method: 'POST',
    url: `/api/items/${itemId}/attachments`,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');

describe('attachments', () => {
  it('accepts a whitelisted file, refuses a disguised or unlisted one, and audits every download', async () => {
    const id = await newDraft(t.ctx, w);
    const ok = await upload(author, id, '../../调研数据.pdf', PDF);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data).toMatchObject({ fileName: '调研数据.pdf', size: PDF.length });
    const exe = await upload(author, id, 'setup.exe', Buffer.from('MZ...'));
    expect(exe.json().error.code).toBe('ATTACHMENT_REJECTED');
    const disguised = await upload(author, id, '说明.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(disguised.json().error.message).toContain('与其扩展名不符');
    expect((await upload(stranger, id, 'x.pdf', PDF)).statusCode).toBe(404);

    const attachmentId = ok.json().data.id;
    const download = await call(t.app, author, 'GET', `/api/items/${id}/attachments/${attachmentId}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('调研数据.pdf'));
    expect(
      (await call(t.app, stranger, 'GET', `/api/items/${id}/attachments/${attachmentId}`)).statusCode,
    ).toBe(404);
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'item.attachment%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['item.attachment_add', 'item.attachment_download']);
  });

  it('stops at the configured number of attachments', async () => {
    await t.ctx.settings.save({ ...(await t.ctx.settings.get()), itemMaxAttachments: 1 });
    const id = await newDraft(t.ctx, w);
    expect((await upload(author, id, 'a.pdf', PDF)).statusCode).toBe(200);
    expect((await upload(author, id, 'b.pdf', PDF)).json().error.message).toBe('每条信息最多1个附件');
    await t.ctx.settings.save({ ...(await t.ctx.settings.get()), itemMaxAttachments: 5 });
  });
});

describe('notification settings', () => {
  it('a kind switched off is not delivered; the others are', async () => {
    const prefs = (await call(t.app, author, 'GET', '/api/notification-prefs')).json().data;
    expect(prefs.item_status).toBe(true);
    await call(t.app, author, 'PUT', '/api/notification-prefs', { ...prefs, item_status: false });
    const id = await newDraft(t.ctx, w);
    await act(t.ctx, w.actors.author, id, 'submit');
    await act(t.ctx, w.actors.editor, id, 'register');
    const count = async (userId: number) =>
      (
        await t.ctx.db.kysely
          .selectFrom('notifications')
          .select('id')
          .where('user_id', '=', userId)
          .where('item_id', '=', id)
          .execute()
      ).length;
    expect(await count(w.users.author.id)).toBe(0);
    expect(await count(w.users.coauthor.id)).toBe(2); // submitted by the first author, then registered
    await call(t.app, author, 'PUT', '/api/notification-prefs', { ...prefs, item_status: true });
    const coauthor = await loginAs(t.app, 'coauthor');
    expect((await call(t.app, coauthor, 'GET', '/api/notifications/unread-count')).json().data.count).toBe(2);
    await call(t.app, coauthor, 'POST', '/api/notifications/read', { all: true });
    expect((await call(t.app, coauthor, 'GET', '/api/notifications/unread-count')).json().data.count).toBe(0);
  });
});

describe('merging into a composite', () => {
  it('credits every author once, first authors first, and links the sources', async () => {
    const a = await newDraft(t.ctx, w);
    const b = await newDraft(t.ctx, w, {
      authors: [
        { userId: w.users.coauthor.id, orgId: null },
        { userId: w.users.author.id, orgId: null },
        { userId: null, orgId: w.p.party.id },
      ],
    });
    for (const id of [a, b]) {
      await act(t.ctx, w.actors.author, id, 'submit');
      await act(t.ctx, w.actors.editor, id, 'register');
    }
    const composite = await mergeItems(t.ctx, w.actors.editor, WHO, {
      ids: [a, b],
      title: '关于农村养老服务的综合建议',
      situation: '',
      analysis: '',
      suggestion: '',
      body: '综合两篇来稿。',
    });
    const editor = await loginAs(t.app, 'editor');
    const detail = (await call(t.app, editor, 'GET', `/api/items/${composite}`)).json().data;
    expect(detail.composite).toBe(true);
    expect(detail.authors.map((x: { name: string }) => x.name)).toEqual(['韩志远', '王丽', '民盟安徽省委会']);
    expect(detail.mergedFrom.map((x: { id: number }) => x.id).sort()).toEqual([a, b].sort());
    expect(detail.number).toMatch(/^\d{4}-\d{4}$/);
    const source = (await call(t.app, author, 'GET', `/api/items/${a}`)).json().data;
    expect(source).toMatchObject({ status: 'merged', mergedInto: { id: composite } });
  });
});

describe('topics and routing (administration)', () => {
  it('keeps the dictionary two-level and editable by the system administrator only', async () => {
    const topics = (await call(t.app, author, 'GET', '/api/topics')).json();
    expect(
      topics.data
        .filter((x: { parentId: number | null }) => x.parentId === null)
        .map((x: { name: string }) => x.name),
    ).toEqual(['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设', '党的建设', '其他']);
    expect((await call(t.app, author, 'POST', '/api/topics', { name: '新类别' })).statusCode).toBe(403);
    const child = topics.data.find((x: { parentId: number | null }) => x.parentId !== null);
    const third = await call(t.app, sys, 'POST', '/api/topics', { name: '三级', parentId: child.id });
    expect(third.json().error.message).toBe('信息分类只有两级，上级须是一级类别');
    expect(
      (await call(t.app, sys, 'POST', '/api/topics', { name: '数字经济', parentId: child.parentId }))
        .statusCode,
    ).toBe(200);
  });

  it('routes a unit’s items to another CPPCC by an administrator’s rule', async () => {
    const preview = async () =>
      (await call(t.app, sys, 'GET', `/api/routing-preview?orgId=${w.p.party.id}`)).json().data;
    expect(await preview()).toEqual({
      target: { id: w.p.province.id, name: '政协安徽省委员会' },
      rule: 'default',
    });
    const rule = await call(t.app, sys, 'POST', '/api/routing-rules', {
      sourceOrgId: w.p.party.id,
      targetOrgId: w.p.city.id,
    });
    expect(rule.statusCode).toBe(200);
    expect((await preview()).rule).toBe('override');
    const id = await newDraft(t.ctx, w);
    expect((await act(t.ctx, w.actors.author, id, 'submit'))?.target_org_id).toBe(w.p.city.id);
    const bad = await call(t.app, sys, 'POST', '/api/routing-rules', {
      sourceOrgId: w.p.city.id,
      targetOrgId: w.p.party.id,
    });
    expect(bad.json().error.message).toBe('接收方须是在用的省、市或县级政协');
    const rules = (await call(t.app, sys, 'GET', '/api/routing-rules')).json().data;
    await call(t.app, sys, 'DELETE', `/api/routing-rules/${rules[0].id}`);
    expect((await preview()).rule).toBe('default');
  });
});

describe('who holds and who sees an item along the way', () => {
  it('without posts the whole office hears of new intake, and whoever registers keeps it', async () => {
    const id = await newDraft(t.ctx, w);
    await act(t.ctx, w.actors.author, id, 'submit');
    const told = await t.ctx.db.kysely
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('item_id', '=', id)
      .where('kind', '=', 'item_assigned')
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([w.users.editor.id, w.users.director.id].sort());
    expect(told[0]?.title).toContain('待登记');
    expect((await act(t.ctx, w.actors.director, id, 'register'))?.assignee_id).toBe(w.users.director.id);
  });

  it('counts the characters of the text, not the title or spaces', async () => {
    const id = await newDraft(t.ctx, w, {
      title: '标题不计',
      situation: '情况 二字',
      analysis: '',
      suggestion: '建议\n三字',
    });
    const item = await t.ctx.db.kysely
      .selectFrom('items')
      .select('char_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(item.char_count).toBe(8);
  });

  it('a withdrawn item is private again, and a returned one comes back to the office that numbered it', async () => {
    const id = await newDraft(t.ctx, w);
    await act(t.ctx, w.actors.author, id, 'submit');
    await act(t.ctx, w.actors.author, id, 'withdraw');
    const editor = await loginAs(t.app, 'editor');
    expect((await call(t.app, editor, 'GET', `/api/items/${id}`)).statusCode).toBe(404);
    await act(t.ctx, w.actors.author, id, 'submit');
    await act(t.ctx, w.actors.editor, id, 'register');
    await act(t.ctx, w.actors.editor, id, 'return');
    await call(t.app, sys, 'POST', '/api/routing-rules', {
      sourceOrgId: w.p.party.id,
      targetOrgId: w.p.city.id,
    });
    const back = await act(t.ctx, w.actors.author, id, 'resubmit');
    expect(back?.target_org_id).toBe(w.p.province.id);
    const rules = (await call(t.app, sys, 'GET', '/api/routing-rules')).json().data;
    await call(t.app, sys, 'DELETE', `/api/routing-rules/${rules[0].id}`);
  });

  it('credited authors read a composite but do not act on it, and it is never returned to them', async () => {
    const ids = [await newDraft(t.ctx, w), await newDraft(t.ctx, w)];
    for (const id of ids) {
      await act(t.ctx, w.actors.author, id, 'submit');
      await act(t.ctx, w.actors.editor, id, 'register');
    }
    const composite = await mergeItems(t.ctx, w.actors.editor, WHO, {
      ids,
      title: '综合',
      situation: '综合情况',
      analysis: '',
      suggestion: '综合建议',
      body: '',
    });
    const seen = (await call(t.app, author, 'GET', `/api/items/${composite}`)).json();
    expect(seen.abilities.actions).toEqual([]);
    await expect(act(t.ctx, w.actors.editor, composite, 'return')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '综合信息由信息处编写，不能退回作者；不再使用时请选择“不予采用”',
    });
  });
});

describe('guards found in review', () => {
  it('only members (or the writer) can be credited, so no administrator gains sight of an item', async () => {
    await expect(
      newDraft(t.ctx, w, {
        authors: [
          { userId: w.users.author.id, orgId: null },
          { userId: w.users.sysadmin.id, orgId: null },
        ],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('naming the assignee at registration is the director’s part', async () => {
    const id = await newDraft(t.ctx, w);
    await act(t.ctx, w.actors.author, id, 'submit');
    await expect(
      act(t.ctx, w.actors.editor, id, 'register', { assigneeId: w.users.director.id }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      (await act(t.ctx, w.actors.director, id, 'register', { assigneeId: w.users.editor.id }))?.assignee_id,
    ).toBe(w.users.editor.id);
  });

  it('while an item is back with its author, others see the text last submitted, not the revision', async () => {
    const id = await newDraft(t.ctx, w);
    await act(t.ctx, w.actors.author, id, 'submit');
    await act(t.ctx, w.actors.editor, id, 'register');
    const returned = await act(t.ctx, w.actors.editor, id, 'return');
    const mine = await call(t.app, author, 'PUT', `/api/items/${id}/draft`, {
      ...draftInput(w, { situation: '尚未报送的修改' }),
      version: returned?.version,
    });
    expect(mine.json().data.situation).toBe('尚未报送的修改');
    const editor = await loginAs(t.app, 'editor');
    const seen = (await call(t.app, editor, 'GET', `/api/items/${id}`)).json().data;
    expect(seen.situation).toBe(draftInput(w).situation);
  });

  it('an attachment with an inherited property name as extension is refused in Chinese', async () => {
    const id = await newDraft(t.ctx, w);
    for (const name of ['a.constructor', 'b.__proto__', 'c.tostring'])
      expect((await upload(author, id, name, PDF)).json().error.code).toBe('ATTACHMENT_REJECTED');
  });
});

describe('routing rules stay within the administrator’s scope', () => {
  it('a city administrator neither sees nor deletes a provincial unit’s rule', async () => {
    await call(t.app, sys, 'POST', '/api/routing-rules', {
      sourceOrgId: w.p.party.id,
      targetOrgId: w.p.city.id,
    });
    const rules = (await call(t.app, sys, 'GET', '/api/routing-rules')).json().data;
    await makeUser(t.ctx, 'citysys', w.p.city.id, [
      { role: 'sysadmin', orgId: w.p.city.id, scope: 'subtree' },
    ]);
    const citySys = await loginAs(t.app, 'citysys');
    expect((await call(t.app, citySys, 'GET', '/api/routing-rules')).json().total).toBe(0);
    expect((await call(t.app, citySys, 'DELETE', `/api/routing-rules/${rules[0].id}`)).statusCode).toBe(404);
    expect((await call(t.app, citySys, 'GET', `/api/routing-preview?orgId=${w.p.party.id}`)).statusCode).toBe(
      404,
    );
    expect((await call(t.app, sys, 'DELETE', `/api/routing-rules/${rules[0].id}`)).statusCode).toBe(200);
  });
});
