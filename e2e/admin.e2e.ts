/**
 * The administrators at work, one story in order: the system administrator creates a user who
 * must change the one-time password, the security administrator grants that user a role (and
 * is refused a 三员分立 violation), the audit administrator reads and verifies the record.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../shared/errors.ts';
import { checkPassword } from '../shared/password-policy.ts';
import {
  type Harness,
  loginAs,
  logoutVia,
  openDropdown,
  pickOption,
  pickTreeNode,
  registerHarness,
  submitLogin,
  textOf,
  toast,
  WAIT_MS,
} from './harness.ts';

const NEW_USER = { login: 'e2e_wang', realName: '王晓东', mobile: '13912345678', org: '研究室' };
const NEW_PASSWORD = 'Xinmima#2026ok';
/** Two character classes only: refused by the policy. */
const WEAK_PASSWORD = 'abcdefgh1';

let h: Harness;
/** Set by the first test; the later ones fall back to a demo member if it did not run. */
let created: { login: string; realName: string } | null = null;

registerHarness((started) => {
  h = started;
});

function userRow(login: string) {
  return h.ctx.db.kysely.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirstOrThrow();
}

async function grantsOf(login: string) {
  return h.ctx.db.kysely
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('organizations', 'organizations.id', 'role_grants.org_id')
    .select(['role_grants.role', 'role_grants.scope', 'organizations.name as org'])
    .where('users.login', '=', login)
    .orderBy('role_grants.id')
    .execute();
}

