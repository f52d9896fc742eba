import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../context.ts';
import { DAY } from '../../lib/clock.ts';
import { runMaintenance } from '../../maintenance.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, makeProvince, makeUser } from '../../test/factories.ts';
import { verifyAuditChain } from './audit.service.ts';

const run = promisify(execFile);
let t: TestContext;
let province: Awaited<ReturnType<typeof makeProvince>>;

beforeAll(async () => {
  t = await createTestContext({ sqliteFile: true });
  province = await makeProvince(t.ctx);
  await makeUser(t.ctx, 'sys', province.province.id, [
    { role: 'sysadmin', orgId: province.province.id, scope: 'all' },
  ]);
  await makeUser(t.ctx, 'aud', province.province.id, [
    { role: 'auditor', orgId: province.province.id, scope: 'all' },
  ]);
});
afterAll(() => t.close());

async function rows() {
  return t.ctx.db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

async function auditVerifyCli() {
  try {
    const { stdout } = await run('npx', ['tsx', 'server/cli/audit-verify.ts'], {
      env: { ...process.env, ...t.env },
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, out: e.stderr };
  }
}

describe('audit log', () => {
  it('records each state change with actor, action, target, before/after, IP and result', async () => {
    const s = await loginAs(t.app, 'sys');
    const res = await call(t.app, s, 'PATCH', `/api/orgs/${province.party.id}`, {
      name: '民盟安徽省委员会',
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    const last = (await rows()).at(-1)!;
    expect(last.action).toBe('org.update');
    expect(last.actor_login).toBe('sys');
    expect(last.target_type).toBe('org');
    expect(last.target_id).toBe(String(province.party.id));
    expect(JSON.parse(last.summary)).toEqual({
      before: { name: '民盟安徽省委会' },
      after: { name: '民盟安徽省委员会' },
    });
    expect(last.ip).toBe('127.0.0.1');
    expect(last.result).toBe('success');
  });

  it('records privileged reads: viewing the audit log is itself audited', async () => {
    const s = await loginAs(t.app, 'aud');
    const before = (await rows()).length;
    const res = await call(t.app, s, 'GET', '/api/audit?page=1&pageSize=5');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
    const after = await rows();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.action).toBe('audit.read');
  });

  it('refuses the audit log to everyone but the audit administrator', async () => {
    const s = await loginAs(t.app, 'sys');
    const res = await call(t.app, s, 'GET', '/api/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('chains each row to the previous one and verifies', async () => {
    const all = await rows();
    for (let i = 1; i < all.length; i++) expect(all[i]!.prev_hash).toBe(all[i - 1]!.hash);
    expect(await verifyAuditChain(t.ctx.db.kysely)).toEqual({ ok: true, rows: all.length });
    const cli = await auditVerifyCli();
    expect(cli.code).toBe(0);
    expect(cli.out).toContain('完整');
  });

  it('is append-only: the database refuses updates and early deletes', async () => {
    await expect(sql`update audit_log set summary = '{}'`.execute(t.ctx.db.kysely)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(t.ctx.db.kysely)).rejects.toThrow(/180 days/);
  });

  it('names the first tampered row (audit:verify exits non-zero)', async () => {
    const all = await rows();
    const victim = all[Math.floor(all.length / 2)]!;
    const drop =
      t.ctx.db.dialect === 'postgres'
        ? sql`alter table audit_log disable trigger audit_log_no_update`
        : sql`drop trigger audit_log_no_update`;
    await drop.execute(t.ctx.db.kysely);
    await sql`update audit_log set actor_login = 'mallory' where id = ${victim.id}`.execute(t.ctx.db.kysely);
    expect(await verifyAuditChain(t.ctx.db.kysely)).toMatchObject({
      ok: false,
      brokenId: victim.id,
      reason: 'content',
    });
    const cli = await auditVerifyCli();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`id=${victim.id}`);
    await sql`update audit_log set actor_login = ${victim.actor_login} where id = ${victim.id}`.execute(
      t.ctx.db.kysely,
    );
    expect((await verifyAuditChain(t.ctx.db.kysely)).ok).toBe(true);
  });

  it('refuses a retention under 180 days in settings', async () => {
    const s = await loginAs(t.app, 'sys');
    const settings = (await call(t.app, s, 'GET', '/api/settings')).json().data;
    const res = await call(t.app, s, 'PUT', '/api/settings', { ...settings, auditRetentionDays: 90 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('180');
  });
});

describe('audit retention', () => {
  it('purges rows past retention but never younger than 180 days, and the rest still verifies', async () => {
    const r = await createTestContext();
    try {
      const append = (n: number) =>
        inTransaction(r.ctx, { actor: null, ip: '127.0.0.1' }, async (_tx, audit) => {
          for (let i = 0; i < n; i++)
            await audit({ action: 'org.update', targetType: 'org', targetId: i, summary: {} });
        });
      r.ctx.clock.advance(-200 * DAY); // rows written 200 days ago
      await append(3);
      r.ctx.clock.advance(30 * DAY); // rows written 170 days ago
      await append(2);
      r.ctx.clock.advance(170 * DAY);
      await append(1);
      await r.ctx.settings.save({ ...(await r.ctx.settings.get()), auditRetentionDays: 180 });
      expect((await runMaintenance(r.ctx)).auditPurged).toBe(3);
      // The two young rows, the newest one, and the purge's own record.
      expect(await verifyAuditChain(r.ctx.db.kysely)).toEqual({ ok: true, rows: 4 });
      const last = await r.ctx.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(last.action).toBe('audit.purge');
      expect(JSON.parse(last.summary).auditPurged).toBe(3);
      // Even a retention setting that slipped under the floor never removes the 170-day-old rows.
      await r.ctx.db.kysely
        .updateTable('settings')
        .set({ value: JSON.stringify({ auditRetentionDays: 30 }) })
        .execute();
      expect((await runMaintenance(r.ctx)).auditPurged).toBe(0);
    } finally {
      await r.close();
    }
  });
});

describe('console account recovery', () => {
  it('admin:reset gives a one-time password, clears the second factor and ends sessions, on record', async () => {
    const r = await createTestContext({ sqliteFile: true });
    try {
      const p = await makeProvince(r.ctx);
      const user = await makeUser(r.ctx, 'lost', p.province.id, [
        { role: 'auditor', orgId: p.province.id, scope: 'all' },
      ]);
      await r.ctx.db.kysely
        .updateTable('users')
        .set({ totp_enabled: 1, totp_secret: 'JBSWY3DPEHPK3PXP' })
        .where('id', '=', user.id)
        .execute();
      const { stdout } = await run('npx', ['tsx', 'server/cli/admin-reset.ts', 'lost'], {
        env: { ...process.env, ...r.env },
      });
      const password = stdout.match(/一次性密码[^：]*：(\S+)/)?.[1];
      expect(password).toBeDefined();
      const row = await r.ctx.db.kysely
        .selectFrom('users')
        .selectAll()
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.totp_enabled).toBe(0);
      expect(row.must_change_password).toBe(1);
      const s = await loginAs(r.app, 'lost', password);
      expect((await call(r.app, s, 'GET', '/api/me')).json().data.requirements.passwordChange).toBe(true);
      const audit = await r.ctx.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'user.reset_password')
        .executeTakeFirstOrThrow();
      expect(audit.ip).toBe('console');
    } finally {
      await r.close();
    }
  });
});
