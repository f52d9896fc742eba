/**
 * Publications and issues on whichever database the suite runs: chains chosen by R3.5, every
 * way through them, numbering, freezing, corrections and dispatch.
 */

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recipient } from '../../../shared/schemas/issues.ts';
import { DAY } from '../../lib/clock.ts';
import type { AppError } from '../../lib/errors.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { codeOf } from '../../test/factories.ts';
import { type IssueWorld, makeIssueWorld, selectedItem } from '../../test/issues.ts';
import { act, request, WHO } from '../../test/items.ts';
import type { Actor } from '../access/actor.ts';
import { findItem } from '../items/items.repository.ts';
import { transitionItem } from '../items/transition.service.ts';
import {
  addSigner,
  approveIssue,
  remindSigners,
  returnIssue,
  submitIssue,
  transferSignoff,
  withdrawIssue,
} from './approval.service.ts';
import { createChain, saveRules, updateChain } from './config.service.ts';
import { correctIssue, updateDispatch } from './dispatch.service.ts';
import { findIssue } from './issues.repository.ts';
import { createIssue, updateIssue } from './issues.service.ts';

let t: TestContext;
let w: IssueWorld;

beforeAll(async () => {
  t = await createTestContext();
  w = await makeIssueWorld(t.ctx);
});
afterAll(() => t.close());

const issueOf = async (id: number) =>
  (await findIssue(t.ctx.db.kysely, id)) as NonNullable<Awaited<ReturnType<typeof findIssue>>>;
const editor = () => w.actors.editor;
const director = () => w.actors.director;
const leader = () => w.signers.leader.actor;
const secgen = () => w.signers.secgen.actor;
const chair = () => w.signers.chair.actor;

/** A compiled issue of `publication` with `n` fresh selected items. */
async function compiled(publication: number, n = 2, kind: 'regular' | 'supplement' = 'regular') {
  const items: number[] = [];
  for (let i = 0; i < n; i += 1)
    items.push(
      await selectedItem(t.ctx, w, `关于第${i + 1}个问题的建议${Math.random().toString(36).slice(2, 6)}`),
    );
  const id = await createIssue(t.ctx, editor(), WHO, {
    publicationId: publication,
    kind,
    urgency: 'normal',
    itemIds: items,
  });
  return { id, items };
}
const approve = async (actor: Actor, id: number, comment = '同意') =>
  approveIssue(t.ctx, actor, WHO, id, (await issueOf(id)).version, comment);
const submit = async (id: number) => submitIssue(t.ctx, editor(), WHO, id, (await issueOf(id)).version);
const signoffs = (id: number) =>
  t.ctx.db.kysely.selectFrom('issue_signoffs').selectAll().where('issue_id', '=', id).orderBy('id').execute();
const chainName = async (id: number) => {
  const i = await issueOf(id);
  const row = await t.ctx.db.kysely
    .selectFrom('approval_chain_versions')
    .innerJoin('approval_chains', 'approval_chains.id', 'approval_chain_versions.chain_id')
    .select(['approval_chains.name', 'approval_chain_versions.version'])
    .where('approval_chain_versions.id', '=', i.chain_version_id)
    .executeTakeFirstOrThrow();
  return row;
};

describe('the four publications', () => {
  it('exist by default with their cadence, streams and recipients', async () => {
    const rows = await t.ctx.db.kysely.selectFrom('publications').selectAll().orderBy('sort_order').execute();
    expect(rows.map((r) => r.name)).toEqual(['政协信息', '社情民意', '安徽政协信息', '政协信息专报']);
    expect(rows[0]?.per_week).toBe(2);
    expect(rows[3]?.single_item).toBe(1);
    const top = JSON.parse(rows[3]?.recipients ?? '[]') as Recipient[];
    expect(top.filter((r) => r.topLeader).map((r) => r.name)).toEqual(['省委书记', '省长']);
  });
});

