import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { bootstrapProduction, isEmpty } from '../bootstrap.ts';
import { HOUR } from '../lib/clock.ts';
import { ledgerDigest, recomputeLedger } from '../modules/scores/scores.service.ts';
import { createTestContext, type TestContext } from '../test/context.ts';
import { call, loginAs } from '../test/factories.ts';
import { DEMO_ACCOUNTS, resetDemoPasswords, seedDemo } from './seed.ts';
import { weekStartOf } from './seed-items.ts';

const DEMO_PASSWORD = 'Minyi#Demo2026';
let t: TestContext;
/** The instant the demo history ends at (the seeding instant). */
let end: number;

beforeAll(async () => {
  t = await createTestContext({ config: { demo: true } });
  expect(await isEmpty(t.ctx)).toBe(true);
  end = t.ctx.clock.now().getTime();
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
      'published',
      'forwarded',
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

  it("gives the office a queue, three posts with A and B holders and this month's duty roster", async () => {
    const s = await loginAs(t.app, 'editor', DEMO_PASSWORD);
    const queue = (await call(t.app, s, 'GET', '/api/items?view=queue&open=true')).json();
    expect(queue.total).toBeGreaterThanOrEqual(20);
    const province = await db()
      .selectFrom('organizations')
      .select('id')
      .where('type', '=', 'cppcc_province')
      .executeTakeFirstOrThrow();
    const posts = (await call(t.app, s, 'GET', `/api/posts?orgId=${province.id}`)).json().data;
    expect(posts.map((p: { duty: string }) => p.duty).sort()).toEqual(['edit', 'register', 'review']);
    for (const p of posts) expect(p.holderA.id).not.toBe(p.holderB.id);
    const month = t.ctx.clock.iso().slice(0, 7);
    const duty = (await call(t.app, s, 'GET', `/api/duty?orgId=${province.id}&month=${month}`)).json().data;
    expect(duty.length).toBeGreaterThanOrEqual(28);
  });
});

