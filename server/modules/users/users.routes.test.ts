import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createContext } from '../../context.ts';
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
  await makeUser(t.ctx, 'aud', p.province.id, [{ role: 'auditor', orgId: p.province.id, scope: 'all' }]);
  await makeUser(t.ctx, 'citysys', p.city.id, [{ role: 'sysadmin', orgId: p.city.id, scope: 'subtree' }]);
  for (let i = 0; i < 25; i++)
    await makeUser(t.ctx, `c${String(i).padStart(2, '0')}`, i % 2 ? p.city.id : p.county.id, [], {
      realName: i === 7 ? '王建国' : `市委员${i}`,
    });
  await makeUser(t.ctx, 'wuhu1', p.otherCity.id);
  sys = await loginAs(t.app, 'sys');
  citySys = await loginAs(t.app, 'citysys');
});
afterAll(() => t.close());

const newUser = (login: string, orgId: number, extra: Record<string, unknown> = {}) => ({
  login,
  realName: '李明',
  mobile: '13912345678',
  memberships: [{ orgId, title: '委员' }],
  member: { level: 'city', term: '第十五届', sector: '经济界', party: '民建', standing: false },
  specialOfficer: true,
  ...extra,
});

describe('user list', () => {
  it('paginates on the server and reports the total', async () => {
    const page1 = (await call(t.app, sys, 'GET', '/api/users?page=1&pageSize=10')).json();
    const page3 = (await call(t.app, sys, 'GET', '/api/users?page=3&pageSize=10')).json();
    expect(page1.total).toBe(29);
    expect(page1.data).toHaveLength(10);
    expect(page3.data).toHaveLength(9);
    expect(page1.abilities).toEqual({ create: true, import: true, export: true });
  });

  it('filters by keyword and by organisation with or without its subtree', async () => {
    expect(
      (await call(t.app, sys, 'GET', `/api/users?q=${encodeURIComponent('王建')}`))
        .json()
        .data.map((u: { login: string }) => u.login),
    ).toEqual(['c07']);
    const cityOnly = (await call(t.app, sys, 'GET', `/api/users?orgId=${p.city.id}`)).json();
    const citySubtree = (await call(t.app, sys, 'GET', `/api/users?orgId=${p.city.id}&subtree=true`)).json();
    expect(cityOnly.total).toBe(13); // 12 odd-numbered + citysys
    expect(citySubtree.total).toBe(26);
  });

  it('scopes a city administrator to its subtree', async () => {
    const list = (await call(t.app, citySys, 'GET', '/api/users?pageSize=100')).json();
    expect(list.total).toBe(26);
    expect(list.data.some((u: { login: string }) => u.login === 'wuhu1')).toBe(false);
    const wuhu = await t.ctx.db.kysely
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'wuhu1')
      .executeTakeFirstOrThrow();
    const res = await call(t.app, citySys, 'GET', `/api/users/${wuhu.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/不存在或您无权查看/);
  });

  it('refuses the auditor (no user administration) with 403', async () => {
    const aud = await loginAs(t.app, 'aud');
    expect((await call(t.app, aud, 'GET', '/api/users')).statusCode).toBe(403);
  });

  it('validates query parameters with 422', async () => {
    const res = await call(t.app, sys, 'GET', '/api/users?pageSize=1000');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('user administration', () => {
  it('creates a user with a one-time password that must be changed at first login', async () => {
    const res = await call(t.app, sys, 'POST', '/api/users', newUser('liming', p.city.id));
    expect(res.statusCode).toBe(200);
    const { user, temporaryPassword } = res.json().data;
    expect(user.member.level).toBe('city');
    expect(user.specialOfficer).toBe(true);
    const s = await loginAs(t.app, 'liming', temporaryPassword);
    expect((await call(t.app, s, 'GET', '/api/me')).json().data.requirements.passwordChange).toBe(true);
  });

  it('explains bad input in Chinese: mobile, duplicate login, recipient organisation', async () => {
    const mobile = await call(
      t.app,
      sys,
      'POST',
      '/api/users',
      newUser('x1', p.city.id, { mobile: '12345' }),
    );
    expect(mobile.statusCode).toBe(422);
    expect(mobile.json().error.message).toContain('手机号码');
    const dup = await call(t.app, sys, 'POST', '/api/users', newUser('LIMING', p.city.id));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('已被使用');
    const rcpt = await call(t.app, sys, 'POST', '/api/users', newUser('x2', p.recipient.id));
    expect(rcpt.statusCode).toBe(422);
    expect(rcpt.json().error.message).toContain('外部报送对象');
  });

  it('keeps a city administrator from putting users outside its subtree', async () => {
    const res = await call(t.app, citySys, 'POST', '/api/users', newUser('x3', p.otherCity.id));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('管理范围');
  });

  it('updates with optimistic versioning', async () => {
    const { id, version } = (await call(t.app, sys, 'GET', '/api/users?q=liming')).json().data[0];
    const body = { ...newUser('liming', p.city.id), realName: '李明华', version };
    const { login: _omit, ...update } = body;
    const ok = await call(t.app, sys, 'PATCH', `/api/users/${id}`, update);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.realName).toBe('李明华');
    const stale = await call(t.app, sys, 'PATCH', `/api/users/${id}`, update);
    expect(stale.statusCode).toBe(409);
  });

  it('disables a user, ending its sessions; refuses disabling oneself and other administrators', async () => {
    const target = await loginAs(t.app, 'c01');
    const { id } = (await call(t.app, sys, 'GET', '/api/users?q=c01')).json().data[0];
    expect((await call(t.app, sys, 'POST', `/api/users/${id}/enabled`, { enabled: false })).statusCode).toBe(
      200,
    );
    expect((await call(t.app, target, 'GET', '/api/me')).statusCode).toBe(401);
    const me = (await call(t.app, sys, 'GET', '/api/me')).json().data;
    expect(
      (await call(t.app, sys, 'POST', `/api/users/${me.id}/enabled`, { enabled: false })).statusCode,
    ).toBe(403);
    const aud = (await call(t.app, sys, 'GET', '/api/users?q=aud')).json().data[0];
    expect(aud.abilities.resetPassword).toBe(false);
    const res = await call(t.app, sys, 'POST', `/api/users/${aud.id}/reset-password`);
    expect(res.json().error.code).toBe('SEPARATION_OF_DUTIES');
  });

  it('resets a password: old sessions end and the new one must be changed', async () => {
    const old = await loginAs(t.app, 'c02');
    const { id } = (await call(t.app, sys, 'GET', '/api/users?q=c02')).json().data[0];
    const { temporaryPassword } = (await call(t.app, sys, 'POST', `/api/users/${id}/reset-password`)).json()
      .data;
    expect((await call(t.app, old, 'GET', '/api/me')).statusCode).toBe(401);
    const s = await loginAs(t.app, 'c02', temporaryPassword);
    expect((await call(t.app, s, 'GET', '/api/orgs')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});

describe('online users', () => {
  it('lists live sessions and forces one out', async () => {
    const victim = await loginAs(t.app, 'c04');
    const online = (await call(t.app, sys, 'GET', '/api/sessions?q=c04')).json();
    expect(online.total).toBe(1);
    expect((await call(t.app, sys, 'DELETE', `/api/sessions/${online.data[0].id}`)).statusCode).toBe(200);
    expect((await call(t.app, victim, 'GET', '/api/me')).statusCode).toBe(401);
    const log = await t.ctx.db.kysely
      .selectFrom('login_log')
      .selectAll()
      .where('login', '=', 'c04')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(log.result).toBe('forced_logout');
  });
});

async function rosterFile(rows: (string | number)[][]): Promise<Buffer> {
  const template = await call(t.app, sys, 'GET', '/api/users/import-template');
  expect(template.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  sheet.spliceRows(2, 1);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(buffer: Buffer, filename = 'roster.xlsx') {
  const boundary = '----minyiboundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/users/import',
    headers: {
      cookie: sys.cookie,
      'x-csrf-token': sys.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: body,
  });
}

describe('roster import and export', () => {
  it('reports every bad row with its number and reason, and imports nothing', async () => {
    const before = (await call(t.app, sys, 'GET', '/api/users')).json().total;
    const file = await rosterFile([
      [
        'zhaoyi',
        '赵一',
        '13800001111',
        '政协合肥市委员会',
        '委员',
        '市',
        '第十五届',
        '经济界',
        '民建',
        '否',
        '否',
      ],
      ['qian er', '钱二', '13800001112', '政协合肥市委员会', '', '', '', '', '', '', ''],
      ['sunsan', '孙三', '123', '不存在的单位', '', '省级领导', '', '', '', '也许', ''],
      ['zhaoyi', '赵一一', '', '政协合肥市委员会', '', '', '', '', '', '', ''],
    ]);
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('IMPORT_FAILED');
    expect(body.error.message).toContain('未导入任何数据');
    const errors = body.error.details.errors as { row: number; column: string; reason: string }[];
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '3:登录名',
      '4:所属组织',
      '4:委员级别',
      '4:是否常委',
      '4:手机号码',
      '5:登录名',
    ]);
    expect(errors.find((e) => e.row === 5)!.reason).toContain('第2行重复');
    expect((await call(t.app, sys, 'GET', '/api/users')).json().total).toBe(before);
  });

  it('imports a correct roster, creating and updating, and returns one-time passwords', async () => {
    const file = await rosterFile([
      [
        'zhaoyi',
        '赵一',
        '13800001111',
        '政协合肥市委员会',
        '委员',
        '市',
        '第十五届',
        '经济界',
        '民建',
        '否',
        '是',
      ],
      [
        'c03',
        '市委员三（改）',
        '13800001113',
        '政协安徽省委员会/政协合肥市委员会；民盟安徽省委会',
        '副主委',
        '省',
        '第十二届',
        '中国民主同盟',
        '民盟',
        '是',
        '否',
      ],
    ]);
    const res = await upload(file);
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect(data.created).toBe(1);
    expect(data.updated).toBe(1);
    expect(data.credentials.map((c: { login: string }) => c.login)).toEqual(['zhaoyi']);
    const c03 = (await call(t.app, sys, 'GET', '/api/users?q=c03')).json().data[0];
    expect(c03.realName).toBe('市委员三（改）');
    expect(c03.memberships.map((m: { orgName: string }) => m.orgName)).toEqual([
      '政协合肥市委员会',
      '民盟安徽省委会',
    ]);
    expect(c03.member).toEqual({
      level: 'province',
      term: '第十二届',
      sector: '中国民主同盟',
      party: '民盟',
      standing: true,
    });
    await loginAs(t.app, 'zhaoyi', data.credentials[0].temporaryPassword);
  });

  it('refuses a file that is not an xlsx roster', async () => {
    const res = await upload(Buffer.from('not a spreadsheet'), 'roster.xlsx');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('.xlsx');
  });

  it('exports the filtered list as a spreadsheet with a watermark line, and audits the export', async () => {
    const res = await call(t.app, sys, 'GET', `/api/users/export?orgId=${p.city.id}&subtree=true`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('用户名册'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('导出人');
    expect(sheet.getRow(2).values).toContain('登录名');
    const total = (await call(t.app, sys, 'GET', `/api/users?orgId=${p.city.id}&subtree=true`)).json().total;
    expect(sheet.rowCount).toBe(total + 2);
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.export')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary).rows).toBe(total);
  });
});

describe('cached user pages', () => {
  it('a change made on one instance shows at once in a list read on another', async () => {
    const other = await buildApp(createContext(t.ctx.db, t.ctx.config, { settingsCacheMs: 0 }));
    try {
      const s = await loginAs(other, 'sys');
      const url = '/api/users?q=c05';
      const before = (await call(other, s, 'GET', url)).json().data[0];
      expect((await call(other, s, 'GET', url)).json().data[0].realName).toBe(before.realName);
      const { login: _l, ...update } = {
        ...newUser('c05', p.county.id),
        realName: '改名后的委员',
        version: before.version,
      };
      expect((await call(t.app, sys, 'PATCH', `/api/users/${before.id}`, update)).statusCode).toBe(200);
      expect((await call(other, s, 'GET', url)).json().data[0].realName).toBe('改名后的委员');
    } finally {
      await other.close();
    }
  });

  it('a new lockout shows in a list that was read just before it', async () => {
    const url = '/api/users?q=c06';
    expect((await call(t.app, sys, 'GET', url)).json().data[0].lockedUntil).toBeNull();
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'c06', password: 'Wrong#pass1' },
      });
    }
    expect((await call(t.app, sys, 'GET', url)).json().data[0].lockedUntil).not.toBeNull();
  });
});
