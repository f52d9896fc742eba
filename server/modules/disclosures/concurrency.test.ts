/**
 * Two people acting on the same disclosure or notice at once. Every change is guarded in SQL by
 * the version and status its checks were made on, so whoever writes second is refused
 * (DISCLOSURE_STATE / NOTICE_STATE when the status moved on, CONFLICT when only the version did)
 * and nothing the director approved or withdrew is overwritten.
 *
 * The races need a second connection: on PostgreSQL another connection holds the row lock while
 * both requests read the row, pass their checks and queue for it (see `interleaved`). SQLite has
 * a single connection whose transactions run one after another and cannot interleave, so the
 * race cases are skipped there; the guard itself is checked on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../test/context.ts';
import { codeOf } from '../../test/factories.ts';
import { type IssueWorld, makeIssueWorld } from '../../test/issues.ts';
import { WHO } from '../../test/items.ts';
import { interleaved, issuedItem, PHONE } from './disclosures.fixtures.ts';
import { liveDisclosure } from './disclosures.repository.ts';
import { approveDisclosure, prepareDisclosure, withdrawDisclosure } from './disclosures.service.ts';
import { updateIfUnchanged } from './guarded-update.ts';
import { createNotice, publishNotice, updateNotice, withdrawNotice } from './notices.service.ts';

let t: TestContext;
let w: IssueWorld;
beforeAll(async () => {
  t = await createTestContext();
  w = await makeIssueWorld(t.ctx);
});
afterAll(() => t.close());

const TEXT = '我省农村老年人口占比较高，建议推动县域养老服务联合体建设。';
const race = (table: 'disclosures' | 'notices', id: number, steps: (() => Promise<unknown>)[]) =>
  interleaved(t.env.DATABASE_URL as string, table, id, steps);
const onPostgres = it.skipIf(TEST_DIALECT !== 'postgres');

/** An issued item with a draft public text at version 1; returns the item and the record. */
async function drafted() {
  const itemId = await issuedItem(t.ctx, w);
  await prepareDisclosure(t.ctx, w.actors.editor, WHO, itemId, {
    title: '公开标题',
    text: TEXT,
    version: null,
  });
  return { itemId, record: (await liveDisclosure(t.ctx.db.kysely, itemId))?.id as number };
}
const recordOf = (id: number) =>
  t.ctx.db.kysely.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const publicGet = (url: string) => t.app.inject({ method: 'GET', url: `/api/public/${url}` });
const discloseEvents = async (itemId: number) =>
  (
    await t.ctx.db.kysely
      .selectFrom('item_events')
      .select('action')
      .where('item_id', '=', itemId)
      .where('action', 'in', ['disclose', 'undisclose'])
      .execute()
  ).map((e) => e.action);

describe('the guarded update', () => {
  it('writes only while the row has the version and status that were checked', async () => {
    const { record } = await drafted();
    const guard = (version: number, status: string) =>
      codeOf(
        updateIfUnchanged(
          t.ctx.db.kysely,
          'disclosures',
          { id: record, version, status },
          { title: '改写' },
          {
            state: 'DISCLOSURE_STATE',
            conflict: '已被他人修改',
          },
        ),
      );
    expect(await guard(1, 'disclosed')).toBe('DISCLOSURE_STATE');
    expect(await guard(0, 'draft')).toBe('CONFLICT');
    expect(await recordOf(record)).toMatchObject({ title: '公开标题', version: 1 });
    expect(await guard(1, 'draft')).toBe('ok');
    expect(await recordOf(record)).toMatchObject({ title: '改写', version: 2 });
  });
});