describe('demo publications', () => {
  const db = () => t.ctx.db.kysely;
  const issues = () =>
    db()
      .selectFrom('issues')
      .innerJoin('publications', 'publications.id', 'issues.publication_id')
      .select([
        'issues.id',
        'publications.name',
        'publications.total_offset',
        'issues.status',
        'issues.kind',
        'issues.year',
        'issues.number',
        'issues.total_number',
        'issues.signed_at',
        'issues.submitted_at',
      ])
      .orderBy('issues.id')
      .execute();
  /** Beijing hour of the day (fractional) and weekday (Monday 0) of an instant. */
  const beijing = (iso: string) => {
    const d = new Date(Date.parse(iso) + 8 * HOUR);
    return { hour: d.getUTCHours() + d.getUTCMinutes() / 60, weekday: (d.getUTCDay() + 6) % 7 };
  };

  it('has issued issues of each publication, numbered without gaps per series and year, each with its Word file', async () => {
    const rows = await issues();
    const issued = rows.filter((r) => r.status === 'issued');
    const count = (name: string, kind = 'regular') =>
      issued.filter((r) => r.name === name && r.kind === kind).length;
    expect(count('政协信息')).toBeGreaterThanOrEqual(13);
    expect(count('政协信息', 'supplement')).toBe(1);
    expect(count('社情民意')).toBeGreaterThanOrEqual(5);
    expect(count('安徽政协信息')).toBeGreaterThanOrEqual(3);
    expect(count('政协信息专报')).toBeGreaterThanOrEqual(3);
    const series = new Map<string, number[]>();
    const totals = new Map<string, { offset: number; numbers: number[] }>();
    for (const r of issued) {
      const key = `${r.name} ${r.kind} ${r.year}`;
      series.set(key, [...(series.get(key) ?? []), r.number as number]);
      const total = totals.get(r.name) ?? { offset: r.total_offset, numbers: [] };
      total.numbers.push(r.total_number as number);
      totals.set(r.name, total);
      // Signed on a working day in office hours, after it was sent for signature.
      const signed = beijing(r.signed_at as string);
      expect(signed.weekday, `issue ${r.id}`).toBeLessThan(5);
      expect(signed.hour >= 9 && signed.hour <= 17.5, `issue ${r.id} at ${r.signed_at}`).toBe(true);
      expect((r.signed_at as string) > (r.submitted_at as string)).toBe(true);
    }
    for (const [key, numbers] of series)
      expect(
        [...numbers].sort((a, b) => a - b),
        key,
      ).toEqual(numbers.map((_, i) => i + 1));
    for (const [name, { offset, numbers }] of totals)
      expect(
        [...numbers].sort((a, b) => a - b),
        name,
      ).toEqual(numbers.map((_, i) => offset + i + 1));
    const files = await db()
      .selectFrom('issue_files')
      .select(['issue_id', 'revision'])
      .where('revision', '=', 1)
      .execute();
    expect(new Set(files.map((f) => f.issue_id))).toEqual(new Set(issued.map((r) => r.id)));
  });

  it('publishes every published item in exactly one issued issue, and every item of an issued issue', async () => {
    const placed = await db()
      .selectFrom('issue_items')
      .innerJoin('issues', 'issues.id', 'issue_items.issue_id')
      .innerJoin('items', 'items.id', 'issue_items.item_id')
      .select(['items.id', 'items.status', 'issues.status as issueStatus'])
      .execute();
    const published = await db()
      .selectFrom('items')
      .select(['id', 'status'])
      .where('status', 'in', ['published', 'forwarded'])
      .execute();
    expect(published.filter((i) => i.status === 'published').length).toBeGreaterThanOrEqual(15);
    expect(published.filter((i) => i.status === 'forwarded').length).toBeGreaterThanOrEqual(10);
    for (const item of published) {
      const rows = placed.filter((p) => p.id === item.id);
      expect(
        rows.map((r) => r.issueStatus),
        `item ${item.id}`,
      ).toEqual(['issued']);
    }
    for (const p of placed)
      expect(
        p.issueStatus === 'issued' ? ['published', 'forwarded'] : ['selected'],
        `item ${p.id}`,
      ).toContain(p.status);
  });

  it('leaves one 《政协信息》 waiting for the leader and one 《社情民意》 being compiled, with two items', async () => {
    const s = await loginAs(t.app, 'leader', DEMO_PASSWORD);
    const mine = (await call(t.app, s, 'GET', '/api/issues?mine=true')).json();
    expect(mine.total).toBe(1);
    expect(mine.data[0].publication.name).toBe('政协信息');
    expect(mine.data[0].currentStep).toBe('分管领导审定');
    const open = (await issues()).filter((r) => r.status !== 'issued');
    expect(open.map((r) => `${r.name} ${r.status}`).sort()).toEqual([
      '政协信息 reviewing',
      '社情民意 compiling',
    ]);
    const compiling = open.find((r) => r.status === 'compiling');
    const items = await db()
      .selectFrom('issue_items')
      .select('item_id')
      .where('issue_id', '=', compiling?.id as number)
      .execute();
    expect(items).toHaveLength(2);
  });

  it('counts one 《政协信息》 issued this week (of two), unless the week has only just begun', async () => {
    const monday = new Date(weekStartOf(end)).toISOString();
    const thisWeek = (await issues()).filter(
      (r) => r.name === '政协信息' && r.status === 'issued' && (r.signed_at as string) >= monday,
    );
    // Before Monday 11:00 (Beijing time) there has been no time to sign one yet.
    if (end < weekStartOf(end) + 11 * HOUR) expect(thisWeek.length).toBeLessThanOrEqual(1);
    else expect(thisWeek).toHaveLength(1);
  });

  it('keeps selected items free for compiling: six or more of 社情民意, two more for 《政协信息专报》', async () => {
    const free = await db()
      .selectFrom('items')
      .innerJoin('organizations', 'organizations.id', 'items.target_org_id')
      .leftJoin('issue_items', 'issue_items.item_id', 'items.id')
      .select(['items.id', 'items.stream'])
      .where('items.status', '=', 'selected')
      .where('organizations.type', '=', 'cppcc_province')
      .where('issue_items.item_id', 'is', null)
      .execute();
    expect(free.filter((i) => i.stream === 'sqmy').length).toBeGreaterThanOrEqual(6);
    expect(free.length).toBeGreaterThanOrEqual(8);
  });

  it('gives the demo member published items (已编发 and 已上报) and tells them', async () => {
    const s = await loginAs(t.app, 'member', DEMO_PASSWORD);
    const mine = (await call(t.app, s, 'GET', '/api/items?view=mine&pageSize=50')).json();
    const statuses = mine.data.map((i: { status: string }) => i.status);
    expect(statuses).toEqual(expect.arrayContaining(['published', 'forwarded']));
    expect(
      statuses.filter((x: string) => x === 'published' || x === 'forwarded').length,
    ).toBeGreaterThanOrEqual(2);
    const told = await db()
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select('notifications.body')
      .where('users.login', '=', 'member')
      .where('notifications.body', 'like', '%刊发于%')
      .execute();
    expect(told.length).toBeGreaterThanOrEqual(2);
  });

  it('goes through the whole way: returns, a transfer, an added signer, the deputy on the 处长岗, a correction, dispatch', async () => {
    const events = await db().selectFrom('issue_events').select(['action', 'reason']).execute();
    const of = (action: string) => events.filter((e) => e.action === action);
    expect(of('return').length).toBeGreaterThanOrEqual(2);
    for (const e of of('return')) expect(e.reason).not.toBe('');
    expect(of('transfer')).toHaveLength(1);
    expect(of('add_signer')).toHaveLength(1);
    expect(of('correct')).toHaveLength(1);
    // The 处长岗 post's B holder signed while the director was away.
    const deputy = await db()
      .selectFrom('issue_signoffs')
      .innerJoin('users', 'users.id', 'issue_signoffs.acted_by')
      .select('issue_signoffs.id')
      .where('users.login', '=', 'deputy')
      .where('issue_signoffs.status', '=', 'approved')
      .where('issue_signoffs.post_id', 'is not', null)
      .execute();
    expect(deputy.length).toBeGreaterThanOrEqual(1);
    const dispatches = await db()
      .selectFrom('dispatches')
      .innerJoin('issues', 'issues.id', 'dispatches.issue_id')
      .select([
        'dispatches.name',
        'dispatches.channel',
        'dispatches.status',
        'dispatches.sent_on',
        'issues.signed_at',
      ])
      .execute();
    const sent = dispatches.filter((d) => d.status !== 'pending');
    expect(sent.length).toBeGreaterThan(dispatches.length / 2);
    expect(sent.some((d) => d.name === '全国政协办公厅' && d.channel === 'network')).toBe(true);
    expect(sent.some((d) => d.name === '省委办公厅' && d.channel === 'confidential')).toBe(true);
    for (const d of sent) expect((d.sent_on as string) >= (d.signed_at as string).slice(0, 10)).toBe(true);
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

describe('demo scores', () => {
  it('scores what the demo published, and a recompute gives the same ledger', async () => {
    const db = t.ctx.db.kysely;
    const before = await ledgerDigest(db);
    expect(before.rows).toBeGreaterThan(50);
    await db.transaction().execute((tx) => recomputeLedger(tx));
    expect(await ledgerDigest(db)).toEqual(before);
  });
});