describe('approval chain chosen by rule (R3.5)', () => {
  it('《政协信息》 to the usual recipients: 信息处处长审核 → 分管领导审定, then issued and its items published', async () => {
    const { id, items } = await compiled(w.publications.xinxi, 3);
    await submit(id);
    expect((await chainName(id)).name).toBe('处长审核、分管领导审定');
    // Not the leader's turn yet; the director's (through the 处长岗 post).
    expect(await codeOf(approve(leader(), id))).toBe('ISSUE_NOT_YOUR_TURN');
    await approve(director(), id);
    expect((await issueOf(id)).step_index).toBe(1);
    await approve(leader(), id, '同意印发');
    const issued = await issueOf(id);
    expect(issued.status).toBe('issued');
    expect(issued.number).toBeGreaterThan(0);
    expect(issued.signed_by).toBe(w.signers.leader.user.id);
    for (const itemId of items) expect((await findItem(t.ctx.db.kysely, itemId))?.status).toBe('published');
    // Authors are told, with the issue it went into.
    const told = await t.ctx.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', w.users.author.id)
      .where('item_id', '=', items[0] as number)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(told.title).toContain('编发');
    expect(told.body).toContain(`《政协信息》${issued.year}年第${issued.number}期`);
    // The Word file is stored with its SHA-256 and a dispatch record waits per recipient.
    const file = await t.ctx.db.kysely
      .selectFrom('issue_files')
      .selectAll()
      .where('issue_id', '=', id)
      .executeTakeFirstOrThrow();
    const buf = await readFile(path.join(t.ctx.config.dataDir, 'issues', file.storage_key));
    expect(createHash('sha256').update(buf).digest('hex')).toBe(file.sha256);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const dispatches = await t.ctx.db.kysely
      .selectFrom('dispatches')
      .selectAll()
      .where('issue_id', '=', id)
      .execute();
    expect(dispatches.map((d) => d.name)).toContain('全国政协办公厅');
    expect(dispatches.every((d) => d.status === 'pending')).toBe(true);
  });

  it('an issue to the provincial Party secretary and governor: 秘书长审核 → 主席审定', async () => {
    const { id } = await compiled(w.publications.zhuanbao, 1);
    await submit(id);
    expect((await chainName(id)).name).toBe('秘书长审核、主席审定');
    expect(await codeOf(approve(director(), id))).toBe('ISSUE_NOT_YOUR_TURN');
    await approve(secgen(), id);
    expect(await codeOf(approve(leader(), id))).toBe('ISSUE_NOT_YOUR_TURN');
    await approve(chair(), id);
    expect((await issueOf(id)).status).toBe('issued');
  });

  it('adding the governor to an ordinary issue switches it to the higher chain', async () => {
    const { id, items } = await compiled(w.publications.xinxi, 1);
    const i = await issueOf(id);
    const recipients = [
      ...(JSON.parse(i.recipients) as Recipient[]),
      { name: '省长', group: 'bao', topLeader: true, upward: false, channel: 'confidential' } as Recipient,
    ];
    await updateIssue(t.ctx, editor(), WHO, id, {
      version: i.version,
      kind: 'regular',
      urgency: 'urgent',
      editorNote: '',
      recipients,
      printRun: 30,
      itemIds: items,
    });
    await submit(id);
    expect((await chainName(id)).name).toBe('秘书长审核、主席审定');
  });
});

