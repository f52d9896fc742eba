/**
 * The issue routes as a browser uses them: compiling, previews, the approver's inbox and what
 * changed since the last look, downloads checked against their digest, and who may see what.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueDetail, PublicationView } from '../../../shared/schemas/issues.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { call, loginAs, type Session } from '../../test/factories.ts';
import { type IssueWorld, makeIssueWorld, selectedItem } from '../../test/issues.ts';

let t: TestContext;
let w: IssueWorld;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestContext();
  w = await makeIssueWorld(t.ctx);
  for (const login of ['editor', 'director', 'leader', 'sysadmin', 'stranger', 'author'])
    s[login] = await loginAs(t.app, login);
});
afterAll(() => t.close());

const detail = async (who: string, id: number) => {
  const res = await call(t.app, s[who] as Session, 'GET', `/api/issues/${id}`);
  return {
    status: res.statusCode,
    body: res.json() as { data: IssueDetail; abilities: Record<string, unknown> },
  };
};

async function compileViaApi(n: number): Promise<IssueDetail> {
  const items: number[] = [];
  for (let i = 0; i < n; i += 1)
    items.push(await selectedItem(t.ctx, w, `关于完善社区嵌入式养老服务的建议（${i + 1}）`));
  const res = await call(t.app, s.editor as Session, 'POST', '/api/issues', {
    publicationId: w.publications.xinxi,
    kind: 'regular',
    urgency: 'normal',
    itemIds: items,
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { data: IssueDetail }).data;
}

describe('compiling and previewing', () => {
  it('saves the order and the note, previews the page and a draft Word file', async () => {
    const issue = await compileViaApi(3);
    const reversed = [...issue.items.map((i) => i.id)].reverse();
    const put = await call(t.app, s.editor as Session, 'PUT', `/api/issues/${issue.id}`, {
      version: issue.version,
      kind: 'regular',
      urgency: 'very_urgent',
      editorNote: '本期编发三条关于养老服务的信息，供领导参阅。',
      recipients: issue.recipients,
      printRun: 80,
      itemIds: reversed,
    });
    expect(put.statusCode).toBe(200);
    const saved = (put.json() as { data: IssueDetail }).data;
    expect(saved.items.map((i) => i.id)).toEqual(reversed);
    expect(saved.plannedChain).toBe('处长审核、分管领导审定');
    // Saving again on the old version is refused, not merged.
    const stale = await call(t.app, s.editor as Session, 'PUT', `/api/issues/${issue.id}`, {
      version: issue.version,
      kind: 'regular',
      urgency: 'normal',
      editorNote: '',
      recipients: issue.recipients,
      printRun: 1,
      itemIds: [],
    });
    expect(stale.json().error.code).toBe('ISSUE_STALE');

    const preview = await call(t.app, s.editor as Session, 'GET', `/api/issues/${issue.id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(preview.body).toContain('本期编发三条关于养老服务的信息');
    expect(preview.body).toContain('特急');
    expect(preview.body.indexOf(saved.items[0]?.title as string)).toBeLessThan(
      preview.body.indexOf(saved.items[2]?.title as string),
    );
    const docx = await call(t.app, s.editor as Session, 'GET', `/api/issues/${issue.id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain('送审稿');
  });
});

describe('approving on screen', () => {
  it('the inbox shows what waits for me; the approver sees what changed since the last look', async () => {
    const issue = await compileViaApi(2);
    expect(
      (
        await call(t.app, s.editor as Session, 'POST', `/api/issues/${issue.id}/submit`, {
          version: issue.version,
        })
      ).statusCode,
    ).toBe(200);
    // While it is signed, its items are not offered for revision (nor for deselection).
    const during = await call(t.app, s.editor as Session, 'GET', `/api/items/${issue.items[0]?.id}`);
    expect((during.json() as { abilities: { actions: string[] } }).abilities.actions).not.toContain('revise');
    const inbox = await call(t.app, s.director as Session, 'GET', '/api/issues?mine=true');
    expect((inbox.json() as { data: { id: number }[] }).data.map((i) => i.id)).toContain(issue.id);
    const leaderInbox = await call(t.app, s.leader as Session, 'GET', '/api/issues?mine=true');
    expect((leaderInbox.json() as { data: { id: number }[] }).data.map((i) => i.id)).not.toContain(issue.id);

    const seen = await detail('director', issue.id);
    expect(seen.body.abilities.approve).toBe(true);
    expect(seen.body.abilities.approveSigns).toBe(false);
    expect(seen.body.data.changes).toBeNull();
    await call(t.app, s.director as Session, 'POST', `/api/issues/${issue.id}/seen`);

    // The editor withdraws, rewrites the note and sends it again.
    let cur = (await detail('editor', issue.id)).body.data;
    await call(t.app, s.editor as Session, 'POST', `/api/issues/${issue.id}/withdraw`, {
      version: cur.version,
      reason: '补充编者按',
    });
    cur = (await detail('editor', issue.id)).body.data;
    // Once sent for signature, an issue keeps its record: it can no longer be deleted.
    expect((await detail('editor', issue.id)).body.abilities.remove).toBe(false);
    const gone = await call(
      t.app,
      s.editor as Session,
      'DELETE',
      `/api/issues/${issue.id}?version=${cur.version}`,
    );
    expect(gone.json().error.code).toBe('ISSUE_LOCKED');
    await call(t.app, s.editor as Session, 'PUT', `/api/issues/${issue.id}`, {
      version: cur.version,
      kind: 'regular',
      urgency: 'normal',
      editorNote: '请重点关注第二条。',
      recipients: cur.recipients,
      printRun: cur.printRun,
      itemIds: [...cur.items.map((i) => i.id)].reverse(),
    });
    cur = (await detail('editor', issue.id)).body.data;
    await call(t.app, s.editor as Session, 'POST', `/api/issues/${issue.id}/submit`, {
      version: cur.version,
    });

    const again = (await detail('director', issue.id)).body.data;
    expect(again.changes?.map((c) => c.kind).sort()).toEqual(['moved', 'moved', 'note']);
    expect(
      again.changes
        ?.find((c) => c.kind === 'note')
        ?.diff?.some((d) => d.op === 'insert' && d.text.includes('第二条')),
    ).toBe(true);

    // The editor cannot approve; the director approves, the leader signs.
    const notMine = await call(t.app, s.editor as Session, 'POST', `/api/issues/${issue.id}/approve`, {
      version: again.version,
    });
    expect(notMine.json().error.code).toBe('ISSUE_NOT_YOUR_TURN');
    await call(t.app, s.director as Session, 'POST', `/api/issues/${issue.id}/approve`, {
      version: again.version,
      comment: '同意',
    });
    const forLeader = (await detail('leader', issue.id)).body;
    expect(forLeader.abilities.returnTo).toEqual([-1, 0]);
    expect(forLeader.abilities.approveSigns).toBe(true);
    const signed = await call(t.app, s.leader as Session, 'POST', `/api/issues/${issue.id}/approve`, {
      version: forLeader.data.version,
      comment: '同意印发',
    });
    const done = (signed.json() as { data: IssueDetail }).data;
    expect(done.status).toBe('issued');
    const item = await call(t.app, s.editor as Session, 'GET', `/api/items/${done.items[0]?.id}`);
    expect((item.json() as { data: { status: string; issue: { label: string } } }).data).toMatchObject({
      status: 'published',
      issue: { label: done.label },
    });
    expect(done.label).toMatch(/^《政协信息》\d{4}年第\d+期$/);
    expect(done.files).toHaveLength(1);
    expect(done.dispatches.length).toBe(cur.recipients.length);
    expect(done.chain?.steps.map((st) => st.signoffs.map((x) => x.status))).toEqual([
      ['approved'],
      ['approved'],
    ]);

    // The stored file is served as signed, and refused if it no longer matches its digest.
    const file = await call(t.app, s.editor as Session, 'GET', `/api/issues/${issue.id}/docx`);
    expect(file.statusCode).toBe(200);
    expect(decodeURIComponent(String(file.headers['content-disposition']))).not.toContain('送审稿');
    const row = await t.ctx.db.kysely
      .selectFrom('issue_files')
      .selectAll()
      .where('issue_id', '=', issue.id)
      .executeTakeFirstOrThrow();
    await writeFile(path.join(t.ctx.config.dataDir, 'issues', row.storage_key), Buffer.from('tampered'));
    const tampered = await call(t.app, s.editor as Session, 'GET', `/api/issues/${issue.id}/docx`);
    expect(tampered.statusCode).toBe(500);
    expect(tampered.json().error.message).toContain('SHA-256');
    const audit = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'issue.download')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe('who sees what', () => {
  it('members, other CPPCCs and the administrators do not see issues; the administrator keeps publications', async () => {
    const issue = await compileViaApi(1);
    for (const who of ['stranger', 'author', 'sysadmin'])
      expect((await detail(who, issue.id)).status).toBe(404);
    const list = await call(t.app, s.sysadmin as Session, 'GET', '/api/issues');
    expect((list.json() as { total: number }).total).toBe(0);
    const pubs = await call(
      t.app,
      s.sysadmin as Session,
      'GET',
      `/api/publications?orgId=${w.p.province.id}`,
    );
    const xinxi = (pubs.json() as { data: PublicationView[] }).data.find(
      (p) => p.name === '政协信息',
    ) as PublicationView;
    // The issue signed in the test before is this week's and the latest.
    expect(xinxi.issuedThisWeek).toBeGreaterThanOrEqual(1);
    expect(xinxi.lastIssue?.label).toMatch(/^\d{4}年第\d+期$/);
    const { id, orgName, issuedThisWeek, inProgress, lastIssue, ...rest } = xinxi;
    const update = { ...rest, printRun: 150 };
    expect(
      (await call(t.app, s.editor as Session, 'PUT', `/api/publications/${id}`, update)).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, s.sysadmin as Session, 'PUT', `/api/publications/${id}`, update)).statusCode,
    ).toBe(200);
    const again = await call(t.app, s.sysadmin as Session, 'PUT', `/api/publications/${id}`, update);
    expect(again.json().error.code).toBe('CONFLICT');
    const bad = await call(t.app, s.sysadmin as Session, 'PUT', `/api/publications/${id}`, {
      ...update,
      version: update.version + 1,
      mastheadColor: 'red',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('十六进制');
    const rules = await call(
      t.app,
      s.editor as Session,
      'GET',
      `/api/approval-rules?orgId=${w.p.province.id}`,
    );
    expect(
      (rules.json() as { data: { rules: { chainName: string }[] } }).data.rules.map((r) => r.chainName),
    ).toEqual(['秘书长审核、主席审定', '处长审核、分管领导审定']);
    // Rules are saved against the stamp they were loaded with; a stale screen is refused.
    const loaded = (
      rules.json() as {
        data: {
          stamp: string;
          rules: { condition: string; publicationId: number | null; chainId: number }[];
        };
      }
    ).data;
    const body = {
      orgId: w.p.province.id,
      stamp: loaded.stamp,
      rules: loaded.rules.map(({ condition, publicationId, chainId }) => ({
        condition,
        publicationId,
        chainId,
      })),
    };
    expect((await call(t.app, s.sysadmin as Session, 'PUT', '/api/approval-rules', body)).statusCode).toBe(
      200,
    );
    const reordered = { ...body, rules: [...body.rules].reverse() };
    const stale = await call(t.app, s.sysadmin as Session, 'PUT', '/api/approval-rules', {
      ...reordered,
      stamp: 'x',
    });
    expect(stale.json().error.code).toBe('CONFLICT');
    const unsafe = await call(t.app, s.sysadmin as Session, 'PUT', '/api/approval-rules', reordered);
    expect(unsafe.statusCode).toBe(422);
    expect(unsafe.json().error.message).toContain('最后一条规则');
    // The same item twice in a new issue is a validation error, not a database conflict.
    const dup = await call(t.app, s.editor as Session, 'POST', '/api/issues', {
      publicationId: w.publications.xinxi,
      itemIds: [issue.items[0]?.id, issue.items[0]?.id],
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.message).toContain('同一信息不能重复编排');
  });
});
