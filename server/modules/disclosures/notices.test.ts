/**
 * Notices (公告) on the portal: written by holders of `portal.manage` for their own CPPCC,
 * public only once published and from their publish day, corrected with a version check,
 * withdrawn with a reason and never deleted; every step audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeView } from '../../../shared/schemas/portal.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, type Session } from '../../test/factories.ts';
import { type ItemWorld, makeItemWorld } from '../../test/items.ts';

let t: TestContext;
let w: ItemWorld;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestContext();
  w = await makeItemWorld(t.ctx);
  for (const login of ['editor', 'director', 'cityeditor', 'sysadmin'])
    s[login] = await loginAs(t.app, login);
});
afterAll(() => t.close());

const today = () => new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const as = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
  call(t.app, s[who] as Session, method, `/api${url}`, body);
const input = (title: string, extra: Record<string, unknown> = {}) => ({
  orgId: w.p.province.id,
  title,
  body: `${title}。\n请各单位按时报送。`,
  publishOn: today(),
  pinned: false,
  ...extra,
});
const publicTitles = async () =>
  (
    (await t.app.inject({ method: 'GET', url: '/api/public/notices' })).json() as {
      data: { title: string; pinned: boolean }[];
    }
  ).data.map((n) => n.title);

describe('portal notices', () => {
  it('the director writes a draft, publishes it, corrects it and withdraws it; the public follows', async () => {
    const created = await as('director', 'POST', '/notices', input('关于开展2026年度信息工作评选的通知'));
    expect(created.statusCode).toBe(200);
    const draft = (created.json() as { data: NoticeView }).data;
    expect(draft).toMatchObject({
      status: 'draft',
      org: { id: w.p.province.id },
      createdBy: { name: '何建华' },
    });
    expect(await publicTitles()).not.toContain(draft.title);

    const published = await as('director', 'POST', `/notices/${draft.id}/publish`, {
      version: draft.version,
    });
    const p = (published.json() as { data: NoticeView }).data;
    expect(p).toMatchObject({ status: 'published', publishedBy: { name: '何建华' } });
    expect(await publicTitles()).toContain(draft.title);
    expect(
      (await as('director', 'POST', `/notices/${draft.id}/publish`, { version: p.version })).json().error
        .code,
    ).toBe('NOTICE_STATE');

    // A correction shows at once; a stale one is refused.
    const fixed = await as('director', 'PUT', `/notices/${draft.id}`, {
      ...input('关于开展2026年度信息工作评选的通知（更正）', { pinned: true }),
      version: p.version,
    });
    expect(fixed.statusCode).toBe(200);
    expect(await publicTitles()).toContain('关于开展2026年度信息工作评选的通知（更正）');
    const stale = await as('director', 'PUT', `/notices/${draft.id}`, {
      ...input('旧稿'),
      version: p.version,
    });
    expect(stale.json().error.code).toBe('CONFLICT');

    const v = (fixed.json() as { data: NoticeView }).data.version;
    const gone = await as('director', 'POST', `/notices/${draft.id}/withdraw`, {
      reason: '评选方案调整',
      version: v,
    });
    expect((gone.json() as { data: NoticeView }).data.withdrawn).toMatchObject({ reason: '评选方案调整' });
    expect(await publicTitles()).not.toContain('关于开展2026年度信息工作评选的通知（更正）');
    expect(
      (await as('director', 'PUT', `/notices/${draft.id}`, { ...input('再改'), version: v + 1 })).json().error
        .code,
    ).toBe('NOTICE_STATE');
    // Kept on file for the office, with the whole history in the audit log.
    const list = (await as('director', 'GET', '/notices')).json() as { data: NoticeView[] };
    expect(list.data.find((n) => n.id === draft.id)?.status).toBe('withdrawn');
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'notice')
      .where('target_id', '=', String(draft.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'notice.create',
      'notice.publish',
      'notice.update',
      'notice.withdraw',
    ]);
  });

  it('pinned notices come first, and a notice waits for its publish day', async () => {
    const make = async (title: string, extra: Record<string, unknown>) => {
      const n = (await as('director', 'POST', '/notices', input(title, extra))).json() as {
        data: NoticeView;
      };
      await as('director', 'POST', `/notices/${n.data.id}/publish`, { version: n.data.version });
    };
    await make('普通公告', {});
    await make('置顶公告', { pinned: true, publishOn: '2026-01-01' });
    await make('定时公告', { publishOn: '2999-12-31' });
    const titles = await publicTitles();
    expect(titles[0]).toBe('置顶公告');
    expect(titles).toContain('普通公告');
    expect(titles).not.toContain('定时公告');
  });

  it('only holders of portal.manage write notices, and only for their own CPPCC', async () => {
    expect((await as('editor', 'POST', '/notices', input('编辑不能发布'))).json().error.code).toBe(
      'FORBIDDEN',
    );
    expect((await as('editor', 'GET', '/notices')).statusCode).toBe(403);
    expect((await as('sysadmin', 'GET', '/notices')).statusCode).toBe(403);
    expect(
      (await as('director', 'POST', '/notices', input('外市公告', { orgId: w.p.city.id }))).json().error.code,
    ).toBe('FORBIDDEN');
    const own = (await as('director', 'POST', '/notices', input('本级公告'))).json() as { data: NoticeView };
    expect((await as('cityeditor', 'GET', `/notices/${own.data.id}`)).statusCode).toBe(404);
    const bad = await as('director', 'POST', '/notices', input('日期有误', { publishOn: '2026-13-45' }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('日期');
  });
});
