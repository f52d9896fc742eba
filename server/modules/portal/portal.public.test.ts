/**
 * What the public may read, and nothing more. Items are written with authors, a writer, a phone
 * number, internal notes and a registration number; every public route's JSON is walked and
 * must use only the allowed keys and carry none of those words. Undisclosed, consent-less,
 * draft and withdrawn records never appear; notices appear only once published and on their day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { type IssueWorld, makeIssueWorld } from '../../test/issues.ts';
import { act, WHO } from '../../test/items.ts';
import { issuedItem, PHONE } from '../disclosures/disclosures.fixtures.ts';
import { liveDisclosure } from '../disclosures/disclosures.repository.ts';
import {
  approveDisclosure,
  prepareDisclosure,
  withdrawDisclosure,
} from '../disclosures/disclosures.service.ts';
import { createNotice, publishNotice, withdrawNotice } from '../disclosures/notices.service.ts';
import { findItem } from '../items/items.repository.ts';

let t: TestContext;
let w: IssueWorld;
const ids = { disclosed: 0, draft: 0, noConsent: 0, withdrawn: 0 };
const disclosureIds: Record<keyof typeof ids, number | null> = {
  disclosed: null,
  draft: null,
  noConsent: null,
  withdrawn: null,
};
const notices = { published: 0, draft: 0, future: 0, withdrawn: 0 };
/** Words that are in the database and must never reach the public. */
const secrets: string[] = [];

const ALLOWED_KEYS = new Set([
  'data',
  'total',
  'facets',
  'categories',
  'years',
  'id',
  'title',
  'text',
  'body',
  'publishOn',
  'pinned',
  'disclosedOn',
  'category',
  'topic',
  'publication',
  'cppcc',
]);

const today = () => new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const ORIGINAL = '原文独有段落：据内部座谈会记录，某局负责同志表示经费缺口较大。';

beforeAll(async () => {
  t = await createTestContext();
  w = await makeIssueWorld(t.ctx);
  const item = (title: string, disclosable = true) =>
    issuedItem(t.ctx, w, { title, disclosable, situation: `${ORIGINAL}${title}` });
  ids.disclosed = await item('内部标题甲：关于加强农村养老服务供给的建议');
  ids.draft = await item('内部标题乙：关于优化营商环境的建议');
  ids.noConsent = await item('内部标题丙：关于城市更新的建议', false);
  ids.withdrawn = await item('内部标题丁：关于学前教育的建议');
  // An internal note on the timeline of the disclosed item.
  await act(t.ctx, w.actors.editor, ids.disclosed, 'archive');
  const approve = (id: number, title: string) =>
    approveDisclosure(t.ctx, w.actors.director, WHO, id, {
      title,
      text: `公开段落一：${title}。\n公开段落二：建议加大投入。`,
      version: null,
    });
  await approve(ids.disclosed, '关于加强农村养老服务的建议');
  await prepareDisclosure(t.ctx, w.actors.editor, WHO, ids.draft, {
    title: '待批准的公开标题',
    text: '待批准的公开文本',
    version: null,
  });
  await approve(ids.withdrawn, '即将撤销的公开标题');
  for (const key of Object.keys(ids) as (keyof typeof ids)[])
    disclosureIds[key] =
      (
        await t.ctx.db.kysely
          .selectFrom('disclosures')
          .select('id')
          .where('item_id', '=', ids[key])
          .executeTakeFirst()
      )?.id ?? null;

  const notice = async (title: string, publishOn: string) =>
    createNotice(t.ctx, w.actors.director, WHO, {
      orgId: w.p.province.id,
      title,
      body: `${title}正文第一段。\n第二段。`,
      publishOn,
      pinned: false,
    });
  notices.published = await notice('关于征集2027年度社情民意信息选题的通知', today());
  await publishNotice(t.ctx, w.actors.director, WHO, notices.published, 1);
  notices.draft = await notice('草稿公告不得公开', today());
  notices.future = await notice('明日才发布的公告', '2999-01-01');
  await publishNotice(t.ctx, w.actors.director, WHO, notices.future, 1);
  notices.withdrawn = await notice('已撤下的公告', today());
  await publishNotice(t.ctx, w.actors.director, WHO, notices.withdrawn, 1);
  await withdrawNotice(t.ctx, w.actors.director, WHO, notices.withdrawn, { reason: '发布有误', version: 2 });

  for (const id of Object.values(ids)) {
    const row = await findItem(t.ctx.db.kysely, id);
    secrets.push(row?.number as string, row?.title as string);
  }
  secrets.push(
    ORIGINAL,
    PHONE,
    '韩志远',
    '王丽',
    '林静',
    '何建华',
    w.p.party.name,
    w.users.author.login,
    '待批准的公开',
    '草稿公告',
    '明日才发布',
    '已撤下的公告',
    '发布有误',
  );
  expect(secrets.every((s) => typeof s === 'string' && s.length > 1)).toBe(true);
});
afterAll(() => t.close());

const anon = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

/** Every key of the JSON is allowed and no string carries a secret. */
function assertPublic(json: unknown, where: string) {
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        expect(ALLOWED_KEYS.has(k), `${where}: key ${path}.${k}`).toBe(true);
        walk(x, `${path}.${k}`);
      }
    else if (typeof v === 'string')
      for (const s of secrets) expect(v.includes(s), `${where}: ${path} carries “${s}”`).toBe(false);
  };
  walk(json, '');
}

