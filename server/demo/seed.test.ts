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

describe('demo items', () => {
  const db = () => t.ctx.db.kysely;

  it('has items in every main state, at the provincial office and at several city and county CPPCCs', async () => {
    const rows = await db()
      .selectFrom('items')
      .leftJoin('organizations', 'organizations.id', 'items.target_org_id')
      .select(['items.status', 'items.urgent', 'items.composite', 'items.stream', 'organizations.type'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(100);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of [
      'draft',
      'submitted',
      'registered',
      'editing',
      'selected',
      'returned',
      'rejected',
      'referred',
      'merged',
      'archived',
    ])
      expect(statuses, s).toContain(s);
    expect(rows.filter((r) => r.composite === 1).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.urgent === 1).length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.stream === 'zhxx').length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((r) => r.type === 'cppcc_province').length).toBeGreaterThanOrEqual(70);
    expect(rows.filter((r) => r.type === 'cppcc_city').length).toBeGreaterThanOrEqual(4);
    expect(rows.filter((r) => r.type === 'cppcc_county').length).toBeGreaterThanOrEqual(1);
  });

  it("tells each item's history as one chain of events ending in its status, dated in order", async () => {
    const now = t.ctx.clock.iso();
    const items = await db().selectFrom('items').selectAll().orderBy('id').execute();
    const events = await db().selectFrom('item_events').selectAll().orderBy('id').execute();
    const versions = await db().selectFrom('item_versions').selectAll().orderBy('id').execute();
    for (const item of items) {
      const chain = events.filter((e) => e.item_id === item.id);
      const label = `item ${item.id} (${item.status})`;
      if (chain.length === 0) {
        expect(item.status, label).toBe('draft');
        continue;
      }
      const first = chain[0]!;
      expect(first.from_state, label).toBe(item.composite ? null : 'draft');
      for (let i = 1; i < chain.length; i++) {
        expect(chain[i]!.from_state, label).toBe(chain[i - 1]!.to_state);
        expect(chain[i]!.created_at >= chain[i - 1]!.created_at, label).toBe(true);
      }
      const last = chain[chain.length - 1]!;
      expect(last.to_state, label).toBe(item.status);
      expect(last.created_at, label).toBe(item.updated_at);
      expect(first.created_at >= item.created_at && last.created_at <= now, label).toBe(true);
      // The text as first submitted is version 1, written when it was submitted.
      const own = versions.filter((v) => v.item_id === item.id);
      expect(own[0]?.created_at, label).toBe(first.created_at);
    }
  });

  it('numbers registered items in the order they were first registered, one sequence per office', async () => {
    const rows = await db()
      .selectFrom('items')
      .select(['id', 'target_org_id', 'number_seq'])
      .where('number', 'is not', null)
      .orderBy('target_org_id')
      .orderBy('number_seq')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(50);
    // A resubmitted item keeps its number; a composite is numbered when it is made.
    const firstNumbered = new Map<number, string>();
    for (const e of await db()
      .selectFrom('item_events')
      .select(['item_id', 'created_at'])
      .where((eb) => eb.or([eb('action', '=', 'register'), eb('from_state', 'is', null)]))
      .orderBy('id')
      .execute())
      if (!firstNumbered.has(e.item_id)) firstNumbered.set(e.item_id, e.created_at);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      if (a.target_org_id === b.target_org_id)
        expect(firstNumbered.get(b.id)! >= firstNumbered.get(a.id)!, `${a.id} before ${b.id}`).toBe(true);
    }
  });

  it('gives the demo member items in several states, one returned with a reason', async () => {
    const s = await loginAs(t.app, 'member', DEMO_PASSWORD);
    const mine = (await call(t.app, s, 'GET', '/api/items?view=mine&pageSize=50')).json();
    const statuses = mine.data.map((i: { status: string }) => i.status);
    expect(statuses).toEqual(
      expect.arrayContaining(['draft', 'submitted', 'registered', 'editing', 'selected', 'returned']),
    );
    const returned = mine.data.find((i: { status: string }) => i.status === 'returned');
    expect(returned.lastReason).not.toBe('');
  });

  it("gives the office a queue, two posts with A and B holders and this month's duty roster", async () => {
    const s = await loginAs(t.app, 'editor', DEMO_PASSWORD);
    const queue = (await call(t.app, s, 'GET', '/api/items?view=queue&open=true')).json();
    expect(queue.total).toBeGreaterThanOrEqual(20);
    const province = await db()
      .selectFrom('organizations')
      .select('id')
      .where('type', '=', 'cppcc_province')
      .executeTakeFirstOrThrow();
    const posts = (await call(t.app, s, 'GET', `/api/posts?orgId=${province.id}`)).json().data;
    expect(posts.map((p: { duty: string }) => p.duty).sort()).toEqual(['edit', 'register']);
    for (const p of posts) expect(p.holderA.id).not.toBe(p.holderB.id);
    const month = t.ctx.clock.iso().slice(0, 7);
    const duty = (await call(t.app, s, 'GET', `/api/duty?orgId=${province.id}&month=${month}`)).json().data;
    expect(duty.length).toBeGreaterThanOrEqual(28);
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