describe('moving along the chain', () => {
  it('returns to an earlier step: that step signs again in a new round, then the issue goes on', async () => {
    const { id } = await compiled(w.publications.sheqing, 1);
    await submit(id);
    await approve(director(), id);
    await returnIssue(t.ctx, leader(), WHO, id, {
      version: (await issueOf(id)).version,
      toStep: 0,
      reason: '第二条数据请核实',
    });
    const back = await issueOf(id);
    expect(back.status).toBe('reviewing');
    expect(back.step_index).toBe(0);
    expect(back.round).toBe(2);
    expect(await codeOf(approve(leader(), id))).toBe('ISSUE_NOT_YOUR_TURN');
    await approve(director(), id);
    await approve(leader(), id);
    expect((await issueOf(id)).status).toBe('issued');
    const rows = await signoffs(id);
    expect(rows.find((r) => r.status === 'returned')?.comment).toBe('第二条数据请核实');
  });

  it('returns to compiling: the compiler is told and may change it, the approver may not go forward', async () => {
    const { id } = await compiled(w.publications.sheqing, 1);
    await submit(id);
    expect(
      await codeOf(
        returnIssue(t.ctx, director(), WHO, id, {
          version: (await issueOf(id)).version,
          toStep: 0,
          reason: 'x',
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    await returnIssue(t.ctx, director(), WHO, id, {
      version: (await issueOf(id)).version,
      toStep: -1,
      reason: '请补充编者按',
    });
    expect((await issueOf(id)).status).toBe('compiling');
    const note = await t.ctx.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', w.users.editor.id)
      .where('issue_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(note.body).toContain('请补充编者按');
    expect(await codeOf(approve(director(), id))).toBe('ISSUE_NOT_YOUR_TURN');
  });

  it('会签 needs every signer; 依次审签 takes them in order', async () => {
    const sign = await createChain(t.ctx, WHO, {
      orgId: w.p.province.id,
      name: '会签后主席审定',
      active: true,
      steps: [
        {
          name: '秘书长、处长会签',
          mode: 'all',
          signers: [
            { type: 'user', userId: w.signers.secgen.user.id },
            { type: 'user', userId: w.users.director.id },
          ],
        },
        {
          name: '依次审定',
          mode: 'sequential',
          signers: [
            { type: 'user', userId: w.signers.leader.user.id },
            { type: 'user', userId: w.signers.chair.user.id },
          ],
        },
      ],
    });
    await saveRules(t.ctx, WHO, w.p.province.id, [
      { condition: 'always', publicationId: w.publications.anhui, chainId: sign },
      { condition: 'top_leaders', publicationId: null, chainId: w.chains.top },
      { condition: 'always', publicationId: null, chainId: w.chains.normal },
    ]);
    const items = [await selectedItem(t.ctx, w, '全省政协系统开展委员履职培训')];
    await t.ctx.db.kysely
      .updateTable('items')
      .set({ stream: 'zhxx', kind: 'work_news' })
      .where('id', '=', items[0] as number)
      .execute();
    const id = await createIssue(t.ctx, editor(), WHO, {
      publicationId: w.publications.anhui,
      kind: 'regular',
      urgency: 'normal',
      itemIds: items,
    });
    await submit(id);
    await approve(secgen(), id);
    expect((await issueOf(id)).step_index).toBe(0);
    await approve(director(), id);
    expect((await issueOf(id)).step_index).toBe(1);
    expect(await codeOf(approve(chair(), id))).toBe('ISSUE_NOT_YOUR_TURN');
    await approve(leader(), id);
    expect((await issueOf(id)).status).toBe('reviewing');
    await approve(chair(), id);
    expect((await issueOf(id)).status).toBe('issued');
    await saveRules(t.ctx, WHO, w.p.province.id, [
      { condition: 'top_leaders', publicationId: null, chainId: w.chains.top },
      { condition: 'always', publicationId: null, chainId: w.chains.normal },
    ]);
  });

  it('the director on leave: the B holder of the 处长岗 signs the step', async () => {
    const { id } = await compiled(w.publications.sheqing, 1);
    const today = new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await t.ctx.db.kysely
      .insertInto('leaves')
      .values({
        user_id: w.users.director.id,
        start_date: today,
        end_date: today,
        note: '出差',
        created_at: t.ctx.clock.iso(),
      })
      .execute();
    try {
      await submit(id);
      expect(await codeOf(approve(director(), id))).toBe('ISSUE_NOT_YOUR_TURN');
      await approve(w.signers.deputy.actor, id);
      expect((await issueOf(id)).step_index).toBe(1);
    } finally {
      await t.ctx.db.kysely.deleteFrom('leaves').where('user_id', '=', w.users.director.id).execute();
    }
  });

  it('transfer, add a signer, remind and withdraw', async () => {
    const { id } = await compiled(w.publications.sheqing, 1);
    await submit(id);
    await approve(director(), id);
    // The leader adds the Secretary-General: the step now waits for both.
    await addSigner(t.ctx, leader(), WHO, id, {
      version: (await issueOf(id)).version,
      userId: w.signers.secgen.user.id,
      reason: '请秘书长一并审阅',
    });
    await approve(leader(), id);
    expect((await issueOf(id)).status).toBe('reviewing');
    // The Secretary-General passes it to the Chairman instead.
    await transferSignoff(t.ctx, secgen(), WHO, id, {
      version: (await issueOf(id)).version,
      userId: w.signers.chair.user.id,
      reason: '请主席审定',
    });
    expect(await codeOf(approve(secgen(), id))).toBe('ISSUE_NOT_YOUR_TURN');
    expect(await remindSigners(t.ctx, editor(), WHO, id)).toBe(1);
    expect(await codeOf(remindSigners(t.ctx, editor(), WHO, id))).toBe('RATE_LIMITED');
    // People without signing rights cannot be brought in.
    expect(
      await codeOf(
        addSigner(t.ctx, chair(), WHO, id, {
          version: (await issueOf(id)).version,
          userId: w.users.editor.id,
          reason: '',
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    await withdrawIssue(t.ctx, editor(), WHO, id, {
      version: (await issueOf(id)).version,
      reason: '需调整篇目',
    });
    expect((await issueOf(id)).status).toBe('compiling');
    expect(await codeOf(approve(chair(), id))).toBe('ISSUE_NOT_YOUR_TURN');
  });

  it('an approval on a version the approver did not see is refused', async () => {
    const { id } = await compiled(w.publications.sheqing, 1);
    await submit(id);
    const seen = (await issueOf(id)).version;
    await remindSigners(t.ctx, editor(), WHO, id);
    await withdrawIssue(t.ctx, editor(), WHO, id, { version: seen, reason: '调整' });
    await submit(id);
    expect(await codeOf(approveIssue(t.ctx, director(), WHO, id, seen, ''))).toBe('ISSUE_STALE');
  });

  it('a running issue keeps the chain version it started with', async () => {
    const { id } = await compiled(w.publications.sheqing, 1);
    await submit(id);
    const v = (await chainName(id)).version;
    await updateChain(t.ctx, WHO, w.chains.normal, v, {
      orgId: w.p.province.id,
      name: '处长审核、分管领导审定',
      active: true,
      steps: [
        ...w.steps.normal,
        { name: '主席审定', mode: 'single', signers: [{ type: 'user', userId: w.signers.chair.user.id }] },
      ],
    });
    await approve(director(), id);
    await approve(leader(), id);
    expect((await issueOf(id)).status).toBe('issued');
    const next = await compiled(w.publications.sheqing, 1);
    await submit(next.id);
    expect((await chainName(next.id)).version).toBe(v + 1);
    await updateChain(t.ctx, WHO, w.chains.normal, v + 1, {
      orgId: w.p.province.id,
      name: '处长审核、分管领导审定',
      active: true,
      steps: w.steps.normal,
    });
    await withdrawIssue(t.ctx, editor(), WHO, next.id, {
      version: (await issueOf(next.id)).version,
      reason: '不再刊发',
    });
  });
});

describe('numbering', () => {
  async function issueNow(publication: number, kind: 'regular' | 'supplement' = 'regular') {
    const { id } = await compiled(publication, 1, kind);
    await submit(id);
    await approve(director(), id);
    await approve(leader(), id);
    return issueOf(id);
  }

  it('counts 正刊 and 增刊 separately, the running total across both, and starts again each year', async () => {
    const pub = w.publications.sheqing;
    const a = await issueNow(pub);
    const b = await issueNow(pub);
    const s = await issueNow(pub, 'supplement');
    expect(b.number).toBe((a.number as number) + 1);
    expect(s.number).toBe(1);
    expect(s.total_number).toBe((b.total_number as number) + 1);
    t.ctx.clock.advance(370 * DAY);
    try {
      const next = await issueNow(pub);
      expect(next.year).toBe((a.year as number) + 1);
      expect(next.number).toBe(1);
      expect(next.total_number).toBe((s.total_number as number) + 1);
    } finally {
      t.ctx.clock.advance(-370 * DAY);
    }
  });

  it('two issues signed at the same moment get distinct consecutive numbers', async () => {
    const pub = w.publications.xinxi;
    const x = await compiled(pub, 1);
    const y = await compiled(pub, 1);
    for (const id of [x.id, y.id]) {
      await submit(id);
      await approve(director(), id);
    }
    const before = await t.ctx.db.kysely
      .selectFrom('issue_counters')
      .select('last')
      .where('publication_id', '=', pub)
      .where('series', '=', 'regular')
      .executeTakeFirst();
    const results = await Promise.all([codeOf(approve(leader(), x.id)), codeOf(approve(leader(), y.id))]);
    expect(results).toEqual(['ok', 'ok']);
    const numbers = [(await issueOf(x.id)).number, (await issueOf(y.id)).number].sort();
    const base = Number(before?.last ?? 0);
    expect(numbers).toEqual([base + 1, base + 2]);
  });
});

describe('once issued', () => {
  let issued: { id: number; items: number[] };
  beforeAll(async () => {
    issued = await compiled(w.publications.xinxi, 2);
    await submit(issued.id);
    await approve(director(), issued.id);
    await approve(leader(), issued.id);
  });

  it('refuses changes to the issue and to its items', async () => {
    const i = await issueOf(issued.id);
    expect(
      await codeOf(
        updateIssue(t.ctx, editor(), WHO, issued.id, {
          version: i.version,
          kind: 'regular',
          urgency: 'normal',
          editorNote: '改',
          recipients: [],
          printRun: 1,
          itemIds: issued.items,
        }),
      ),
    ).toBe('ISSUE_LOCKED');
    const item = await findItem(t.ctx.db.kysely, issued.items[0] as number);
    const content = { title: '改过的标题', situation: '情况', analysis: '', suggestion: '建议', body: '' };
    expect(
      await codeOf(
        transitionItem(
          t.ctx,
          editor(),
          WHO,
          item?.id as number,
          request('revise', item?.version as number, { content }),
        ),
      ),
    ).toBe('ITEM_ACTION_NOT_ALLOWED');
  });

  it('an item being signed cannot be revised; one being compiled can, as a new version', async () => {
    const { id, items } = await compiled(w.publications.sheqing, 1);
    const itemId = items[0] as number;
    const content = {
      title: '关于进一步加强农村养老服务的建议',
      situation: '新的情况',
      analysis: '',
      suggestion: '建议',
      body: '',
    };
    await act(t.ctx, editor(), itemId, 'revise', { content });
    expect((await findItem(t.ctx.db.kysely, itemId))?.title).toBe(content.title);
    expect((await findItem(t.ctx.db.kysely, itemId))?.status).toBe('selected');
    await submit(id);
    const item = await findItem(t.ctx.db.kysely, itemId);
    expect(
      await codeOf(
        transitionItem(t.ctx, editor(), WHO, itemId, request('revise', item?.version as number, { content })),
      ),
    ).toBe('ISSUE_LOCKED');
    expect(
      await codeOf(
        transitionItem(t.ctx, editor(), WHO, itemId, request('deselect', item?.version as number)),
      ),
    ).toBe('ISSUE_LOCKED');
    await withdrawIssue(t.ctx, editor(), WHO, id, { version: (await issueOf(id)).version, reason: '调整' });
  });

  it('a correction is a new revision on record; the first file stays as it was', async () => {
    const i = await issueOf(issued.id);
    const itemId = issued.items[1] as number;
    await correctIssue(t.ctx, editor(), WHO, issued.id, {
      version: i.version,
      itemId,
      note: '第二篇第一段数据有误，更正为20.6%',
      content: {
        title: '勘误后的标题',
        situation: '占比为20.6%。',
        analysis: '',
        suggestion: '建议加强。',
        body: '',
      },
    });
    const files = await t.ctx.db.kysely
      .selectFrom('issue_files')
      .selectAll()
      .where('issue_id', '=', issued.id)
      .orderBy('revision')
      .execute();
    expect(files.map((f) => f.revision)).toEqual([1, 2]);
    expect(files[0]?.sha256).not.toBe(files[1]?.sha256);
    expect(JSON.parse(files[0]?.document ?? '{}').items[1].title).not.toBe('勘误后的标题');
    expect(JSON.parse(files[1]?.document ?? '{}').items[1].title).toBe('勘误后的标题');
    // A second correction carries both notes; the earlier files stay as they were.
    await correctIssue(t.ctx, editor(), WHO, issued.id, {
      version: (await issueOf(issued.id)).version,
      itemId,
      note: '标题中“建议”前漏“的”字',
      content: {
        title: '勘误后的标题的建议',
        situation: '占比为20.6%。',
        analysis: '',
        suggestion: '建议加强。',
        body: '',
      },
    });
    const third = await t.ctx.db.kysely
      .selectFrom('issue_files')
      .selectAll()
      .where('issue_id', '=', issued.id)
      .where('revision', '=', 3)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(third.document).correction.note).toBe(
      '第二篇第一段数据有误，更正为20.6%；标题中“建议”前漏“的”字',
    );
    const versions = await t.ctx.db.kysely
      .selectFrom('item_versions')
      .select('kind')
      .where('item_id', '=', itemId)
      .execute();
    expect(versions.map((v) => v.kind)).toContain('correction');
  });

  it('dispatch to the National CPPCC forwards the items; to the governor marks them', async () => {
    const rows = await t.ctx.db.kysely
      .selectFrom('dispatches')
      .selectAll()
      .where('issue_id', '=', issued.id)
      .execute();
    const national = rows.find((d) => d.name === '全国政协办公厅');
    const day = new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await updateDispatch(t.ctx, editor(), WHO, national?.id as number, {
      version: national?.version as number,
      channel: 'network',
      status: 'sent',
      sentOn: day,
      handlerId: w.users.editor.id,
      note: '',
    });
    for (const itemId of issued.items)
      expect((await findItem(t.ctx.db.kysely, itemId))?.status).toBe('forwarded');
    expect(
      await codeOf(
        updateDispatch(t.ctx, editor(), WHO, national?.id as number, {
          version: national?.version as number,
          channel: 'fax',
          status: 'sent',
          sentOn: day,
          handlerId: null,
          note: '',
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      await codeOf(
        updateDispatch(t.ctx, leader(), WHO, national?.id as number, {
          version: 2,
          channel: 'fax',
          status: 'sent',
          sentOn: day,
          handlerId: null,
          note: '',
        }),
      ),
    ).toBe('FORBIDDEN');

    const z = await compiled(w.publications.zhuanbao, 1);
    await submit(z.id);
    await approve(secgen(), z.id);
    await approve(chair(), z.id);
    const gov = await t.ctx.db.kysely
      .selectFrom('dispatches')
      .selectAll()
      .where('issue_id', '=', z.id)
      .where('name', '=', '省长')
      .executeTakeFirstOrThrow();
    await updateDispatch(t.ctx, editor(), WHO, gov.id, {
      version: gov.version,
      channel: 'confidential',
      status: 'sent',
      sentOn: day,
      handlerId: w.users.editor.id,
      note: '',
    });
    expect((await findItem(t.ctx.db.kysely, z.items[0] as number))?.top_leaders).toBe(1);
  });
});

describe('what may be compiled, and by whom', () => {
  it("only selected items of the office, of the publication's streams, in one issue at a time", async () => {
    const itemId = await selectedItem(t.ctx, w, '只能编入一期的信息');
    const first = await createIssue(t.ctx, editor(), WHO, {
      publicationId: w.publications.sheqing,
      kind: 'regular',
      urgency: 'normal',
      itemIds: [itemId],
    });
    expect(
      await codeOf(
        createIssue(t.ctx, editor(), WHO, {
          publicationId: w.publications.xinxi,
          kind: 'regular',
          urgency: 'normal',
          itemIds: [itemId],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        createIssue(t.ctx, editor(), WHO, {
          publicationId: w.publications.anhui,
          kind: 'regular',
          urgency: 'normal',
          itemIds: [itemId],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    const other = await selectedItem(t.ctx, w, '第二条');
    expect(
      await codeOf(
        createIssue(t.ctx, editor(), WHO, {
          publicationId: w.publications.zhuanbao,
          kind: 'regular',
          urgency: 'normal',
          itemIds: [other, first],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    // Leaders sign but do not compile; city staff and members do not see the province's issues.
    expect(
      await codeOf(
        createIssue(t.ctx, leader(), WHO, {
          publicationId: w.publications.sheqing,
          kind: 'regular',
          urgency: 'normal',
          itemIds: [],
        }),
      ),
    ).toBe('FORBIDDEN');
    const i = await issueOf(first);
    expect(
      await codeOf(
        updateIssue(t.ctx, w.actors.cityEditor, WHO, first, {
          version: i.version,
          kind: 'regular',
          urgency: 'normal',
          editorNote: '',
          recipients: [],
          printRun: 1,
          itemIds: [],
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(await codeOf(submitIssue(t.ctx, w.actors.author, WHO, first, i.version))).toBe('NOT_FOUND');
  });

  it('chains are validated: signers must hold signing rights, the last rule catches everything', async () => {
    expect(
      await codeOf(
        createChain(t.ctx, WHO, {
          orgId: w.p.province.id,
          name: '错误流程',
          active: true,
          steps: [
            { name: '编辑审核', mode: 'single', signers: [{ type: 'user', userId: w.users.editor.id }] },
          ],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        createChain(t.ctx, WHO, {
          orgId: w.p.province.id,
          name: '会签一人',
          active: true,
          steps: [
            { name: '会签', mode: 'all', signers: [{ type: 'user', userId: w.signers.chair.user.id }] },
          ],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        saveRules(t.ctx, WHO, w.p.province.id, [
          { condition: 'top_leaders', publicationId: null, chainId: w.chains.top },
        ]),
      ),
    ).toBe('VALIDATION_FAILED');
  });
});

describe('guards found in review', () => {
  const day = () => new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);

  it('a post holder without signing rights cannot sign: the step refuses to open for them', async () => {
    await t.ctx.db.kysely
      .updateTable('posts')
      .set({ holder_b_id: w.users.editor.id })
      .where('id', '=', w.reviewPost)
      .execute();
    await t.ctx.db.kysely
      .insertInto('leaves')
      .values({
        user_id: w.users.director.id,
        start_date: day(),
        end_date: day(),
        note: '出差',
        created_at: t.ctx.clock.iso(),
      })
      .execute();
    try {
      const { id } = await compiled(w.publications.sheqing, 1);
      const refused = await submit(id).then(
        () => '',
        (e: AppError) => e.message,
      );
      expect(refused).toContain('林静');
      expect((await issueOf(id)).status).toBe('compiling');
    } finally {
      await t.ctx.db.kysely.deleteFrom('leaves').where('user_id', '=', w.users.director.id).execute();
      await t.ctx.db.kysely
        .updateTable('posts')
        .set({ holder_b_id: w.signers.deputy.user.id })
        .where('id', '=', w.reviewPost)
        .execute();
    }
  });

  it('a reassigned post is signed by its new holder, not the former one', async () => {
    const { id } = await compiled(w.publications.sheqing, 1);
    await submit(id);
    await t.ctx.db.kysely
      .updateTable('posts')
      .set({ holder_a_id: w.signers.deputy.user.id, holder_b_id: w.users.director.id })
      .where('id', '=', w.reviewPost)
      .execute();
    try {
      expect(await codeOf(approve(director(), id))).toBe('ISSUE_NOT_YOUR_TURN');
      await approve(w.signers.deputy.actor, id);
      expect((await issueOf(id)).step_index).toBe(1);
    } finally {
      await t.ctx.db.kysely
        .updateTable('posts')
        .set({ holder_a_id: w.users.director.id, holder_b_id: w.signers.deputy.user.id })
        .where('id', '=', w.reviewPost)
        .execute();
    }
  });

  it('the governor by name takes the higher chain even with the flag cleared', async () => {
    const { id, items } = await compiled(w.publications.xinxi, 1);
    const i = await issueOf(id);
    const recipients: Recipient[] = [
      { name: '省长', group: 'bao', topLeader: false, upward: false, channel: 'confidential' },
    ];
    await updateIssue(t.ctx, editor(), WHO, id, {
      version: i.version,
      kind: 'regular',
      urgency: 'normal',
      editorNote: '',
      recipients,
      printRun: 5,
      itemIds: items,
    });
    await submit(id);
    expect((await chainName(id)).name).toBe('秘书长审核、主席审定');
    const other = await compiled(w.publications.xinxi, 1);
    const j = await issueOf(other.id);
    const deputy: Recipient[] = [
      { name: '分管副省长', group: 'song', topLeader: false, upward: false, channel: 'confidential' },
    ];
    await updateIssue(t.ctx, editor(), WHO, other.id, {
      version: j.version,
      kind: 'regular',
      urgency: 'normal',
      editorNote: '',
      recipients: deputy,
      printRun: 5,
      itemIds: other.items,
    });
    await submit(other.id);
    expect((await chainName(other.id)).name).toBe('处长审核、分管领导审定');
  });

  it('one person cannot fill two seats of a 会签 step, by transfer or otherwise', async () => {
    const both = await createChain(t.ctx, WHO, {
      orgId: w.p.province.id,
      name: '秘书长、分管领导会签',
      active: true,
      steps: [
        {
          name: '会签',
          mode: 'all',
          signers: [
            { type: 'user', userId: w.signers.secgen.user.id },
            { type: 'user', userId: w.signers.leader.user.id },
          ],
        },
      ],
    });
    await saveRules(t.ctx, WHO, w.p.province.id, [
      { condition: 'always', publicationId: w.publications.sheqing, chainId: both },
      { condition: 'top_leaders', publicationId: null, chainId: w.chains.top },
      { condition: 'always', publicationId: null, chainId: w.chains.normal },
    ]);
    try {
      const { id } = await compiled(w.publications.sheqing, 1);
      await submit(id);
      await approve(secgen(), id);
      expect(
        await codeOf(
          transferSignoff(t.ctx, leader(), WHO, id, {
            version: (await issueOf(id)).version,
            userId: w.signers.secgen.user.id,
            reason: '请秘书长代签',
          }),
        ),
      ).toBe('VALIDATION_FAILED');
      expect((await issueOf(id)).status).toBe('reviewing');
      await approve(leader(), id);
      expect((await issueOf(id)).status).toBe('issued');
    } finally {
      await saveRules(t.ctx, WHO, w.p.province.id, [
        { condition: 'top_leaders', publicationId: null, chainId: w.chains.top },
        { condition: 'always', publicationId: null, chainId: w.chains.normal },
      ]);
    }
  });

  it('an item that left 拟用 blocks submission with its name, not the last signature', async () => {
    const { id, items } = await compiled(w.publications.sheqing, 1);
    // As if a concurrent deselection had slipped through.
    await t.ctx.db.kysely
      .updateTable('items')
      .set({ status: 'editing' })
      .where('id', '=', items[0] as number)
      .execute();
    const message = await submit(id).then(
      () => '',
      (e: AppError) => `${e.code}:${e.message}`,
    );
    expect(message).toMatch(/^ISSUE_INCOMPLETE:信息《.+》已不是拟用状态/);
    await t.ctx.db.kysely
      .updateTable('items')
      .set({ status: 'selected' })
      .where('id', '=', items[0] as number)
      .execute();
  });

  it('the running total cannot be restarted once issues carry it', async () => {
    const { id } = await compiled(w.publications.sheqing, 1);
    await submit(id);
    await approve(director(), id);
    await approve(leader(), id);
    expect((await issueOf(id)).total_number).not.toBeNull();
    const pub = await t.ctx.db.kysely
      .selectFrom('publications')
      .selectAll()
      .where('id', '=', w.publications.sheqing)
      .executeTakeFirstOrThrow();
    const { publicationInputOf, updatePublication } = await import('./config.service.ts');
    const input = { ...publicationInputOf(pub), totalOffset: pub.total_offset + 5 };
    expect(await codeOf(updatePublication(t.ctx, WHO, pub.id, pub.version, input))).toBe('VALIDATION_FAILED');
  });

  it('the dispatch handler must be of the office', async () => {
    const { id } = await compiled(w.publications.sheqing, 1);
    await submit(id);
    await approve(director(), id);
    await approve(leader(), id);
    const d = await t.ctx.db.kysely
      .selectFrom('dispatches')
      .selectAll()
      .where('issue_id', '=', id)
      .executeTakeFirstOrThrow();
    const input = {
      version: d.version,
      channel: 'fax' as const,
      status: 'sent' as const,
      sentOn: day(),
      note: '',
    };
    expect(
      await codeOf(updateDispatch(t.ctx, editor(), WHO, d.id, { ...input, handlerId: w.users.sysadmin.id })),
    ).toBe('VALIDATION_FAILED');
    const tomorrow = new Date(t.ctx.clock.now().getTime() + 32 * 3600_000).toISOString().slice(0, 10);
    expect(
      await codeOf(
        updateDispatch(t.ctx, editor(), WHO, d.id, {
          ...input,
          sentOn: tomorrow,
          handlerId: w.users.editor.id,
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(updateDispatch(t.ctx, editor(), WHO, d.id, { ...input, handlerId: w.users.editor.id })),
    ).toBe('ok');
  });
});

describe('the cadence week', () => {
  it('runs from Monday 00:00 to Sunday 24:00 China time', async () => {
    const { weekStart } = await import('./config.service.ts');
    const monday = '2026-11-22T16:00:00.000Z'; // 2026-11-23 00:00 in Beijing
    expect(weekStart(new Date('2026-11-22T16:30:00Z'))).toBe(monday); // Monday 00:30
    expect(weekStart(new Date('2026-11-24T01:00:00Z'))).toBe(monday); // Tuesday 09:00
    expect(weekStart(new Date('2026-11-29T15:59:00Z'))).toBe(monday); // Sunday 23:59
    expect(weekStart(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-29T16:00:00.000Z'); // next Monday
  });
});

describe('two seats, one person', () => {
  it('the B holder also named in a 会签 step signs once; the other seat must be transferred', async () => {
    const { presentDetail } = await import('./issues.presenter.ts');
    const { loadIssueDesks } = await import('./issues.policy.ts');
    const chain = await createChain(t.ctx, WHO, {
      orgId: w.p.province.id,
      name: '处长岗与副处长会签',
      active: true,
      steps: [
        {
          name: '会签',
          mode: 'all',
          signers: [
            { type: 'post', postId: w.reviewPost },
            { type: 'user', userId: w.signers.deputy.user.id },
          ],
        },
      ],
    });
    await saveRules(t.ctx, WHO, w.p.province.id, [
      { condition: 'always', publicationId: w.publications.sheqing, chainId: chain },
      { condition: 'top_leaders', publicationId: null, chainId: w.chains.top },
      { condition: 'always', publicationId: null, chainId: w.chains.normal },
    ]);
    const today = new Date(t.ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await t.ctx.db.kysely
      .insertInto('leaves')
      .values({
        user_id: w.users.director.id,
        start_date: today,
        end_date: today,
        note: '出差',
        created_at: t.ctx.clock.iso(),
      })
      .execute();
    try {
      const { id } = await compiled(w.publications.sheqing, 1);
      await submit(id);
      const deputy = w.signers.deputy.actor;
      await approve(deputy, id);
      expect(await codeOf(approve(deputy, id))).toBe('VALIDATION_FAILED');
      const issue = await issueOf(id);
      const { abilities } = await presentDetail(
        t.ctx.db.kysely,
        deputy,
        issue,
        await loadIssueDesks(t.ctx.db.kysely, deputy),
        t.ctx.clock.now(),
      );
      expect(abilities.approve).toBe(false);
      expect(abilities.transfer).toBe(true);
      await transferSignoff(t.ctx, deputy, WHO, id, {
        version: issue.version,
        userId: w.signers.secgen.user.id,
        reason: '本人已签署',
      });
      await approve(secgen(), id);
      expect((await issueOf(id)).status).toBe('issued');
    } finally {
      await t.ctx.db.kysely.deleteFrom('leaves').where('user_id', '=', w.users.director.id).execute();
      await saveRules(t.ctx, WHO, w.p.province.id, [
        { condition: 'top_leaders', publicationId: null, chainId: w.chains.top },
        { condition: 'always', publicationId: null, chainId: w.chains.normal },
      ]);
    }
  });
});
