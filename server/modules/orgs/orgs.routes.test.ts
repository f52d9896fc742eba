import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, makeProvince, makeUser, type Session } from '../../test/factories.ts';

let t: TestContext;
let p: Awaited<ReturnType<typeof makeProvince>>;
let sys: Session;
let citySys: Session;

beforeAll(async () => {
  t = await createTestContext();
  p = await makeProvince(t.ctx);
  await makeUser(t.ctx, 'sys', p.province.id, [{ role: 'sysadmin', orgId: p.province.id, scope: 'all' }]);
  await makeUser(t.ctx, 'citysys', p.city.id, [{ role: 'sysadmin', orgId: p.city.id, scope: 'subtree' }]);
  await makeUser(t.ctx, 'mem', p.party.id, [{ role: 'member', orgId: p.party.id, scope: 'self' }]);
  sys = await loginAs(t.app, 'sys');
  citySys = await loginAs(t.app, 'citysys');
});
afterAll(() => t.close());

describe('organisations', () => {
  it('lists the tree within the caller’s scope', async () => {
    const all = (await call(t.app, sys, 'GET', '/api/orgs')).json();
    expect(all.total).toBe(7);
    const city = (await call(t.app, citySys, 'GET', '/api/orgs')).json();
    expect(city.data.map((o: { name: string }) => o.name).sort()).toEqual(
      ['政协合肥市委员会', '政协肥西县委员会'].sort(),
    );
  });

  it('refuses members (403) and anonymous callers (401)', async () => {
    const mem = await loginAs(t.app, 'mem');
    expect((await call(t.app, mem, 'GET', '/api/orgs')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/orgs' })).statusCode).toBe(401);
  });

  it('creates a child of an allowed type and refuses a disallowed one in Chinese', async () => {
    const ok = await call(t.app, sys, 'POST', '/api/orgs', {
      parentId: p.city.id,
      name: '政协长丰县委员会',
      type: 'cppcc_county',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.parentId).toBe(p.city.id);
    const bad = await call(t.app, sys, 'POST', '/api/orgs', {
      parentId: p.county.id,
      name: '政协某市委员会',
      type: 'cppcc_city',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('不能设立');
    const secondRoot = await call(t.app, sys, 'POST', '/api/orgs', {
      parentId: null,
      name: '另一个省政协',
      type: 'cppcc_province',
    });
    expect(secondRoot.json().error.code).toBe('DUPLICATE');
  });

  it('keeps a city administrator inside its subtree (404 outside, not 403)', async () => {
    const res = await call(t.app, citySys, 'POST', '/api/orgs', {
      parentId: p.otherCity.id,
      name: '政协繁昌区委员会',
      type: 'cppcc_county',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('renames with optimistic versioning: a stale version is a conflict', async () => {
    const org = (await call(t.app, sys, 'GET', '/api/orgs'))
      .json()
      .data.find((o: { id: number }) => o.id === p.otherCity.id);
    const ok = await call(t.app, sys, 'PATCH', `/api/orgs/${org.id}`, {
      name: '政协芜湖市委员会（新）',
      version: org.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.shortName).toBe(org.shortName);
    const stale = await call(t.app, sys, 'PATCH', `/api/orgs/${org.id}`, {
      name: '又改了',
      version: org.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
  });

  it('moves a subtree and rewrites the paths below it; refuses a move under itself', async () => {
    const county = await call(t.app, sys, 'GET', '/api/orgs');
    const c = county.json().data.find((o: { id: number }) => o.id === p.county.id);
    const moved = await call(t.app, sys, 'PATCH', `/api/orgs/${p.county.id}`, {
      parentId: p.otherCity.id,
      version: c.version,
    });
    expect(moved.statusCode).toBe(200);
    const row = await t.ctx.db.kysely
      .selectFrom('organizations')
      .select('path')
      .where('id', '=', p.county.id)
      .executeTakeFirstOrThrow();
    expect(row.path).toBe(`${p.otherCity.path}${p.county.id}/`);
    const city = (await call(t.app, sys, 'GET', '/api/orgs'))
      .json()
      .data.find((o: { id: number }) => o.id === p.city.id);
    const loop = await call(t.app, sys, 'PATCH', `/api/orgs/${p.city.id}`, {
      parentId: p.city.id,
      version: city.version,
    });
    expect(loop.statusCode).toBe(422);
  });

  it('deactivates only when no active children, and never deletes what is referenced', async () => {
    const list = (await call(t.app, sys, 'GET', '/api/orgs')).json().data;
    const otherCity = list.find((o: { id: number }) => o.id === p.otherCity.id);
    const refused = await call(t.app, sys, 'PATCH', `/api/orgs/${p.otherCity.id}`, {
      active: false,
      version: otherCity.version,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('下级');

    const inUse = await call(t.app, sys, 'DELETE', `/api/orgs/${p.party.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('IN_USE');
    const party = list.find((o: { id: number }) => o.id === p.party.id);
    const off = await call(t.app, sys, 'PATCH', `/api/orgs/${p.party.id}`, {
      active: false,
      version: party.version,
    });
    expect(off.json().data.active).toBe(false);

    const fresh = (
      await call(t.app, sys, 'POST', '/api/orgs', {
        parentId: p.province.id,
        name: '临时智库',
        type: 'think_tank',
      })
    ).json().data;
    expect((await call(t.app, sys, 'DELETE', `/api/orgs/${fresh.id}`)).statusCode).toBe(200);
  });
});

describe('organisation tree for office staff', () => {
  it('an editor reads the tree of their scope (to filter and refer) but cannot change it', async () => {
    await makeUser(t.ctx, 'orgeditor', p.infoOffice.id, [
      { role: 'editor', orgId: p.city.id, scope: 'subtree' },
    ]);
    const editor = await loginAs(t.app, 'orgeditor');
    const list = (await call(t.app, editor, 'GET', '/api/orgs')).json();
    const subtree = await t.ctx.db.kysely
      .selectFrom('organizations')
      .select('id')
      .where('path', 'like', `${p.city.path}%`)
      .execute();
    expect(list.data.map((o: { id: number }) => o.id).sort()).toEqual(subtree.map((o) => o.id).sort());
    expect(list.data.map((o: { id: number }) => o.id)).not.toContain(p.party.id);
    expect(list.abilities).toEqual({ create: false, update: false });
    expect(
      (
        await call(t.app, editor, 'POST', '/api/orgs', {
          parentId: p.city.id,
          name: '经济界',
          type: 'sector',
        })
      ).statusCode,
    ).toBe(403);
  });
});
