import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../lib/clock.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, makeProvince, makeUser, PASSWORD } from '../../test/factories.ts';
import { totpCode, totpStep } from './totp.ts';

let t: TestContext;
let province: Awaited<ReturnType<typeof makeProvince>>;

beforeAll(async () => {
  t = await createTestContext();
  province = await makeProvince(t.ctx);
  await makeUser(t.ctx, 'alice', province.party.id, [
    { role: 'member', orgId: province.party.id, scope: 'self' },
  ]);
});
afterAll(() => t.close());

const login = (loginName: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password } });

describe('login', () => {
  it('stores passwords as argon2id hashes', async () => {
    const row = await t.ctx.db.kysely
      .selectFrom('users')
      .select('password_hash')
      .where('login', '=', 'alice')
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('sets an httpOnly SameSite=Strict session cookie and returns the caller with permissions', async () => {
    const res = await login('alice', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'minyi_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.data.status).toBe('ok');
    expect(body.data.me.permissions).toEqual(['item.submit', 'performance.own']);
    const rows = await t.ctx.db.kysely
      .selectFrom('login_log')
      .selectAll()
      .where('login', '=', 'alice')
      .execute();
    expect(rows.at(-1)?.result).toBe('success');
  });

  it('logs in when the settings cache has expired (no read outside the open transaction)', async () => {
    t.ctx.settings.invalidate();
    const res = await Promise.race([
      login('alice', PASSWORD),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('login hung')), 5000)),
    ]);
    expect(res.statusCode).toBe(200);
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    const unknown = await login('nobody', 'whatever1A!');
    const wrong = await login('alice', 'whatever1A!');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json().error.code).toBe('LOGIN_FAILED');
  });

  it('locks an account for 15 minutes after 5 failures, with the same answer for unknown accounts', async () => {
    await makeUser(t.ctx, 'bob', province.party.id);
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await login('bob', 'Wrong#pass1')).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 423]);
    const locked = await login('bob', PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain('15分钟'); // the configured lockout time
    for (let i = 0; i < 5; i++) await login('ghost', 'Wrong#pass1');
    expect((await login('ghost', PASSWORD)).json()).toEqual(locked.json());
    t.ctx.clock.advance(15 * MINUTE + 1000);
    expect((await login('bob', PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a disabled account with the generic message', async () => {
    const carol = await makeUser(t.ctx, 'carol', province.party.id);
    await t.ctx.db.kysely.updateTable('users').set({ enabled: 0 }).where('id', '=', carol.id).execute();
    const res = await login('carol', PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('LOGIN_FAILED');
  });

  it('refuses a cross-site login form (Origin of another host)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', host: 'minyi.local' },
      payload: { login: 'alice', password: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('validates the body with a Chinese message', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: '' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('sessions', () => {
  it('answers 401 without a session and 403 CSRF_FAILED on a mutation without the token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const s = await loginAs(t.app, 'alice');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const s = await loginAs(t.app, 'alice');
    t.ctx.clock.advance(29 * MINUTE);
    expect((await call(t.app, s, 'GET', '/api/me')).statusCode).toBe(200);
    t.ctx.clock.advance(31 * MINUTE);
    expect((await call(t.app, s, 'GET', '/api/me')).statusCode).toBe(401);

    const s2 = await loginAs(t.app, 'alice');
    for (let i = 0; i < 25; i++) {
      t.ctx.clock.advance(29 * MINUTE);
      const res = await call(t.app, s2, 'GET', '/api/me');
      if (i < 24) expect(res.statusCode).toBe(200);
      else expect(res.statusCode).toBe(401);
    }
  });

  it('logs out and the cookie no longer works', async () => {
    const s = await loginAs(t.app, 'alice');
    expect((await call(t.app, s, 'POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await call(t.app, s, 'GET', '/api/me')).statusCode).toBe(401);
  });

  it('lists my sessions and revokes another one of mine', async () => {
    const a = await loginAs(t.app, 'alice');
    const b = await loginAs(t.app, 'alice');
    const list = (await call(t.app, a, 'GET', '/api/me/sessions')).json();
    const other = list.data.find((x: { current: boolean }) => !x.current);
    expect(list.data.filter((x: { current: boolean }) => x.current)).toHaveLength(1);
    expect((await call(t.app, a, 'DELETE', `/api/me/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await call(t.app, b, 'GET', '/api/me')).statusCode).toBe(401);
  });
});

describe('first login and password change', () => {
  it('forces a password change before anything else, enforcing the policy', async () => {
    await makeUser(
      t.ctx,
      'dave',
      province.party.id,
      [{ role: 'member', orgId: province.party.id, scope: 'self' }],
      { mustChangePassword: true },
    );
    const s = await loginAs(t.app, 'dave');
    const me = (await call(t.app, s, 'GET', '/api/me')).json();
    expect(me.data.requirements.passwordChange).toBe(true);
    const blocked = await call(t.app, s, 'GET', '/api/me/sessions');
    expect(blocked.statusCode).toBe(200); // allowed during setup
    const orgs = await call(t.app, s, 'GET', '/api/orgs');
    expect(orgs.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await call(t.app, s, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'password',
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('PASSWORD_WEAK');
    const withLogin = await call(t.app, s, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'Dave#2026xx',
    });
    expect(withLogin.json().error.message).toContain('登录名');
    const common = await call(t.app, s, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'P@ssw0rd',
    });
    expect(common.json().error.message).toContain('常见');
    const wrong = await call(t.app, s, 'POST', '/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'Qingshan#77a',
    });
    expect(wrong.json().error.code).toBe('PASSWORD_WRONG');
    const ok = await call(t.app, s, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'Qingshan#77a',
    });
    expect(ok.statusCode).toBe(200);
    expect((await call(t.app, s, 'GET', '/api/me')).json().data.requirements.passwordChange).toBe(false);
    expect((await login('dave', 'Qingshan#77a')).statusCode).toBe(200);
  });
});

describe('TOTP second factor', () => {
  it('enrols, then demands a code at login, refuses a replayed code and a wrong one', async () => {
    await makeUser(t.ctx, 'erin', province.party.id, [
      { role: 'member', orgId: province.party.id, scope: 'self' },
    ]);
    const s = await loginAs(t.app, 'erin');
    const setup = (await call(t.app, s, 'POST', '/api/me/totp/setup')).json();
    expect(setup.data.uri).toContain('otpauth://totp/');
    expect(setup.data.qrSvg).toContain('<svg');
    const now = () => t.ctx.clock.now().getTime();
    const bad = await call(t.app, s, 'POST', '/api/me/totp/enable', {
      code: '000000' === totpCode(setup.data.secret, totpStep(now())) ? '111111' : '000000',
    });
    expect(bad.json().error.code).toBe('TOTP_INVALID');
    const enable = await call(t.app, s, 'POST', '/api/me/totp/enable', {
      code: totpCode(setup.data.secret, totpStep(now())),
    });
    expect(enable.statusCode).toBe(200);

    const first = await login('erin', PASSWORD);
    expect(first.json().data.status).toBe('totp_required');
    const pending = `minyi_sid=${first.cookies.find((c) => c.name === 'minyi_sid')?.value}`;
    // A pending session is not a login.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: pending } })).statusCode,
    ).toBe(401);
    // The code used for enrolment cannot be replayed.
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      headers: { cookie: pending },
      payload: { code: totpCode(setup.data.secret, totpStep(now())) },
    });
    expect(replay.json().error.code).toBe('TOTP_INVALID');
    t.ctx.clock.advance(30_000);
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      headers: { cookie: pending },
      payload: { code: totpCode(setup.data.secret, totpStep(now())) },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().data.me.totpEnabled).toBe(true);
    const full = `minyi_sid=${done.cookies.find((c) => c.name === 'minyi_sid')?.value}`;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: full } })).statusCode,
    ).toBe(200);
    // The pending token was replaced, not upgraded.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: pending } })).statusCode,
    ).toBe(401);
  });

  it('counts wrong codes toward the account lockout, even after a correct password', async () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    await makeUser(t.ctx, 'gina', province.party.id);
    await t.ctx.db.kysely
      .updateTable('users')
      .set({ totp_enabled: 1, totp_secret: secret })
      .where('login', '=', 'gina')
      .execute();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const first = await login('gina', PASSWORD);
      expect(first.json().data.status).toBe('totp_required');
      const pending = `minyi_sid=${first.cookies.find((c) => c.name === 'minyi_sid')?.value}`;
      const code = totpCode(secret, totpStep(t.ctx.clock.now().getTime()));
      const wrong = code === '123456' ? '654321' : '123456';
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: { cookie: pending },
        payload: { code: wrong },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect((await login('gina', PASSWORD)).statusCode).toBe(423);
  });

  it('requires enrolment for roles the policy names', async () => {
    await t.ctx.settings.save({ ...(await t.ctx.settings.get()), totpRequiredRoles: ['sysadmin'] });
    await makeUser(t.ctx, 'frank', province.province.id, [
      { role: 'sysadmin', orgId: province.province.id, scope: 'all' },
    ]);
    const s = await loginAs(t.app, 'frank');
    const me = (await call(t.app, s, 'GET', '/api/me')).json();
    expect(me.data.requirements.totpEnroll).toBe(true);
    const res = await call(t.app, s, 'GET', '/api/users');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('TOTP_ENROLL_REQUIRED');
    await t.ctx.settings.save({ ...(await t.ctx.settings.get()), totpRequiredRoles: [] });
  });
});

describe('password age and policy settings', () => {
  it('forces a change once the password is older than the maximum age', async () => {
    await makeUser(t.ctx, 'olga', province.party.id, [
      { role: 'member', orgId: province.party.id, scope: 'self' },
    ]);
    const s = await loginAs(t.app, 'olga');
    expect((await call(t.app, s, 'GET', '/api/orgs')).json().error?.code).not.toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    t.ctx.clock.advance(91 * 24 * 60 * MINUTE);
    const fresh = await loginAs(t.app, 'olga');
    expect((await call(t.app, fresh, 'GET', '/api/me')).json().data.requirements.passwordChange).toBe(true);
    expect((await call(t.app, fresh, 'GET', '/api/orgs')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses to drop the three administrators from the second-factor list outside the demo', async () => {
    await makeUser(t.ctx, 'sys2', province.province.id, [
      { role: 'sysadmin', orgId: province.province.id, scope: 'all' },
    ]);
    const s = await loginAs(t.app, 'sys2');
    const settings = (await call(t.app, s, 'GET', '/api/settings')).json().data;
    const res = await call(t.app, s, 'PUT', '/api/settings', {
      ...settings,
      totpRequiredRoles: ['director'],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('三员');
    const ok = await call(t.app, s, 'PUT', '/api/settings', {
      ...settings,
      totpRequiredRoles: ['sysadmin', 'secadmin', 'auditor'],
    });
    expect(ok.statusCode).toBe(200);
    await t.ctx.settings.save({ ...(await t.ctx.settings.get()), totpRequiredRoles: [] });
  });
});

describe('security headers', () => {
  it('sends a CSP and the usual hardening headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.json().database.ok).toBe(true);
  });
});
