import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, type Session } from '../../test/factories.ts';
import { ALL_DECLARATIONS, draftInput, type ItemWorld, makeItemWorld } from '../../test/items.ts';

let t: TestContext;
let w: ItemWorld;
let author: Session;
let editor: Session;
let director: Session;
let liaison: Session;
let stranger: Session;

beforeAll(async () => {
  t = await createTestContext();
  w = await makeItemWorld(t.ctx);
  author = await loginAs(t.app, 'author');
  editor = await loginAs(t.app, 'editor');
  director = await loginAs(t.app, 'director');
  liaison = await loginAs(t.app, 'liaison');
  stranger = await loginAs(t.app, 'stranger');
});
afterAll(() => t.close());

async function post(s: Session, url: string, body: unknown) {
  const res = await call(t.app, s, 'POST', url, body);
  return { status: res.statusCode, body: res.json() };
}

describe('an item through the API', () => {
  let id: number;
  let version: number;

  it('creates a draft that only its authors see', async () => {
    const res = await post(author, '/api/items', draftInput(w));
    expect(res.status).toBe(200);
    id = res.body.data.id;
    version = res.body.data.version;
    expect(res.body.data.status).toBe('draft');
    expect(res.body.abilities).toMatchObject({ actions: ['submit'], saveDraft: true });
    expect(res.body.data.authors.map((a: { name: string }) => a.name)).toEqual(['韩志远', '王丽']);
    expect((await call(t.app, editor, 'GET', `/api/items/${id}`)).statusCode).toBe(404);
    expect((await call(t.app, stranger, 'GET', `/api/items/${id}`)).statusCode).toBe(404);
    const mine = (await call(t.app, author, 'GET', '/api/items?view=mine')).json();
    expect(mine.data.map((i: { id: number }) => i.id)).toContain(id);
  });

  it('refuses a submission without the six confirmations, in Chinese', async () => {
    const res = await post(author, `/api/items/${id}/transitions`, {
      action: 'submit',
      version,
      declarations: [],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('ITEM_DECLARATION_REQUIRED');
    expect(res.body.error.message).toContain('信访');
  });

  it('submits to the provincial office, which registers it with a number', async () => {
    const res = await post(author, `/api/items/${id}/transitions`, {
      action: 'submit',
      version,
      declarations: ALL_DECLARATIONS,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'submitted', targetOrg: { id: w.p.province.id } });
    expect(res.body.data.versions).toHaveLength(1);
    expect(res.body.abilities.actions).toEqual(['withdraw']);
    const queue = (await call(t.app, editor, 'GET', '/api/items?view=queue&status=submitted')).json();
    expect(queue.data.map((i: { id: number }) => i.id)).toEqual([id]);
    expect(queue.data[0].authorNames).toBe('韩志远、王丽');
    const reg = await post(editor, `/api/items/${id}/transitions`, {
      action: 'register',
      version: res.body.data.version,
    });
    expect(reg.status).toBe(200);
    expect(reg.body.data.number).toMatch(/^\d{4}-0001$/);
    version = reg.body.data.version;
  });

  it('the liaison of the submitting unit reads it; a city editor does not', async () => {
    expect((await call(t.app, liaison, 'GET', `/api/items/${id}`)).statusCode).toBe(200);
    const unit = (await call(t.app, liaison, 'GET', '/api/items?view=unit')).json();
    expect(unit.total).toBe(1);
    const city = await loginAs(t.app, 'cityeditor');
    expect((await call(t.app, city, 'GET', `/api/items/${id}`)).statusCode).toBe(404);
    expect((await call(t.app, city, 'GET', '/api/items?view=queue')).json().total).toBe(0);
  });

  it('keeps every edit as a version and diffs them by character', async () => {
    const content = {
      title: '关于加强农村养老服务供给的建议',
      situation: '我省农村60岁以上老年人口占比已超过22%。',
      analysis: '',
      suggestion: '建议设立省级专项资金。',
      body: '',
    };
    const edit = await post(editor, `/api/items/${id}/transitions`, { action: 'edit', version, content });
    expect(edit.status).toBe(200);
    expect(edit.body.data.status).toBe('editing');
    expect(edit.body.data.versions.map((v: { kind: string }) => v.kind)).toEqual(['original', 'edit']);
    const stale = await post(director, `/api/items/${id}/transitions`, { action: 'edit', version, content });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('ITEM_STALE');
    version = edit.body.data.version;
    const diff = (await call(t.app, author, 'GET', `/api/items/${id}/diff?from=1&to=2`)).json().data;
    const situation = diff.find((f: { field: string }) => f.field === '情况');
    expect(situation.ops).toContainEqual({ op: 'delete', text: '0' });
    expect(situation.ops).toContainEqual({ op: 'insert', text: '2' });
    const original = (await call(t.app, author, 'GET', `/api/items/${id}/versions/1`)).json().data;
    expect(original.content.situation).toContain('已超过20%，部分村');
  });

  it('shows who is editing and returns with a reason the author sees', async () => {
    expect((await post(editor, `/api/items/${id}/lock`, {})).body.data).toEqual({ lock: null, mine: true });
    const other = (await post(director, `/api/items/${id}/lock`, {})).body.data;
    expect(other).toMatchObject({ mine: false, lock: { name: '林静' } });
    const noReason = await post(editor, `/api/items/${id}/transitions`, { action: 'return', version });
    expect(noReason.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '请填写退回理由' });
    const ret = await post(editor, `/api/items/${id}/transitions`, {
      action: 'return',
      version,
      reason: '请补充具体数据来源',
    });
    expect(ret.body.data.status).toBe('returned');
    const mine = (await call(t.app, author, 'GET', '/api/items?view=mine')).json().data[0];
    expect(mine).toMatchObject({ status: 'returned', lastReason: '请补充具体数据来源' });
    const bell = (await call(t.app, author, 'GET', '/api/notifications')).json();
    expect(bell.data[0]).toMatchObject({ kind: 'item_status', itemId: id });
    expect(bell.data[0].body).toContain('请补充具体数据来源');
  });

  it('lets the author revise and resubmit; the text cannot change after', async () => {
    const detail = (await call(t.app, author, 'GET', `/api/items/${id}`)).json();
    expect(detail.abilities.actions).toEqual(['resubmit']);
    const saved = await call(t.app, author, 'PUT', `/api/items/${id}/draft`, {
      ...draftInput(w, { situation: '据省统计局2025年数据，我省农村老年人口占比22%。' }),
      version: detail.data.version,
    });
    expect(saved.statusCode).toBe(200);
    const re = await post(author, `/api/items/${id}/transitions`, {
      action: 'resubmit',
      version: saved.json().data.version,
      declarations: ALL_DECLARATIONS,
    });
    expect(re.body.data.status).toBe('submitted');
    expect(re.body.data.versions.map((v: { kind: string }) => v.kind)).toEqual([
      'original',
      'edit',
      'resubmission',
    ]);
    const late = await call(t.app, author, 'PUT', `/api/items/${id}/draft`, {
      ...draftInput(w),
      version: re.body.data.version,
    });
    expect(late.json().error.code).toBe('ITEM_ACTION_NOT_ALLOWED');
  });

  it('bulk-registers (a resubmitted item keeps its number) and only the director assigns', async () => {
    const bulk = await post(editor, '/api/items/bulk', { action: 'register', ids: [id, 999_999] });
    expect(bulk.body.data.done).toEqual([id]);
    expect(bulk.body.data.failed).toEqual([
      { id: 999_999, code: 'NOT_FOUND', message: '信息不存在或您无权查看' },
    ]);
    const detail = (await call(t.app, editor, 'GET', `/api/items/${id}`)).json().data;
    expect(detail.number).toMatch(/-0001$/); // a returned and resubmitted item keeps its number
    const refused = await post(editor, '/api/items/bulk', {
      action: 'assign',
      ids: [id],
      assigneeId: w.users.editor.id,
    });
    expect(refused.body.data.failed[0].code).toBe('FORBIDDEN');
    const assigned = await post(director, '/api/items/bulk', {
      action: 'assign',
      ids: [id],
      assigneeId: w.users.editor.id,
    });
    expect(assigned.body.data.done).toEqual([id]);
    const queue = (
      await call(t.app, editor, 'GET', `/api/items?view=queue&assigneeId=${w.users.editor.id}`)
    ).json();
    expect(queue.data[0].assigneeName).toBe('林静');
    // Two characters or more through the bigram index, one character by scanning titles.
    for (const q of ['农村养老', '养老', '0001', '2026-0001', '王丽', '农']) {
      const found = (
        await call(t.app, editor, 'GET', `/api/items?view=queue&q=${encodeURIComponent(q)}`)
      ).json();
      expect(found.data.map((i: { id: number }) => i.id)).toEqual([id]);
    }
    const none = (
      await call(t.app, editor, 'GET', `/api/items?view=queue&q=${encodeURIComponent('100%')}`)
    ).json();
    expect(none.total).toBe(0);
  });
});