/** Every public route the portal has, walked; returns the answers by URL. */
async function walkPortal() {
  const answers = new Map<string, { status: number; json: unknown }>();
  const urls = [
    '/api/public/notices',
    '/api/public/notices?page=2&pageSize=1',
    '/api/public/disclosures',
    `/api/public/disclosures?year=${today().slice(0, 4)}`,
    '/api/public/disclosures?q=养老',
    '/api/public/disclosures?q=%25',
    ...Object.values(notices).map((id) => `/api/public/notices/${id}`),
    ...Object.values(disclosureIds).flatMap((id) => (id === null ? [] : [`/api/public/disclosures/${id}`])),
    ...Object.values(ids).map((id) => `/api/public/disclosures/${id}`),
  ];
  for (const url of urls) {
    const res = await anon(url);
    expect([200, 404], url).toContain(res.statusCode);
    const json = res.json() as unknown;
    if (res.statusCode === 200) assertPublic(json, url);
    else expect(res.body).not.toContain('内部标题');
    answers.set(url, { status: res.statusCode, json });
  }
  return answers;
}

describe('the public portal carries nothing internal', () => {
  it('walks every public route: allowed keys only, no author, phone, number, note or original text', async () => {
    const answers = await walkPortal();
    const list = answers.get('/api/public/disclosures')?.json as { data: { id: number; title: string }[] };
    expect(list.data.map((d) => d.title).sort()).toEqual(
      ['关于加强农村养老服务的建议', '即将撤销的公开标题'].sort(),
    );
    const one = answers.get(`/api/public/disclosures/${disclosureIds.disclosed}`)?.json as {
      data: Record<string, unknown>;
    };
    expect(one.data).toMatchObject({
      title: '关于加强农村养老服务的建议',
      publication: '社情民意',
      cppcc: '政协安徽省委员会',
      disclosedOn: today(),
    });
    expect(String(one.data.text)).toContain('公开段落二');
    // Draft, consent-less and item ids are not disclosure ids that answer.
    expect(answers.get(`/api/public/disclosures/${disclosureIds.draft}`)?.status).toBe(404);
    expect(disclosureIds.noConsent).toBeNull();
    const noticeList = answers.get('/api/public/notices')?.json as { data: { id: number }[]; total: number };
    expect(noticeList.data.map((n) => n.id)).toEqual([notices.published]);
    expect(noticeList.total).toBe(1);
    for (const id of [notices.draft, notices.future, notices.withdrawn])
      expect(answers.get(`/api/public/notices/${id}`)?.status).toBe(404);
    expect(answers.get(`/api/public/notices/${notices.published}`)?.json).toMatchObject({
      data: { title: '关于征集2027年度社情民意信息选题的通知', body: expect.stringContaining('第二段') },
    });
  });

  it('filters by category, year and title words; wildcards are literal', async () => {
    const category = (
      (await anon(`/api/public/disclosures/${disclosureIds.disclosed}`)).json() as {
        data: { category: string };
      }
    ).data.category;
    expect(category).not.toBe('');
    const by = async (qs: string) =>
      (
        (await anon(`/api/public/disclosures?${qs}`)).json() as { data: { title: string }[]; total: number }
      ).data.map((d) => d.title);
    expect(await by(`category=${encodeURIComponent(category)}`)).toHaveLength(2);
    expect(await by('category=不存在的分类')).toEqual([]);
    expect(await by('year=2001')).toEqual([]);
    expect(await by(`q=${encodeURIComponent('撤销')}`)).toEqual(['即将撤销的公开标题']);
    expect(await by('q=%25')).toEqual([]);
    const facets = ((await anon('/api/public/disclosures')).json() as { facets: unknown }).facets;
    expect(facets).toEqual({ categories: [category], years: [Number(today().slice(0, 4))] });
    expect((await anon('/api/public/disclosures?pageSize=500')).statusCode).toBe(422);
  });

  it('a withdrawn disclosure vanishes at once, also from a revalidating cache', async () => {
    const url = '/api/public/disclosures';
    const first = await anon(url);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const etag = String(first.headers.etag);
    expect((await anon(url, { 'if-none-match': etag })).statusCode).toBe(304);
    const live = await liveDisclosure(t.ctx.db.kysely, ids.withdrawn);
    await withdrawDisclosure(t.ctx, w.actors.director, WHO, ids.withdrawn, {
      reason: '涉及内容需核实',
      version: live?.version as number,
    });
    secrets.push('即将撤销的公开标题', '涉及内容需核实');
    const after = await anon(url, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect((after.json() as { data: { title: string }[] }).data.map((d) => d.title)).toEqual([
      '关于加强农村养老服务的建议',
    ]);
    expect((await anon(`/api/public/disclosures/${disclosureIds.withdrawn}`)).statusCode).toBe(404);
    await walkPortal();
  });

  it('staff routes stay closed to the anonymous reader', async () => {
    for (const url of ['/api/disclosures', '/api/notices', `/api/items/${ids.disclosed}/disclosure`])
      expect((await anon(url)).statusCode).toBe(401);
  });
});
