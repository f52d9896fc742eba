import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cstDate, DAY, HOUR } from '../../lib/clock.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, type Session } from '../../test/factories.ts';
import { act, type ItemWorld, makeItemWorld, newDraft } from '../../test/items.ts';
import { runHandovers } from '../items/handover.service.ts';
import { findItem } from '../items/items.repository.ts';

let t: TestContext;
let w: ItemWorld;
let director: Session;
let editor: Session;

beforeAll(async () => {
  t = await createTestContext();
  w = await makeItemWorld(t.ctx);
  director = await loginAs(t.app, 'director');
  editor = await loginAs(t.app, 'editor');
});
afterAll(() => t.close());

const desk = () => w.p.province.id;
const post = (s: Session, url: string, body: unknown) => call(t.app, s, 'POST', url, body);
const unread = async (userId: number) =>
  t.ctx.db.kysely
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();

describe('posts with A and B holders (AB岗)', () => {
  it('only the director sets posts, and holders must be office staff', async () => {
    const input = {
      orgId: desk(),
      name: '登记岗',
      duty: 'register',
      holderAId: w.users.editor.id,
      holderBId: w.users.director.id,
      deadlineHours: 4,
    };
    expect((await post(editor, '/api/posts', input)).statusCode).toBe(404);
    const outsider = await post(director, '/api/posts', { ...input, holderBId: w.users.author.id });
    expect(outsider.json().error.message).toBe('A岗和B岗须是该信息处的工作人员');
    const same = await post(director, '/api/posts', { ...input, holderBId: w.users.editor.id });
    expect(same.statusCode).toBe(422);
    expect((await post(director, '/api/posts', input)).statusCode).toBe(200);
    const list = (await call(t.app, editor, 'GET', `/api/posts?orgId=${desk()}`)).json();
    expect(list.abilities.manage).toBe(false);
    expect(list.data[0]).toMatchObject({
      name: '登记岗',
      holderA: { name: '林静' },
      onDuty: { name: '林静' },
    });
    // The system administrator reads them (to name posts as signers of approval chains) but
    // does not manage them; a city's editor does not see the province's posts.
    const admin = (
      await call(t.app, await loginAs(t.app, 'sysadmin'), 'GET', `/api/posts?orgId=${desk()}`)
    ).json();
    expect(admin.data.map((p: { name: string }) => p.name)).toEqual(['登记岗']);
    expect(admin.abilities.manage).toBe(false);
    const city = await call(t.app, await loginAs(t.app, 'cityeditor'), 'GET', `/api/posts?orgId=${desk()}`);
    expect(city.statusCode).toBe(404);
  });

  it('a new item goes to the A holder with a deadline and, past it, to B; both are told', async () => {
    const id = await newDraft(t.ctx, w);
    const item = await act(t.ctx, w.actors.author, id, 'submit');
    expect(item?.assignee_id).toBe(w.users.editor.id);
    expect(Date.parse(item?.due_at ?? '') - Date.parse(item?.submitted_at ?? '')).toBe(4 * HOUR);
    expect(await runHandovers(t.ctx)).toBe(0);
    t.ctx.clock.advance(5 * HOUR);
    expect(await runHandovers(t.ctx)).toBe(1);
    const after = await findItem(t.ctx.db.kysely, id);
    expect(after).toMatchObject({ assignee_id: w.users.director.id, handed_over: 1, status: 'submitted' });
    const event = await t.ctx.db.kysely
      .selectFrom('item_events')
      .selectAll()
      .where('item_id', '=', id)
      .where('action', '=', 'handover')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      actor_id: null,
      reason: '超过办理时限',
      from_state: 'submitted',
      to_state: 'submitted',
    });
    expect(event.note).toContain('由A岗林静转交B岗何建华');
    for (const u of [w.users.editor.id, w.users.director.id])
      expect((await unread(u)).some((n) => n.kind === 'item_handover' && n.item_id === id)).toBe(true);
    expect(await runHandovers(t.ctx)).toBe(0); // once only
    // Sessions do not outlive the five hours the clock moved.
    director = await loginAs(t.app, 'director');
    editor = await loginAs(t.app, 'editor');
  });

  it('while A is on leave new work goes to B, and A’s open work is handed over', async () => {
    const waiting = await newDraft(t.ctx, w);
    await act(t.ctx, w.actors.author, waiting, 'submit');
    const today = cstDate(t.ctx.clock.now());
    const leave = await post(director, '/api/leaves', {
      userId: w.users.editor.id,
      startDate: today,
      endDate: cstDate(new Date(t.ctx.clock.now().getTime() + 2 * DAY)),
      note: '年休假',
    });
    expect(leave.statusCode).toBe(200);
    const posts = (await call(t.app, director, 'GET', `/api/posts?orgId=${desk()}`)).json();
    expect(posts.data[0].onDuty.name).toBe('何建华');
    const fresh = await newDraft(t.ctx, w);
    expect((await act(t.ctx, w.actors.author, fresh, 'submit'))?.assignee_id).toBe(w.users.director.id);
    expect(await runHandovers(t.ctx)).toBe(1);
    expect((await findItem(t.ctx.db.kysely, waiting))?.assignee_id).toBe(w.users.director.id);
  });

  it('an editor records only their own leave', async () => {
    const own = await post(editor, '/api/leaves', {
      userId: w.users.editor.id,
      startDate: '2027-01-04',
      endDate: '2027-01-05',
    });
    expect(own.statusCode).toBe(200);
    const other = await post(editor, '/api/leaves', {
      userId: w.users.director.id,
      startDate: '2027-01-04',
      endDate: '2027-01-05',
    });
    expect(other.statusCode).toBe(403);
    const member = await loginAs(t.app, 'author');
    const outsider = await post(member, '/api/leaves', {
      userId: w.users.author.id,
      startDate: '2027-01-04',
      endDate: '2027-01-05',
    });
    expect(outsider.statusCode).toBe(403);
    const backwards = await post(editor, '/api/leaves', {
      userId: w.users.editor.id,
      startDate: '2027-01-05',
      endDate: '2027-01-04',
    });
    expect(backwards.json().error.details).toBeDefined();
  });
});

describe('duty roster (值班)', () => {
  it('the director sets today’s officer, who is told first of an urgent item', async () => {
    const today = cstDate(t.ctx.clock.now());
    expect(
      (
        await call(t.app, editor, 'PUT', '/api/duty', {
          orgId: desk(),
          date: today,
          userId: w.users.editor.id,
        })
      ).statusCode,
    ).toBe(404);
    const set = await call(t.app, director, 'PUT', '/api/duty', {
      orgId: desk(),
      date: today,
      userId: w.users.editor.id,
    });
    expect(set.statusCode).toBe(200);
    const month = (
      await call(t.app, editor, 'GET', `/api/duty?orgId=${desk()}&month=${today.slice(0, 7)}`)
    ).json();
    expect(month.data).toEqual([{ date: today, user: { id: w.users.editor.id, name: '林静' }, note: '' }]);
    const todays = (await call(t.app, editor, 'GET', '/api/duty/today')).json().data;
    expect(todays).toEqual([
      { org: { id: desk(), name: '政协安徽省委员会' }, user: { id: w.users.editor.id, name: '林静' } },
    ]);
    const id = await newDraft(t.ctx, w, { urgent: true });
    await act(t.ctx, w.actors.author, id, 'submit');
    const notes = (await unread(w.users.editor.id)).filter((n) => n.item_id === id);
    expect(notes[0]?.kind).toBe('item_urgent');
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'duty.set')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
