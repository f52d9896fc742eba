/**
 * Approval to disclose (公开审核): only items whose author consented and that went out in an
 * issued publication; prepared by the receiving office, approved and withdrawn only by its
 * director; no names or phone numbers in the public text; every step audited, the item's
 * timeline shows approval and withdrawal, and a withdrawn record is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemDisclosure } from '../../../shared/schemas/portal.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, codeOf, loginAs, makeUser, type Session } from '../../test/factories.ts';
import { type IssueWorld, issueItems, makeIssueWorld } from '../../test/issues.ts';
import { act, actorFor, WHO } from '../../test/items.ts';
import { mergeItems } from '../items/merge.service.ts';
import { issuedItem, PHONE, selected } from './disclosures.fixtures.ts';
import { approveDisclosure, prepareDisclosure, withdrawDisclosure } from './disclosures.service.ts';

let t: TestContext;
let w: IssueWorld;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestContext();
  w = await makeIssueWorld(t.ctx);
  await makeUser(t.ctx, 'citydirector', w.p.city.id, [
    { role: 'director', orgId: w.p.city.id, scope: 'subtree' },
  ]);
  for (const login of ['editor', 'director', 'author', 'citydirector', 'liaison'])
    s[login] = await loginAs(t.app, login);
});
afterAll(() => t.close());

const get = async (who: string, itemId: number) =>
  call(t.app, s[who] as Session, 'GET', `/api/items/${itemId}/disclosure`);
const post = (who: string, itemId: number, path: string, body: unknown) =>
  call(
    t.app,
    s[who] as Session,
    path === '' ? 'PUT' : 'POST',
    `/api/items/${itemId}/disclosure${path}`,
    body,
  );
const PUBLIC_TEXT =
  '我省农村老年人口占比较高，部分互助养老点运营困难。\n建议设立专项资金，推动县域养老服务联合体建设。';

const eventsOf = (itemId: number) =>
  t.ctx.db.kysely
    .selectFrom('item_events')
    .select(['action', 'reason', 'note'])
    .where('item_id', '=', itemId)
    .where('action', 'in', ['disclose', 'undisclose'])
    .orderBy('id')
    .execute();
const auditsOf = (itemId: number) =>
  t.ctx.db.kysely
    .selectFrom('audit_log')
    .select('action')
    .where('target_type', '=', 'item')
    .where('target_id', '=', String(itemId))
    .where('action', 'like', 'disclosure.%')
    .orderBy('id')
    .execute();

describe('approval to disclose', () => {
  it('an editor prepares from the item text, the director approves an edited version; timeline, audit and authors', async () => {
    const id = await issuedItem(t.ctx, w);
    const first = (await get('editor', id)).json() as ItemDisclosure;
    expect(first.data).toMatchObject({ current: null, consent: true, issued: true });
    expect(first.data.proposal.text).toContain('资金来源单一');
    expect(first.abilities).toEqual({ prepare: true, approve: false, withdraw: false });

    const prepared = await post('editor', id, '', {
      title: '关于加强农村养老服务的建议',
      text: PUBLIC_TEXT,
      version: null,
    });
    expect(prepared.statusCode).toBe(200);
    const draft = (prepared.json() as ItemDisclosure).data.current;
    expect(draft).toMatchObject({ status: 'draft', approvedBy: null, disclosedOn: null });
    // The editor may not approve; the director sees the draft and approves an edited title.
    const refused = await post('editor', id, '/approve', {
      title: '标题',
      text: PUBLIC_TEXT,
      version: draft?.version,
    });
    expect(refused.statusCode).toBe(403);
    expect((await get('director', id)).json().abilities).toEqual({
      prepare: true,
      approve: true,
      withdraw: true,
    });
    const approved = await post('director', id, '/approve', {
      title: '关于加强农村养老服务供给的建议（公开稿）',
      text: PUBLIC_TEXT,
      version: draft?.version,
    });
    expect(approved.statusCode).toBe(200);
    const current = (approved.json() as ItemDisclosure).data.current;
    expect(current).toMatchObject({
      status: 'disclosed',
      title: '关于加强农村养老服务供给的建议（公开稿）',
      approvedBy: { id: w.users.director.id, name: '何建华' },
      preparedBy: { id: w.users.editor.id, name: '林静' },
      publication: '社情民意',
    });
    expect(current?.category).not.toBe('');
    expect(current?.disclosedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await eventsOf(id)).toEqual([
      { action: 'disclose', reason: '', note: '公开标题：关于加强农村养老服务供给的建议（公开稿）' },
    ]);
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(['disclosure.prepare', 'disclosure.approve']);
    const told = await t.ctx.db.kysely
      .selectFrom('notifications')
      .select('user_id')
      .where('item_id', '=', id)
      .where('title', 'like', '%已在公开门户公开%')
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([w.users.author.id, w.users.coauthor.id].sort());
    // Approved twice: refused; and a disclosed text is not changed in place.
    expect(
      (await post('director', id, '/approve', { title: 'x', text: 'y', version: current?.version })).json()
        .error.code,
    ).toBe('DISCLOSURE_STATE');
    expect(
      (await post('editor', id, '', { title: 'x', text: 'y', version: current?.version })).json().error.code,
    ).toBe('DISCLOSURE_STATE');
  });

  it('refuses items whose author did not consent, and items not yet out in an issued issue', async () => {
    const noConsent = await issuedItem(t.ctx, w, { disclosable: false });
    const input = { title: '公开标题', text: '公开文本', version: null };
    expect(await codeOf(approveDisclosure(t.ctx, w.actors.director, WHO, noConsent, input))).toBe(
      'DISCLOSURE_NOT_CONSENTED',
    );
    expect(await codeOf(prepareDisclosure(t.ctx, w.actors.editor, WHO, noConsent, input))).toBe(
      'DISCLOSURE_NOT_CONSENTED',
    );
    // Selected, then compiled into an issue still awaiting signature: not issued.
    const pending = await selected(t.ctx, w);
    expect(await codeOf(approveDisclosure(t.ctx, w.actors.director, WHO, pending, input))).toBe(
      'DISCLOSURE_NOT_ISSUED',
    );
    // Rejected and archived without ever going out: not issued either.
    const rejected = await selected(t.ctx, w);
    await act(t.ctx, w.actors.editor, rejected, 'deselect', { reason: '暂不编发' });
    await act(t.ctx, w.actors.editor, rejected, 'reject', { reason: '不予采用' });
    await act(t.ctx, w.actors.editor, rejected, 'archive');
    expect(await codeOf(approveDisclosure(t.ctx, w.actors.director, WHO, rejected, input))).toBe(
      'DISCLOSURE_NOT_ISSUED',
    );
    const answer = (await get('director', noConsent)).json() as ItemDisclosure;
    expect(answer.data.consent).toBe(false);
    expect(answer.abilities).toEqual({ prepare: false, approve: false, withdraw: false });
    // Nothing was written for any of them.
    const rows = await t.ctx.db.kysely
      .selectFrom('disclosures')
      .select('id')
      .where('item_id', 'in', [noConsent, pending, rejected])
      .execute();
    expect(rows).toEqual([]);
  });

  it('only the director of the receiving CPPCC approves or withdraws; others are refused', async () => {
    const id = await issuedItem(t.ctx, w);
    const input = { title: '公开标题', text: '公开文本', version: null };
    const cityDirector = await actorFor(
      t.ctx,
      (
        await t.ctx.db.kysely
          .selectFrom('users')
          .select('id')
          .where('login', '=', 'citydirector')
          .executeTakeFirstOrThrow()
      ).id,
    );
    expect(await codeOf(approveDisclosure(t.ctx, cityDirector, WHO, id, input))).toBe('FORBIDDEN');
    expect(await codeOf(approveDisclosure(t.ctx, w.actors.editor, WHO, id, input))).toBe('FORBIDDEN');
    expect(await codeOf(approveDisclosure(t.ctx, w.actors.author, WHO, id, input))).toBe('FORBIDDEN');
    expect(await codeOf(approveDisclosure(t.ctx, w.signers.leader.actor, WHO, id, input))).toBe('FORBIDDEN');
    // Through the API, the item is simply not there for those outside the office.
    expect((await get('citydirector', id)).statusCode).toBe(404);
    expect((await get('author', id)).statusCode).toBe(403);
    expect((await post('liaison', id, '/approve', input)).statusCode).toBe(403);
    await approveDisclosure(t.ctx, w.actors.director, WHO, id, input);
    const live = (await get('director', id)).json() as ItemDisclosure;
    const version = live.data.current?.version as number;
    expect(
      await codeOf(withdrawDisclosure(t.ctx, w.actors.editor, WHO, id, { reason: '理由', version })),
    ).toBe('FORBIDDEN');
    expect(await codeOf(withdrawDisclosure(t.ctx, cityDirector, WHO, id, { reason: '理由', version }))).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses a public text that names an author or the writer, or carries a phone number', async () => {
    const id = await issuedItem(t.ctx, w);
    const tryText = (text: string) =>
      codeOf(
        approveDisclosure(t.ctx, w.actors.director, WHO, id, { title: '公开标题', text, version: null }),
      );
    expect(await tryText(`联系人韩志远。${PUBLIC_TEXT}`)).toBe('DISCLOSURE_PRIVATE_DATA');
    expect(await tryText(`${PUBLIC_TEXT}（王丽）`)).toBe('DISCLOSURE_PRIVATE_DATA');
    expect(await tryText(`${PUBLIC_TEXT}电话${PHONE}`)).toBe('DISCLOSURE_PRIVATE_DATA');
    expect(await tryText(`${PUBLIC_TEXT}咨询电话0551-62601234`)).toBe('DISCLOSURE_PRIVATE_DATA');
    expect(await tryText(PUBLIC_TEXT)).toBe('ok');
  });

  it('a composite is checked against its sources’ people too', async () => {
    const a = await selected(t.ctx, w, { title: '来源一' });
    await act(t.ctx, w.actors.editor, a, 'deselect', { reason: '合并' });
    const b = await selected(t.ctx, w, { title: '来源二' });
    await act(t.ctx, w.actors.editor, b, 'deselect', { reason: '合并' });
    const composite = await mergeItems(t.ctx, w.actors.editor, WHO, {
      ids: [a, b],
      title: '综合信息',
      situation: '综合情况',
      analysis: '综合分析',
      suggestion: '综合建议',
      body: '',
    });
    await act(t.ctx, w.actors.editor, composite, 'select');
    await issueItems(t.ctx, w, [composite]);
    // The merged sources themselves never went out.
    const input = { title: '公开标题', text: '综合情况', version: null };
    expect(await codeOf(approveDisclosure(t.ctx, w.actors.director, WHO, a, input))).toBe(
      'DISCLOSURE_NOT_ISSUED',
    );
    expect(
      await codeOf(
        approveDisclosure(t.ctx, w.actors.director, WHO, composite, { ...input, text: `综合情况，${PHONE}` }),
      ),
    ).toBe('DISCLOSURE_PRIVATE_DATA');
    expect(await codeOf(approveDisclosure(t.ctx, w.actors.director, WHO, composite, input))).toBe('ok');
  });

  it('withdrawal keeps the record with who, when and why; the item may be prepared again', async () => {
    const id = await issuedItem(t.ctx, w);
    await approveDisclosure(t.ctx, w.actors.director, WHO, id, {
      title: '公开标题',
      text: PUBLIC_TEXT,
      version: null,
    });
    const before = (await get('director', id)).json() as ItemDisclosure;
    const stale = await post('director', id, '/withdraw', { reason: '内容需更新', version: 0 });
    expect(stale.json().error.code).toBe('CONFLICT');
    const res = await post('director', id, '/withdraw', {
      reason: '内容需更新',
      version: before.data.current?.version,
    });
    expect(res.statusCode).toBe(200);
    const after = res.json() as ItemDisclosure;
    expect(after.data.current).toBeNull();
    expect(after.data.history[0]).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: { id: w.users.director.id }, reason: '内容需更新' },
    });
    expect((await eventsOf(id)).map((e) => [e.action, e.reason])).toEqual([
      ['disclose', ''],
      ['undisclose', '内容需更新'],
    ]);
    expect((await post('director', id, '/withdraw', { reason: '再次', version: 1 })).json().error.code).toBe(
      'DISCLOSURE_STATE',
    );
    // Prepared again as a new record; the withdrawn one stays.
    expect(
      (await post('editor', id, '', { title: '新公开标题', text: PUBLIC_TEXT, version: null })).statusCode,
    ).toBe(200);
    const rows = await t.ctx.db.kysely
      .selectFrom('disclosures')
      .select('status')
      .where('item_id', '=', id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['withdrawn', 'draft']);
    // A draft may be dropped by the editor who prepared it, without touching the timeline.
    const draft = ((await get('editor', id)).json() as ItemDisclosure).data.current;
    expect(
      (await post('editor', id, '/withdraw', { reason: '不再公开', version: draft?.version })).statusCode,
    ).toBe(200);
    expect((await eventsOf(id)).length).toBe(2);
    expect((await auditsOf(id)).map((a) => a.action)).toEqual([
      'disclosure.approve',
      'disclosure.withdraw',
      'disclosure.prepare',
      'disclosure.withdraw',
    ]);
  });

  it('answers bad input with a Chinese message, never a 500', async () => {
    const id = await issuedItem(t.ctx, w);
    const res = await post('director', id, '/approve', { title: '', text: PUBLIC_TEXT, version: null });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('公开标题');
    expect(
      (await post('director', 999999, '/approve', { title: 'a', text: 'b', version: null })).statusCode,
    ).toBe(404);
  });
});