describe('administration', () => {
  it('first-login password change: a user created by sysadmin must replace the one-time password', async () => {
    expect(checkPassword(WEAK_PASSWORD, NEW_USER.login)).not.toEqual([]);
    expect(checkPassword(NEW_PASSWORD, NEW_USER.login)).toEqual([]);

    const page = await h.newPage();
    await loginAs(page, 'sysadmin');
    await page.getByTestId('menu-users').click();
    await page.waitForURL(/\/users$/);
    await page.getByTestId('user-table').locator('tr.ant-table-row').first().waitFor();

    await page.getByTestId('user-create').click();
    await page.locator('.ant-drawer-title', { hasText: '新建用户' }).waitFor();
    await page.getByTestId('user-login').fill(NEW_USER.login);
    await page.getByTestId('user-realname').fill(NEW_USER.realName);
    await page.getByTestId('user-mobile').fill(NEW_USER.mobile);
    await pickTreeNode(page, page.getByTestId('user-org'), NEW_USER.org);
    await expect
      .poll(() => page.getByTestId('user-org').textContent(), { timeout: WAIT_MS })
      .toContain(NEW_USER.org);
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/api/users') && r.request().method() === 'POST',
    );
    await page.getByTestId('user-submit').click();
    expect((await answered).status()).toBe(200);

    const tempEl = page.getByTestId('temp-password');
    await tempEl.waitFor();
    await page.getByText('用户已创建', { exact: true }).first().waitFor();
    await page.getByText('临时密码仅显示这一次').waitFor();
    const temporary = (await textOf(tempEl)).trim();
    expect(temporary.length).toBeGreaterThanOrEqual(8);
    expect(checkPassword(temporary, NEW_USER.login)).toEqual([]);

    const stored = await userRow(NEW_USER.login);
    expect(stored.real_name).toBe(NEW_USER.realName);
    expect(stored.mobile).toBe(NEW_USER.mobile);
    expect(stored.must_change_password).toBe(1);
    const membership = await h.ctx.db.kysely
      .selectFrom('memberships')
      .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
      .select('organizations.name')
      .where('memberships.user_id', '=', stored.id)
      .execute();
    expect(membership.map((m) => m.name)).toEqual([NEW_USER.org]);

    // The dialog opens while the form drawer is still closing; a click during that hand-over
    // can land on the drawer's mask, so click until the dialog is gone.
    for (let attempt = 0; ; attempt++) {
      await page.getByTestId('temp-password-done').click();
      const gone = await tempEl
        .waitFor({ state: 'detached', timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (gone) break;
      if (attempt >= 4) throw new Error('the one-time password dialog did not close');
    }
    // Shown exactly once: after closing, the password is nowhere in the page.
    expect(await page.content()).not.toContain(temporary);
    // The list finds the new account by its login name.
    const search = page.getByTestId('user-search').locator('input');
    await search.fill(NEW_USER.login);
    await search.press('Enter');
    const listed = page.getByTestId('user-table').locator('tr.ant-table-row', { hasText: NEW_USER.login });
    await listed.first().waitFor();
    expect(await textOf(listed.first())).toContain(NEW_USER.realName);
    await logoutVia(page);

    // The new user signs in with the one-time password and is sent to the password change.
    await submitLogin(page, NEW_USER.login, temporary);
    await page.waitForURL(/\/password$/);
    await page.getByRole('heading', { name: /^修改(初始)?密码$/ }).waitFor();
    await page.getByText(/首次登录.*请先设置新密码后再使用系统/).waitFor();
    // The workbench stays closed until the password is changed, in the browser and on the server.
    await page.goto('/users');
    await page.waitForURL(/\/password$/);
    const blocked = await page.request.get('/api/orgs');
    expect(blocked.status()).toBe(403);
    expect((await blocked.json()).error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    // A weak password is refused with the policy's reasons.
    await page.getByTestId('current-password').fill(temporary);
    await page.getByTestId('new-password').fill(WEAK_PASSWORD);
    await page.getByTestId('confirm-password').fill(WEAK_PASSWORD);
    await page.getByTestId('password-submit').click();
    await page.getByText('新密码不符合以下安全要求').waitFor();
    const problems = page.getByTestId('password-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('密码须包含大写字母、小写字母、数字、特殊符号中的至少3类');
    // The server enforces the same policy whatever the form does.
    const me = await (await page.request.get('/api/me')).json();
    const direct = await page.request.post('/api/auth/password', {
      headers: { 'x-csrf-token': me.data.csrfToken },
      data: { currentPassword: temporary, newPassword: WEAK_PASSWORD },
    });
    expect(direct.status()).toBe(422);
    expect((await direct.json()).error.code).toBe('PASSWORD_WEAK');
    expect((await userRow(NEW_USER.login)).must_change_password).toBe(1);

    // A good one is accepted and the home page opens.
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('confirm-password').fill(NEW_PASSWORD);
    await page.getByTestId('password-ok').waitFor();
    await page.getByTestId('password-submit').click();
    await toast(page, '密码已修改').waitFor();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: `您好，${NEW_USER.realName}` }).waitFor();
    await page.getByText('暂未授予任何角色，请联系安全管理员').waitFor();

    const changed = await userRow(NEW_USER.login);
    expect(changed.must_change_password).toBe(0);
    expect(changed.password_changed_at).not.toBeNull();
    const actions = await h.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('actor_login', '=', NEW_USER.login)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['auth.login', 'auth.password_change']);

    // The new password works from now on; the one-time password does not.
    await logoutVia(page);
    await submitLogin(page, NEW_USER.login, temporary);
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toContain(ERROR_CODES.LOGIN_FAILED.message);
    await loginAs(page, NEW_USER.login, NEW_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    created = { login: NEW_USER.login, realName: NEW_USER.realName };
  });

  it('grant a role: secadmin grants 单位信息员, and 三员分立 refuses auditor to sysadmin', async () => {
    const target = created ?? { login: 'm0001', realName: (await userRow('m0001')).real_name };
    const before = await grantsOf(target.login);

    const page = await h.newPage();
    await loginAs(page, 'secadmin');
    await page.getByTestId('menu-grants').click();
    await page.waitForURL(/\/grants$/);
    await page.getByTestId('grant-table').locator('tr.ant-table-row').first().waitFor();

    await page.getByTestId('grant-create').click();
    const dialog = page.locator('.ant-modal', { hasText: '授予角色' });
    await dialog.waitFor();
    await pickOption(
      page,
      page.getByTestId('grant-user'),
      `${target.realName}（${target.login}）`,
      target.login,
    );
    await pickOption(page, page.getByTestId('grant-role'), '单位信息员');
    await dialog.getByText('包含权限：撰写和报送信息').waitFor();
    await pickTreeNode(page, page.getByTestId('grant-org'), NEW_USER.org);
    await pickOption(page, page.getByTestId('grant-scope'), '本组织');
    const granted = page.waitForResponse(
      (r) => r.url().endsWith('/api/grants') && r.request().method() === 'POST',
    );
    await page.getByTestId('grant-submit').click();
    expect((await granted).status()).toBe(200);
    await toast(page, '已授予“单位信息员”角色').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const row = page
      .getByTestId('grant-table')
      .locator('tr.ant-table-row', { hasText: target.login })
      .first();
    await row.waitFor();
    await expect.poll(() => textOf(row), { timeout: WAIT_MS }).toContain('单位信息员');
    const text = await textOf(row);
    expect(text).toContain(target.realName);
    expect(text).toContain(NEW_USER.org);
    expect(text).toContain('本组织');
    expect(text).toContain('孙晓梅');

    const after = await grantsOf(target.login);
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toEqual({ role: 'liaison', scope: 'org', org: NEW_USER.org });

    // 三员分立: the system administrator cannot also be the audit administrator.
    await page.getByTestId('grant-create').click();
    await dialog.waitFor();
    await pickOption(page, page.getByTestId('grant-user'), '周立新（sysadmin）', 'sysadmin');
    await pickOption(page, page.getByTestId('grant-role'), '审计管理员');
    await dialog.getByText('三员分立，同一人不得兼任').waitFor();
    await pickTreeNode(page, page.getByTestId('grant-org'), '政协安徽省委员会');
    await pickOption(page, page.getByTestId('grant-scope'), '全部');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/grants') && r.request().method() === 'POST',
    );
    await page.getByTestId('grant-submit').click();
    const refusal = await refused;
    expect(refusal.status()).toBe(403);
    expect((await refusal.json()).error.code).toBe('SEPARATION_OF_DUTIES');
    await toast(page, '三员分立').waitFor();
    expect(await toast(page, '三员分立').textContent()).toContain(
      '三员分立：该用户已担任“系统管理员”，不能再授予“审计管理员”',
    );
    // The dialog stays open and nothing was granted.
    expect(await dialog.isVisible()).toBe(true);
    expect(await grantsOf('sysadmin')).toEqual([{ role: 'sysadmin', scope: 'all', org: '政协安徽省委员会' }]);
    expect(await openDropdown(page).count()).toBe(0);

    const denied = await h.ctx.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'result', 'summary'])
      .where('actor_login', '=', 'secadmin')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(denied.action).toBe('access.denied');
    expect(denied.result).toBe('failure');
    expect(JSON.parse(denied.summary).code).toBe('SEPARATION_OF_DUTIES');
  });

  it("auditor's view: the auditor reads and verifies the log; sysadmin has no access to it", async () => {
    const page = await h.newPage();
    await loginAs(page, 'auditor');
    await page.getByTestId('menu-audit').click();
    await page.waitForURL(/\/audit$/);
    const table = page.getByTestId('audit-table');
    await table.locator('tr.ant-table-row').first().waitFor();

    // The grant made by the security administrator, with its Chinese label.
    const grantRow = table
      .locator('tr.ant-table-row', { hasText: '授予角色' })
      .filter({ hasText: 'secadmin' })
      .first();
    await grantRow.waitFor();
    expect(await textOf(grantRow)).toContain('成功');
    // The refused 三员分立 attempt is there too, as a failure.
    const deniedRow = table.locator('tr.ant-table-row', { hasText: '越权操作被拒绝' }).first();
    await deniedRow.waitFor();
    expect(await textOf(deniedRow)).toContain('失败');
    expect(await textOf(deniedRow)).toContain('secadmin');
    if (created)
      await table
        .locator('tr.ant-table-row', { hasText: '新建用户' })
        .filter({ hasText: 'sysadmin' })
        .waitFor();

    const countRows = async () =>
      Number(
        (
          await h.ctx.db.kysely
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .executeTakeFirstOrThrow()
        ).count,
      );
    const rowsBefore = await countRows();
    await page.getByTestId('audit-verify').click();
    const result = page.locator('.ant-modal-confirm', { hasText: '审计日志完整' });
    await result.waitFor();
    const message = await textOf(result);
    expect(message).toContain('哈希链完整，未发现篡改或删除');
    const checked = Number(/已校验 (\d+) 条记录/.exec(message)?.[1]);
    expect(checked).toBeGreaterThanOrEqual(rowsBefore);
    expect(checked).toBeLessThanOrEqual(await countRows());
    // antd spaces out two-character button labels: 确 定.
    await result.getByRole('button', { name: /^确\s*定$/ }).click();
    await result.waitFor({ state: 'hidden' });
    await logoutVia(page);

    // The system administrator's menu has no 审计日志, and the page itself is refused.
    await loginAs(page, 'sysadmin');
    await page.getByTestId('menu-users').waitFor();
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    expect(await textOf(page.getByTestId('menu'))).not.toContain('审计日志');
    await page.goto('/audit');
    await page.getByText('无权访问').waitFor();
    await page.getByText('您没有访问此页面的权限').waitFor();
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    const api = await page.request.get('/api/audit');
    expect(api.status()).toBe(403);
    expect((await api.json()).error.code).toBe('FORBIDDEN');
  });
});
