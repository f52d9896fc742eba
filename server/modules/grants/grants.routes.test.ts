import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, makeProvince, makeUser, type Session } from '../../test/factories.ts';

let t: TestContext;
let p: Awaited<ReturnType<typeof makeProvince>>;
let sec: Session;
let ids: Record<string, number>;

beforeAll(async () => {
  t = await createTestContext();
  p = await makeProvince(t.ctx);
  const mk = async (login: string, orgId: number, grants: Parameters<typeof makeUser>[3] = []) =>
    (await makeUser(t.ctx, login, orgId, grants)).id;
  ids = {
    sec: await mk('sec', p.province.id, [{ role: 'secadmin', orgId: p.province.id, scope: 'all' }]),
    sys: await mk('sys', p.province.id, [{ role: 'sysadmin', orgId: p.province.id, scope: 'all' }]),
    citySec: await mk('citysec', p.city.id, [{ role: 'secadmin', orgId: p.city.id, scope: 'subtree' }]),
    alice: await mk('alice', p.infoOffice.id),
    bob: await mk('bob', p.county.id),
  };
  sec = await loginAs(t.app, 'sec');
});
afterAll(() => t.close());

const grant = (s: Session, userId: number, role: string, orgId: number, scope: string) =>
  call(t.app, s, 'POST', '/api/grants', { userId, role, orgId, scope });

describe('role grants', () => {
  it('lets the security administrator grant a role, audited, and the user gains its permissions', async () => {
    const res = await grant(sec, ids.alice!, 'editor', p.province.id, 'subtree');
    expect(res.statusCode).toBe(200);
    const alice = await loginAs(t.app, 'alice');
    const me = (await call(t.app, alice, 'GET', '/api/me')).json().data;
    expect(me.permissions).toContain('item.edit');
    const row = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'grant.create')
      .executeTakeFirstOrThrow();
    expect(row.actor_login).toBe('sec');
    expect(row.target_id).toBe(String(ids.alice));
    expect(JSON.parse(row.summary).after).toEqual({
      role: 'editor',
      org: '政协安徽省委员会',
      scope: 'subtree',
    });
  });

  it('does not let the system administrator grant roles', async () => {
    const sys = await loginAs(t.app, 'sys');
    const res = await grant(sys, ids.bob!, 'liaison', p.county.id, 'org');
    expect(res.statusCode).toBe(403);
  });

  it('refuses a second of the three administrator roles and business roles for administrators', async () => {
    const twoAdmins = await grant(sec, ids.sys!, 'auditor', p.province.id, 'all');
    expect(twoAdmins.statusCode).toBe(403);
    expect(twoAdmins.json().error.code).toBe('SEPARATION_OF_DUTIES');
    const business = await grant(sec, ids.sys!, 'editor', p.province.id, 'subtree');
    expect(business.json().error.code).toBe('SEPARATION_OF_DUTIES');
    const toAlice = await grant(sec, ids.alice!, 'auditor', p.province.id, 'all');
    expect(toAlice.json().error.code).toBe('SEPARATION_OF_DUTIES');
  });

  it('refuses granting to oneself', async () => {
    const res = await grant(sec, ids.sec!, 'secadmin', p.city.id, 'org');
    expect(res.json().error.code).toBe('SEPARATION_OF_DUTIES');
  });

  it('never lets a grantor hand out a wider scope than its own', async () => {
    const citySec = await loginAs(t.app, 'citysec');
    const wide = await grant(citySec, ids.bob!, 'liaison', p.city.id, 'all');
    expect(wide.statusCode).toBe(403);
    const outside = await grant(citySec, ids.bob!, 'liaison', p.otherCity.id, 'org');
    expect(outside.statusCode).toBe(404);
    const ok = await grant(citySec, ids.bob!, 'liaison', p.county.id, 'org');
    expect(ok.statusCode).toBe(200);
    const list = (await call(t.app, citySec, 'GET', '/api/grants')).json();
    expect(
      list.data.every((g: { orgName: string }) =>
        ['政协合肥市委员会', '政协肥西县委员会'].includes(g.orgName),
      ),
    ).toBe(true);
  });

  it('refuses grants on external recipients and duplicates, with Chinese reasons', async () => {
    const rcpt = await grant(sec, ids.bob!, 'liaison', p.recipient.id, 'org');
    expect(rcpt.statusCode).toBe(422);
    expect(rcpt.json().error.message).toContain('外部');
    const dup = await grant(sec, ids.alice!, 'editor', p.province.id, 'subtree');
    expect(dup.json().error.code).toBe('DUPLICATE');
  });

  it('revokes a grant and the permission is gone at the next request', async () => {
    const list = (await call(t.app, sec, 'GET', `/api/grants?userId=${ids.alice}`)).json();
    const alice = await loginAs(t.app, 'alice');
    expect((await call(t.app, sec, 'DELETE', `/api/grants/${list.data[0].id}`)).statusCode).toBe(200);
    expect((await call(t.app, alice, 'GET', '/api/me')).json().data.permissions).toEqual([]);
  });
});