describe('disclosure races (PostgreSQL)', () => {
  onPostgres(
    'an editor saving the draft while the director approves it cannot change the public text',
    async () => {
      const { itemId, record } = await drafted();
      const codes = await race('disclosures', record, [
        () =>
          approveDisclosure(t.ctx, w.actors.director, WHO, itemId, {
            title: '公开标题',
            text: TEXT,
            version: 1,
          }),
        () =>
          prepareDisclosure(t.ctx, w.actors.editor, WHO, itemId, {
            title: '未经批准的标题',
            text: `联系人电话${PHONE}`,
            version: 1,
          }),
      ]);
      expect(codes).toEqual(['ok', 'DISCLOSURE_STATE']);
      expect(await recordOf(record)).toMatchObject({
        status: 'disclosed',
        title: '公开标题',
        text: TEXT,
        version: 2,
      });
      const shown = (await publicGet(`disclosures/${record}`)).json().data;
      expect(shown).toMatchObject({ title: '公开标题', text: TEXT });
    },
  );

  onPostgres('a draft dropped while the director approves it is not disclosed', async () => {
    const { itemId, record } = await drafted();
    const codes = await race('disclosures', record, [
      () => withdrawDisclosure(t.ctx, w.actors.editor, WHO, itemId, { reason: '不再公开', version: 1 }),
      () =>
        approveDisclosure(t.ctx, w.actors.director, WHO, itemId, {
          title: '公开标题',
          text: TEXT,
          version: 1,
        }),
    ]);
    expect(codes).toEqual(['ok', 'DISCLOSURE_STATE']);
    expect(await recordOf(record)).toMatchObject({ status: 'withdrawn', approved_by: null });
    expect(await discloseEvents(itemId)).toEqual([]);
    expect((await publicGet(`disclosures/${record}`)).statusCode).toBe(404);
  });

  onPostgres('two withdrawals of the disclosed text: one is recorded, the other refused', async () => {
    const { itemId, record } = await drafted();
    await approveDisclosure(t.ctx, w.actors.director, WHO, itemId, {
      title: '公开标题',
      text: TEXT,
      version: 1,
    });
    const withdraw = (reason: string) => () =>
      withdrawDisclosure(t.ctx, w.actors.director, WHO, itemId, { reason, version: 2 });
    expect(await race('disclosures', record, [withdraw('第一次'), withdraw('第二次')])).toEqual([
      'ok',
      'DISCLOSURE_STATE',
    ]);
    expect(await recordOf(record)).toMatchObject({
      status: 'withdrawn',
      withdraw_reason: '第一次',
      version: 3,
    });
    expect(await discloseEvents(itemId)).toEqual(['disclose', 'undisclose']);
  });

  onPostgres('two editors saving the same draft version: the second is told it was changed', async () => {
    const { itemId, record } = await drafted();
    const save = (title: string) => () =>
      prepareDisclosure(t.ctx, w.actors.editor, WHO, itemId, { title, text: TEXT, version: 1 });
    expect(await race('disclosures', record, [save('甲的标题'), save('乙的标题')])).toEqual([
      'ok',
      'CONFLICT',
    ]);
    expect(await recordOf(record)).toMatchObject({ status: 'draft', title: '甲的标题', version: 2 });
  });
});

describe('notice races (PostgreSQL)', () => {
  const draft = () =>
    createNotice(t.ctx, w.actors.director, WHO, {
      orgId: w.p.province.id,
      title: '关于报送年度信息的通知',
      body: '请各单位按时报送。',
      publishOn: '2020-01-01',
      pinned: false,
    });
  const noticeOf = (id: number) =>
    t.ctx.db.kysely.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const correct = (id: number, title: string, version: number) => () =>
    updateNotice(t.ctx, w.actors.director, WHO, id, {
      title,
      body: '请各单位按时报送。',
      publishOn: '2020-01-01',
      pinned: false,
      version,
    });

  onPostgres(
    'a notice withdrawn while it is being published stays withdrawn and off the portal',
    async () => {
      const id = await draft();
      const codes = await race('notices', id, [
        () => withdrawNotice(t.ctx, w.actors.director, WHO, id, { reason: '发错了', version: 1 }),
        () => publishNotice(t.ctx, w.actors.director, WHO, id, 1),
      ]);
      expect(codes).toEqual(['ok', 'NOTICE_STATE']);
      expect(await noticeOf(id)).toMatchObject({ status: 'withdrawn', published_at: null, version: 2 });
      expect((await publicGet(`notices/${id}`)).statusCode).toBe(404);
    },
  );

  onPostgres('a correction racing a withdrawal does not change the withdrawn notice', async () => {
    const id = await draft();
    await publishNotice(t.ctx, w.actors.director, WHO, id, 1);
    const codes = await race('notices', id, [
      () => withdrawNotice(t.ctx, w.actors.director, WHO, id, { reason: '已过时', version: 2 }),
      correct(id, '更正后的标题', 2),
    ]);
    expect(codes).toEqual(['ok', 'NOTICE_STATE']);
    expect(await noticeOf(id)).toMatchObject({
      status: 'withdrawn',
      title: '关于报送年度信息的通知',
      version: 3,
    });
  });

  onPostgres('two corrections of the same version: the second is told it was changed', async () => {
    const id = await draft();
    expect(await race('notices', id, [correct(id, '甲的更正', 1), correct(id, '乙的更正', 1)])).toEqual([
      'ok',
      'CONFLICT',
    ]);
    expect(await noticeOf(id)).toMatchObject({ status: 'draft', title: '甲的更正', version: 2 });
  });
});
