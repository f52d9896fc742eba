import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { bootstrapProduction, isEmpty } from '../bootstrap.ts';
import { createTestContext, type TestContext } from '../test/context.ts';
import { call, loginAs } from '../test/factories.ts';
import { DEMO_ACCOUNTS, resetDemoPasswords, seedDemo } from './seed.ts';

const DEMO_PASSWORD = 'Minyi#Demo2026';
let t: TestContext;

beforeAll(async () => {
  t = await createTestContext({ config: { demo: true } });
  expect(await isEmpty(t.ctx)).toBe(true);
  await seedDemo(t.ctx, DEMO_PASSWORD);
});
afterAll(() => t.close());

describe('demo province', () => {
  it('loads the Anhui system: 16 city CPPCCs, 8 democratic parties, the recipients, about 300 members', async () => {
    const db = t.ctx.db.kysely;
    const count = async (type: string) =>
      Number(
        (
          await db
            .selectFrom('organizations')
            .select((eb) => eb.fn.countAll<number>().as('c'))
            .where('type', '=', type)
            .executeTakeFirstOrThrow()
        ).c,
      );
    expect(await count('cppcc_province')).toBe(1);
    expect(await count('cppcc_city')).toBe(16);
    expect(await count('party')).toBe(8);
    expect(await count('recipient')).toBeGreaterThanOrEqual(3);
    const members = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('c'))
      .where('member_level', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(members.c)).toBeGreaterThanOrEqual(280);
    const names = await db
      .selectFrom('organizations')
      .select('name')
      .where('type', '=', 'recipient')
      .execute();
    expect(names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['全国政协办公厅', '中共安徽省委办公厅', '安徽省人民政府办公厅']),
    );
  });

  it('has one working account per role, with no first-login change and no second factor', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const s = await loginAs(t.app, a.login, DEMO_PASSWORD);
      const me = (await call(t.app, s, 'GET', '/api/me')).json().data;
      expect(me.requirements).toEqual({ passwordChange: false, totpEnroll: false });
      expect(me.grants.map((g: { role: string }) => g.role)).toEqual([a.role]);
      expect(me.demo).toBe(true);
    }
  });

  it('resets the demo password at each demo start', async () => {
    await resetDemoPasswords(t.ctx, 'Another#Demo77');
    await loginAs(t.app, 'editor', 'Another#Demo77');
    await resetDemoPasswords(t.ctx, DEMO_PASSWORD);
  });

  it('never lets demo accounts in outside demo mode', async () => {
    const prod = await buildApp({ ...t.ctx, config: { ...t.ctx.config, demo: false } });
    try {
      const res = await prod.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'sysadmin', password: DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('LOGIN_FAILED');
    } finally {
      await prod.close();
    }
  });
});

describe('production bootstrap', () => {
  it('creates the three administrators with random one-time passwords that must be changed', async () => {
    const p = await createTestContext();
    try {
      const accounts = await bootstrapProduction(p.ctx, '政协安徽省委员会');
      expect(accounts.map((a) => a.login)).toEqual(['sysadmin', 'secadmin', 'auditor']);
      expect(new Set(accounts.map((a) => a.password)).size).toBe(3);
      for (const a of accounts) {
        expect(a.password).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{16}$/);
        const s = await loginAs(p.app, a.login, a.password);
        const me = (await call(p.app, s, 'GET', '/api/me')).json().data;
        expect(me.requirements.passwordChange).toBe(true);
      }
      expect(await isEmpty(p.ctx)).toBe(false);
    } finally {
      await p.close();
    }
  });
});
