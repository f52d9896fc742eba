import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../server/modules/auth/totp.ts';
import { ERROR_CODES } from '../shared/errors.ts';
import {
  expectLoginError,
  type Harness,
  loginAs,
  logoutVia,
  PASSWORD,
  registerHarness,
  submitLogin,
  textOf,
  toast,
  WAIT_MS,
} from './harness.ts';

const LOGIN_FAILED = ERROR_CODES.LOGIN_FAILED.message;
const LOCKED = '登录失败次数过多，该账号已临时锁定';

let h: Harness;

registerHarness((started) => {
  h = started;
});

async function menuLabels(page: Page): Promise<string[]> {
  const items = page.getByTestId('menu').locator('li.ant-menu-item');
  await items.first().waitFor();
  return (await items.allTextContents()).map((text) => text.trim());
}

async function auditActions(login: string): Promise<string[]> {
  const rows = await h.ctx.db.kysely
    .selectFrom('audit_log')
    .select('action')
    .where('actor_login', '=', login)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

describe('authentication', () => {
  it('login and logout: editor signs in through the form, sees only its menu, and signs out', async () => {
    const page = await h.newPage();
    await page.goto('/');
    // Anonymous visitors land on the login page.
    await page.waitForURL(/\/login$/);
    await page.getByText('用户登录').waitFor();

    await submitLogin(page, 'editor', PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await expect
      .poll(() => page.getByTestId('header-user').textContent(), { timeout: WAIT_MS })
      .toContain('林静');
    await page.getByRole('heading', { name: '您好，林静' }).waitFor();
    await page.getByText('登录名 editor').waitFor();
    // 信息处编辑 on 政协安徽省委员会 is the editor's role, listed under 我的角色.
    await page.getByText('信息处编辑').first().waitFor();

    const labels = await menuLabels(page);
    expect(labels).toEqual([
      '工作台',
      '信息处理',
      '值班安排',
      '公开与公告',
      '刊物编发',
      '刊物',
      '交办件',
      '督办',
      '统计分析',
      '通报与报告',
      '委员履职',
      '计分规则',
      '评选表彰',
      '个人设置',
    ]);
    // Under their headings: 刊物工作, 交办督办, 考核评价.
    expect(await page.getByTestId('menu').locator('.ant-menu-item-group-title').allTextContents()).toEqual([
      '刊物工作',
      '交办督办',
      '考核评价',
    ]);
    expect(labels).not.toContain('用户管理');
    expect(labels).not.toContain('审计日志');
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);

    // The session cookie is valid on the server.
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(200);
    expect((await me.json()).data.login).toBe('editor');

    await logoutVia(page);
    await page.getByText('用户登录').waitFor();
    // The session is gone on the server, and the logout is audited.
    expect((await page.request.get('/api/me')).status()).toBe(401);
    expect(await auditActions('editor')).toEqual(['auth.login', 'auth.logout']);
    // Going back to the workbench is not possible any more.
    await page.goto('/');
    await page.waitForURL(/\/login$/);
    await page.getByTestId('login-input').waitFor();
  });

  it('wrong password and lockout: five failures lock the account for 15 minutes, unknown names alike', async () => {
    const { lockoutThreshold, lockoutMinutes } = await h.ctx.settings.get();
    expect(lockoutThreshold).toBe(5);
    expect(lockoutMinutes).toBe(15);
    const page = await h.newPage();
    await page.goto('/login');

    for (const login of ['leader', 'no_such_user']) {
      for (let attempt = 1; attempt <= 4; attempt++) {
        await submitLogin(page, login, `Wrong#Pass${attempt}x`);
        await expectLoginError(page, LOGIN_FAILED);
        expect(await page.getByTestId('login-error').textContent()).not.toContain('15分钟');
        // The password field is cleared after a failure.
        expect(await page.getByTestId('password-input').inputValue()).toBe('');
      }
      await submitLogin(page, login, 'Wrong#Pass5x');
      await expectLoginError(page, '15分钟');
      expect(await page.getByTestId('login-error').textContent()).toContain(LOCKED);

      // While locked, even the right password is refused with the same message.
      await submitLogin(page, login, PASSWORD);
      await expectLoginError(page, LOCKED);
      expect(await page.getByTestId('login-error').textContent()).toContain('15分钟');
      expect(page.url()).toMatch(/\/login$/);
      expect(await page.getByTestId('header-user').count()).toBe(0);
    }

    // The server holds the lock for about 15 minutes on both names.
    const throttles = await h.ctx.db.kysely
      .selectFrom('login_throttle')
      .select(['login', 'locked_until'])
      .where('login', 'in', ['leader', 'no_such_user'])
      .orderBy('login')
      .execute();
    expect(throttles.map((t) => t.login)).toEqual(['leader', 'no_such_user']);
    for (const t of throttles) {
      const minutes = (Date.parse(t.locked_until ?? '') - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(lockoutMinutes - 2);
      expect(minutes).toBeLessThanOrEqual(lockoutMinutes);
    }
    const log = await h.ctx.db.kysely
      .selectFrom('login_log')
      .select('result')
      .where('login', '=', 'leader')
      .orderBy('id')
      .execute();
    expect(log.map((row) => row.result)).toEqual([
      'bad_credentials',
      'bad_credentials',
      'bad_credentials',
      'bad_credentials',
      'locked',
      'locked',
    ]);
    expect(await auditActions('leader')).toEqual([]);
  });

  it('TOTP login: a user binds TOTP in 个人设置, then must enter a fresh code after the password', async () => {
    const login = 'director';
    const user = () =>
      h.ctx.db.kysely
        .selectFrom('users')
        .select(['totp_enabled', 'totp_last_step', 'totp_secret'])
        .where('login', '=', login)
        .executeTakeFirstOrThrow();

    const page = await h.newPage();
    await loginAs(page, login);
    await page.getByTestId('menu-profile').click();
    await page.waitForURL(/\/profile$/);
    await page.getByText('动态验证码（双因素认证）').waitFor();
    await page.getByText('未启用').waitFor();

    await page.getByTestId('totp-enroll').click();
    const secretEl = page.getByTestId('totp-secret');
    await secretEl.waitFor();
    await page.getByTestId('totp-qr').waitFor();
    const secret = (await textOf(secretEl)).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect((await user()).totp_secret).toBe(secret);

    await page.getByTestId('totp-input').fill(totpCode(secret, totpStep(Date.now())));
    await page.getByTestId('totp-submit').click();
    await toast(page, '动态验证码已绑定').waitFor();
    await page.getByText('已启用').waitFor();
    await page.getByTestId('totp-disable').waitFor();
    const enabled = await user();
    expect(enabled.totp_enabled).toBe(1);
    const usedStep = enabled.totp_last_step;
    expect(usedStep).toBeGreaterThan(0);

    await logoutVia(page);
    await submitLogin(page, login, PASSWORD);
    // The password alone does not sign in: the second step asks for the code.
    await page.getByRole('heading', { name: '动态验证码', exact: true }).waitFor();
    await page.getByTestId('totp-input').waitFor();
    expect(page.url()).toMatch(/\/login$/);
    expect((await page.request.get('/api/me')).status()).toBe(401);

    // The code that bound the account belongs to a step already used: refused.
    await page.getByTestId('totp-input').fill(totpCode(secret, usedStep));
    await page.getByTestId('totp-submit').click();
    await expectLoginError(page, ERROR_CODES.TOTP_INVALID.message);

    // Wait for the next 30-second step, then the current code signs in.
    const nextStepAt = (usedStep + 1) * 30_000;
    if (Date.now() < nextStepAt)
      await new Promise((resolve) => setTimeout(resolve, nextStepAt - Date.now() + 250));
    const step = totpStep(Date.now());
    expect(step).toBeGreaterThan(usedStep);
    await page.getByTestId('totp-input').fill(totpCode(secret, step));
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/totp'));
    await page.getByTestId('totp-submit').click();
    expect((await answered).status()).toBe(200);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: '您好，何建华' }).waitFor();

    expect((await user()).totp_last_step).toBe(step);
    const logins = await h.ctx.db.kysely
      .selectFrom('audit_log')
      .select('summary')
      .where('actor_login', '=', login)
      .where('action', '=', 'auth.login')
      .orderBy('id')
      .execute();
    expect(logins.map((row) => JSON.parse(row.summary).factor)).toEqual(['password', 'password+totp']);
    expect(await auditActions(login)).toContain('auth.totp_enable');
  }, 180_000);
});
