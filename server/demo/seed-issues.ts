/**
 * Demo publications: the provincial office's approval chains (信息处处长岗 with its A and B
 * holders, then the leader in charge; 秘书长 then 主席 for what goes to the provincial Party
 * secretary and governor) and about two months of issues of the four publications, taken through
 * the real services in the items' timeline (seed-items.ts): compiled from the items selected by
 * then, sent for signature, approved hours later, now and then returned, transferred or widened
 * by one more signer, issued (numbered, a Word file frozen, the items published and their authors
 * told), once corrected, and dispatched (报送登记) a day later, which forwards items to the
 * National Committee. At the end one 《政协信息》 issue waits for the leader, one 《社情民意》 issue
 * is being compiled and a few selected items are still free.
 */

import type { Recipient } from '../../shared/schemas/issues.ts';
import type { AppContext, Who } from '../context.ts';
import type { PublicationRow } from '../db/schema.ts';
import { cstDate, DAY, HOUR, MINUTE } from '../lib/clock.ts';
import type { Actor } from '../modules/access/actor.ts';
import { offlineActor } from '../modules/access/offline-actor.ts';
import {
  addSigner,
  approveIssue,
  returnIssue,
  submitIssue,
  transferSignoff,
} from '../modules/issues/approval.service.ts';
import {
  createChain,
  parseRecipients,
  publicationInputOf,
  saveRules,
  updatePublication,
} from '../modules/issues/config.service.ts';
import { correctIssue, updateDispatch } from '../modules/issues/dispatch.service.ts';
import { findIssue } from '../modules/issues/issues.repository.ts';
import { createIssue, updateIssue } from '../modules/issues/issues.service.ts';
import { contentOf, findItem } from '../modules/items/items.repository.ts';
import { transitionItem } from '../modules/items/transition.service.ts';
import { createPost } from '../modules/posts/posts.service.ts';
import { mulberry32, officeEdit, pick, type Rng } from './item-texts.ts';
import { type DemoPublishing, type ItemPool, type ItemSupply, weekStartOf } from './seed-items.ts';

const WHO: Who = { actor: null, ip: '127.0.0.1' };
const CST = 8 * HOUR;

type PubKey = 'xinxi' | 'sheqing' | 'anhui' | 'zhuanbao';
const PUBLICATION_NAMES: Record<PubKey, string> = {
  xinxi: '政协信息',
  sheqing: '社情民意',
  anhui: '安徽政协信息',
  zhuanbao: '政协信息专报',
};
/** What the publications print, as the running total before the platform (总第N期). */
const TOTAL_OFFSETS: Partial<Record<PubKey, number>> = { sheqing: 1186, anhui: 2043, zhuanbao: 327 };

const STAFF = ['editor', 'editor2', 'director', 'deputy', 'leader', 'secgen', 'chair'] as const;
type StaffKey = (typeof STAFF)[number];

const COMMENTS: Record<StaffKey, readonly string[]> = {
  editor: [''],
  editor2: [''],
  director: ['同意。', '已审核，同意，呈分管领导审定。', '同意，请冯国栋副秘书长审定。'],
  deputy: ['同意，呈分管领导审定。', '已审核，同意。'],
  leader: ['同意印发。', '同意。', '可发。'],
  secgen: ['同意，呈主席审定。', '已阅，同意报送。'],
  chair: ['同意报送。', '同意。'],
};

const ORDINALS = ['一', '二', '三', '四', '五', '六'];

const SUPPLEMENT_NOTE =
  '编者按：为服务省委、省政府重点工作，现将近期委员和各参加单位反映的部分意见建议集中编发，供领导同志参阅。';

/** Beijing wall-clock parts of an instant: weekday (Monday 0), hour and that day's midnight. */
function cst(ms: number): { weekday: number; hour: number; midnight: number } {
  const d = new Date(ms + CST);
  return {
    weekday: (d.getUTCDay() + 6) % 7,
    hour: d.getUTCHours() + d.getUTCMinutes() / 60,
    midnight: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - CST,
  };
}

/** Midnight of the working day after the one holding `ms`. */
function nextWorkday(ms: number): number {
  let m = cst(ms).midnight + DAY;
  while (cst(m + HOUR).weekday >= 5) m += DAY;
  return m;
}

/** The latest office moment (09:00–17:30 on a weekday) not after `ms`. */
function officeBack(ms: number, rng: Rng): number {
  const { weekday, hour, midnight } = cst(ms);
  if (weekday < 5 && hour >= 9 && hour <= 17.5) return ms;
  if (weekday < 5 && hour > 17.5) return midnight + 17 * HOUR + rng() * 25 * MINUTE;
  let m = midnight - DAY;
  while (cst(m + HOUR).weekday >= 5) m -= DAY;
  return m + 17 * HOUR + rng() * 25 * MINUTE;
}

/** The earliest office moment not before `ms`. */
function officeForward(ms: number, rng: Rng): number {
  const { weekday, hour, midnight } = cst(ms);
  if (weekday < 5 && hour >= 9 && hour <= 17.5) return ms;
  if (weekday < 5 && hour < 9) return midnight + 9 * HOUR + rng() * 30 * MINUTE;
  return nextWorkday(ms) + 9 * HOUR + rng() * 30 * MINUTE;
}

type Prefs = readonly (readonly ItemPool['kind'][])[];

/** An issue compiled at `t` of `n` items, from pool `kind`. */
interface Demand {
  pub: PubKey;
  t: number;
  n: number;
  kind: ItemPool['kind'];
}

interface Handle {
  pub: PubKey;
  id: number | null;
  compiler: StaffKey;
}

/**
 * The publishing history of the demo: the items it needs (so many selected by each issue's
 * compiling) and its steps, added to the items' timeline once they are planned.
 */
export function demoPublishing(ctx: AppContext, org: (key: string) => number, end: number): DemoPublishing {
  const planned: { t: number; run: () => Promise<void> }[] = [];
  const demands: Demand[] = [];
  let poolOf: (itemId: number) => ItemPool = () => ({ kind: 'general', from: 0 });
  const history = planIssues(ctx, org, end, {
    at: (t, run) => planned.push({ t, run }),
    demand: (d) => demands.push(d),
    poolOf: (id) => poolOf(id),
  });
  return {
    supply: supplyFor(demands, end),
    async schedule(timeline, pools) {
      poolOf = pools;
      await history.load();
      for (const p of planned) timeline.at(p.t, p.run);
    },
  };
}

/**
 * The items for the issues: each issue's share, planned to be selected one to three weeks before
 * it is compiled, plus the items of the issues under way at the end and those still waiting then.
 */
function supplyFor(demands: readonly Demand[], end: number): ItemSupply[] {
  const rng = mulberry32(0x5a991e);
  const out: ItemSupply[] = [];
  const before = (t: number, lo: number, hi: number) => {
    const d = (end - t) / DAY;
    return [d + lo, d + hi] as const;
  };
  // The items selected in no issue's share (the older history's) are taken first, oldest first:
  // ten issues of the last four weeks need one fewer of their own.
  let spare = 10;
  for (const d of [...demands].sort((a, b) => b.t - a.t)) {
    let count = d.n;
    if (d.kind === 'general' && end - d.t < 30 * DAY && spare > 0 && count > 1) {
      count -= 1;
      spare -= 1;
    }
    if (d.kind === 'current') continue;
    out.push({
      count,
      pool: { kind: d.kind, from: d.t },
      startDays: before(d.t, 13, 24),
      direct: rng() < 0.3,
      ...(d.pub === 'sheqing' ? { zhxx: false } : d.pub === 'anhui' ? { zhxx: true } : {}),
    });
  }
  const first = Math.min(...demands.filter((d) => d.kind === 'current').map((d) => d.t));
  out.push({ count: 5, zhxx: false, pool: { kind: 'current', from: first }, startDays: [10, 20] });
  out.push({ count: 6, zhxx: false, pool: { kind: 'kept', from: 0 }, startDays: [6, 18] });
  out.push({ count: 2, zhxx: true, pool: { kind: 'kept', from: 0 }, startDays: [6, 18] });
  return out;
}

interface Planner {
  at(t: number, run: () => Promise<void>): void;
  demand(d: Demand): void;
  poolOf(itemId: number): ItemPool;
}

/**
 * The chains and rules, then about two months of issues: each step at its time, run later in
 * the items' timeline. `load` reads the people and publications before the first step runs.
 */
function planIssues(ctx: AppContext, org: (key: string) => number, end: number, planner: Planner) {
  const rng = mulberry32(0x15500e5);
  const db = ctx.db.kysely;
  const province = org('province');
  const limit = end - 10 * MINUTE;
  const uniform = (a: number, b: number) => a + rng() * (b - a);

  const ids = new Map<StaffKey, number>();
  const actors = new Map<StaffKey, Actor>();
  const publications: PublicationRow[] = [];
  const load = async () => {
    for (const u of await db
      .selectFrom('users')
      .select(['id', 'login'])
      .where('login', 'in', [...STAFF])
      .execute())
      ids.set(u.login as StaffKey, u.id);
    for (const k of STAFF) actors.set(k, await offlineActor(db, userId(k), 'demo-seed'));
    publications.push(
      ...(await db.selectFrom('publications').selectAll().where('org_id', '=', province).execute()),
    );
  };
  const userId = (k: StaffKey) => {
    const id = ids.get(k);
    if (id === undefined) throw new Error(`demo user ${k} missing`);
    return id;
  };
  const actor = (k: StaffKey) => actors.get(k) as Actor;
  const publication = (k: PubKey) => {
    const p = publications.find((x) => x.name === PUBLICATION_NAMES[k]);
    if (!p) throw new Error(`demo publication ${PUBLICATION_NAMES[k]} missing`);
    return p;
  };

  /** A step at `t`; steps past the end of the history are left undone (待报送 and the like). */
  const at = (t: number, run: () => Promise<void>) => {
    if (t < limit) planner.at(t, run);
  };
  const W0 = weekStartOf(end);
  /** Day `weekday` (Monday 0) of the week `k` weeks before the current one, between hours `from` and `to`. */
  const when = (k: number, weekday: number, from: number, to: number) =>
    W0 - k * 7 * DAY + weekday * DAY + uniform(from, to) * HOUR;

  // ── set-up, a week before the first issue: the 处长岗 post, the chains, the rules ───────
  at(when(8, 3, 9.5, 10.5), async () => {
    const post = await createPost(ctx, WHO, {
      orgId: province,
      name: '信息处处长岗',
      duty: 'review',
      holderAId: userId('director'),
      holderBId: userId('deputy'),
      deadlineHours: 24,
    });
    const normal = await createChain(ctx, WHO, {
      orgId: province,
      name: '处长审核、分管领导审定',
      active: true,
      steps: [
        { name: '信息处处长审核', mode: 'single', signers: [{ type: 'post', postId: post }] },
        { name: '分管领导审定', mode: 'single', signers: [{ type: 'user', userId: userId('leader') }] },
      ],
    });
    const top = await createChain(ctx, WHO, {
      orgId: province,
      name: '秘书长审核、主席审定',
      active: true,
      steps: [
        { name: '秘书长审核', mode: 'single', signers: [{ type: 'user', userId: userId('secgen') }] },
        { name: '主席审定', mode: 'single', signers: [{ type: 'user', userId: userId('chair') }] },
      ],
    });
    await saveRules(ctx, WHO, province, [
      { condition: 'top_leaders', publicationId: null, chainId: top },
      { condition: 'always', publicationId: null, chainId: normal },
    ]);
    // The publications that existed before the platform go on counting their running total.
    for (const [k, offset] of Object.entries(TOTAL_OFFSETS) as [PubKey, number][]) {
      const p = publication(k);
      await updatePublication(ctx, WHO, p.id, p.version, { ...publicationInputOf(p), totalOffset: offset });
    }
  });

  // ── what one issue goes through ─────────────────────────────────────────────────────────
  const issueItems = async (issueId: number) =>
    (
      await db
        .selectFrom('issue_items')
        .select('item_id')
        .where('issue_id', '=', issueId)
        .orderBy('position')
        .execute()
    ).map((r) => r.item_id);
  const versionOf = async (h: Handle) => (await findIssue(db, h.id as number))?.version as number;

  /**
   * Free selected items of the province for a publication that an issue compiled now may take,
   * by pool preference, oldest first.
   */
  const freeItems = async (pub: PubKey, prefs: Prefs, n: number) => {
    const now = ctx.clock.now().getTime();
    const streams = publication(pub).streams.split(',');
    const rows = await db
      .selectFrom('items')
      .leftJoin('issue_items', 'issue_items.item_id', 'items.id')
      .select(['items.id', 'items.stream', 'items.direction'])
      .where('items.target_org_id', '=', province)
      .where('items.status', '=', 'selected')
      .where('issue_items.item_id', 'is', null)
      .orderBy('items.updated_at')
      .orderBy('items.id')
      .execute();
    const chosen: typeof rows = [];
    for (const pools of prefs)
      for (const r of rows)
        if (
          chosen.length < n &&
          streams.includes(r.stream) &&
          pools.includes(planner.poolOf(r.id).kind) &&
          planner.poolOf(r.id).from <= now &&
          !chosen.includes(r)
        )
          chosen.push(r);
    return chosen;
  };

  const compile = (
    h: Handle,
    time: number,
    o: {
      n: number;
      prefs: Prefs;
      kind?: 'regular' | 'supplement';
      urgency?: 'normal' | 'urgent';
      note?: string;
    },
  ) => {
    // Whole milliseconds, as the clock keeps them (the pool's `from` is compared with it).
    const t = Math.round(time);
    if (t >= limit) return;
    const kind =
      o.prefs[0]?.[0] === 'current'
        ? 'current'
        : h.pub === 'anhui'
          ? 'anhui'
          : h.pub === 'zhuanbao'
            ? 'zhuanbao'
            : 'general';
    planner.demand({ pub: h.pub, t, n: o.n, kind });
    at(t, async () => {
      const items = await freeItems(h.pub, o.prefs, o.n);
      if (items.length === 0) return;
      const compiler = actor(h.compiler);
      h.id = await createIssue(ctx, compiler, WHO, {
        publicationId: publication(h.pub).id,
        kind: o.kind ?? 'regular',
        urgency: o.urgency ?? 'normal',
        itemIds: items.map((i) => i.id),
      });
      // 《政协信息》 serves the provincial leadership: it goes to the National Committee only when
      // its lead item is meant for it too (反映全局性问题).
      const issue = await findIssue(db, h.id);
      if (!issue) return;
      const recipients = parseRecipients(issue.recipients);
      const upward = h.pub !== 'xinxi' || items[0]?.direction === 'upward';
      const kept = upward ? recipients : recipients.filter((r) => !r.upward);
      if (kept.length !== recipients.length || o.note)
        await updateIssue(ctx, compiler, WHO, h.id, {
          version: issue.version,
          kind: issue.kind as 'regular' | 'supplement',
          urgency: issue.urgency as 'normal' | 'urgent',
          editorNote: o.note ?? '',
          recipients: kept,
          printRun: issue.print_run,
          itemIds: items.map((i) => i.id),
        });
    });
  };

  const submit = (h: Handle, t: number) =>
    at(t, async () => {
      if (h.id !== null) await submitIssue(ctx, actor(h.compiler), WHO, h.id, await versionOf(h));
    });

  const approve = (h: Handle, t: number, who: StaffKey, comment = pick(rng, COMMENTS[who])) =>
    at(t, async () => {
      if (h.id !== null) await approveIssue(ctx, actor(who), WHO, h.id, await versionOf(h), comment);
    });

  const sendBack = (h: Handle, t: number, who: StaffKey, toStep: number, reason: string) =>
    at(t, async () => {
      if (h.id !== null)
        await returnIssue(ctx, actor(who), WHO, h.id, { version: await versionOf(h), toStep, reason });
    });

  /** Records the dispatch to the recipients `which` picks, sent on the day of `t`. */
  const dispatch = (h: Handle, t: number, which: (r: { channel: string; upward: number }) => boolean) =>
    at(t, async () => {
      if (h.id === null) return;
      const rows = await db
        .selectFrom('dispatches')
        .selectAll()
        .where('issue_id', '=', h.id)
        .where('status', '=', 'pending')
        .orderBy('position')
        .execute();
      for (const d of rows.filter(which))
        await updateDispatch(ctx, actor(h.compiler), WHO, d.id, {
          version: d.version,
          channel: d.channel as Recipient['channel'],
          status: 'sent',
          sentOn: cstDate(new Date(t)),
          handlerId: userId(h.compiler),
          note: '',
        });
    });

  /**
   * After signing: the same afternoon (or the next morning) the confidential copies go out
   * through 机要交换; the next working day the issue is sent to the National Committee through
   * its network system and to the CPPCCs below as an electronic document.
   */
  const dispatchAfter = (h: Handle, signed: number) => {
    const sameDay = cst(signed).hour < 16.3;
    const first = sameDay
      ? signed + uniform(30, 60) * MINUTE
      : nextWorkday(signed) + uniform(9.1, 9.6) * HOUR;
    const second = Math.max(first + uniform(20, 50) * MINUTE, nextWorkday(signed) + uniform(9.5, 11) * HOUR);
    dispatch(h, first, (d) => d.channel === 'confidential');
    // The issues of the last days are not all sent yet (待报送).
    if (end - signed > 4 * DAY) dispatch(h, second, () => true);
  };

  const issue = (pub: PubKey, compiler: StaffKey): Handle => ({ pub, id: null, compiler });
  const xinxiCount = () => (rng() < 0.3 ? 2 : rng() < 0.72 ? 3 : 4);
  const ANY: Prefs = [['member'], ['general']];

  // ── 《政协信息》: twice a week (Tuesday and Friday), the last ~8 weeks ────────────────────
  interface Slot {
    k: number;
    compile: number;
    submit: number;
    director: number;
    sign: number;
  }
  const regular: Slot[] = [];
  for (let k = 7; k >= 0; k--) {
    regular.push({
      k,
      compile: when(k, 0, 14, 17),
      submit: when(k, 1, 9.1, 10.2),
      director: when(k, 1, 10.5, 11.8),
      sign: when(k, 1, 14.5, 17.2),
    });
    // This week's second issue is the one now waiting for the leader.
    if (k > 0)
      regular.push({
        k,
        compile: when(k, 3, 14.5, 17),
        submit: when(k, 4, 9, 10),
        director: when(k, 4, 10.2, 11.6),
        sign: when(k, 4, 13.8, 16.8),
      });
  }
  // The current week ends with the issue now waiting for the leader: sent for signature a few
  // hours before the end and approved by the director since. This week's first issue is signed
  // before it: on Tuesday, or earlier if Tuesday's is still to come (briskly early on a Monday).
  const current = (pace: number) => {
    const approved = officeBack(end - uniform(20, 80) * pace * MINUTE, rng);
    const submitted = officeBack(approved - uniform(50, 140) * pace * MINUTE, rng);
    const sign = officeBack(submitted - uniform(30, 90) * pace * MINUTE, rng);
    const director = officeBack(sign - uniform(30, 60) * pace * MINUTE, rng);
    const submit = officeBack(director - uniform(20, 40) * pace * MINUTE, rng);
    const compile = officeBack(submit - uniform(3, 20) * HOUR, rng);
    return { approved, submitted, early: { k: 0, compile, submit, director, sign } };
  };
  const tuesday = regular.find((s) => s.k === 0) as Slot;
  let review = current(1);
  if (tuesday.sign >= review.submitted - 20 * MINUTE && review.early.submit < W0 + 9 * HOUR)
    review = current(0.3);
  const reviewApproved = review.approved;
  const reviewSubmitted = review.submitted;
  const reviewCompiled = officeBack(reviewSubmitted - uniform(60, 180) * MINUTE, rng);
  const slots = regular.filter((s) => s.sign < reviewSubmitted - 20 * MINUTE);
  if (!slots.some((s) => s.k === 0) && review.early.submit >= W0 + 9 * HOUR) slots.push(review.early);
  const directorLeave = (t: number) => t >= W0 - 12 * DAY && t < W0 - 10 * DAY;
  for (const s of slots) {
    const h = issue('xinxi', 'editor');
    const special =
      s.k === 5 && cst(s.sign).weekday === 4
        ? 'returned'
        : s.k === 3 && cst(s.sign).weekday === 4
          ? 'widened'
          : null;
    compile(h, s.compile, { n: special === 'returned' ? 4 : xinxiCount(), prefs: ANY });
    submit(h, s.submit);
    approve(h, s.director, directorLeave(s.director) ? 'deputy' : 'director');
    if (special === 'returned') {
      // The leader takes the last item out; the office drops it (it waits for a later issue)
      // and resubmits the rest.
      const back = s.sign - uniform(100, 130) * MINUTE;
      const returned = { done: false };
      at(back, async () => {
        const n = h.id === null ? 0 : (await issueItems(h.id)).length;
        if (h.id === null || n < 2) return;
        const reason = `第${ORDINALS[n - 1]}篇与近期已编发信息内容相近，建议本期撤下，其余${ORDINALS[n - 2]}篇同意。`;
        await returnIssue(ctx, actor('leader'), WHO, h.id, {
          version: await versionOf(h),
          toStep: -1,
          reason,
        });
        returned.done = true;
      });
      at(back + uniform(20, 35) * MINUTE, async () => {
        const i = returned.done && h.id !== null ? await findIssue(db, h.id) : undefined;
        if (!i) return;
        await updateIssue(ctx, actor('editor'), WHO, i.id, {
          version: i.version,
          kind: 'regular',
          urgency: i.urgency as 'normal',
          editorNote: i.editor_note,
          recipients: parseRecipients(i.recipients),
          printRun: i.print_run,
          itemIds: (await issueItems(i.id)).slice(0, -1),
        });
      });
      at(back + uniform(40, 50) * MINUTE, async () => {
        if (returned.done && h.id !== null)
          await submitIssue(ctx, actor('editor'), WHO, h.id, await versionOf(h));
      });
      at(back + uniform(60, 80) * MINUTE, async () => {
        if (returned.done && h.id !== null)
          await approveIssue(
            ctx,
            actor('director'),
            WHO,
            h.id,
            await versionOf(h),
            '已按分管领导意见调整，同意。',
          );
      });
    }
    if (special === 'widened') {
      // The leader asks the Secretary-General to read it too; the step waits for both.
      addSignerStep(h, s.sign - uniform(90, 110) * MINUTE);
      approve(h, s.sign - uniform(30, 60) * MINUTE, 'secgen', '已阅，同意。');
    }
    approve(h, s.sign, 'leader');
    dispatchAfter(h, s.sign);
    // An error found in an older issue two days after it went out: corrected (勘误).
    if (s.k === 6 && cst(s.sign).weekday === 1) correct(h, when(6, 3, 10, 11.5));
  }
  {
    const h = issue('xinxi', 'editor');
    compile(h, reviewCompiled, { n: 3, prefs: [['current'], ['member', 'general']] });
    submit(h, reviewSubmitted);
    approve(h, reviewApproved, 'director');
  }

  // ── one 《政协信息》 增刊 ──────────────────────────────────────────────────────────────
  {
    const h = issue('xinxi', 'editor2');
    compile(h, when(4, 1, 15, 17), {
      n: 3,
      prefs: [['general'], ['member']],
      kind: 'supplement',
      note: SUPPLEMENT_NOTE,
    });
    submit(h, when(4, 2, 9.3, 10.2));
    approve(h, when(4, 2, 10.6, 11.8), 'director');
    const sign = when(4, 2, 15, 17);
    approve(h, sign, 'leader');
    dispatchAfter(h, sign);
  }

  // ── 《社情民意》: weekly on Wednesday, the last ~6 weeks; this week's is being compiled ──
  for (let k = 6; k >= 1; k--) {
    const h = issue('sheqing', 'editor2');
    compile(h, when(k, 1, 15, 17.2), { n: rng() < 0.5 ? 2 : 3, prefs: [['general']] });
    submit(h, when(k, 2, 9.3, 10.3));
    let sign = rng() < 0.5 ? when(k, 2, 15.2, 17.2) : when(k, 3, 9.3, 11);
    if (k === 5) {
      // The director, away the next day, hands the signature to the deputy (转交).
      transfer(
        h,
        when(k, 2, 10.6, 11.2),
        'director',
        'deputy',
        '本人明日赴芜湖参加全省政协信息工作推进会，请许文同志代为审核。',
      );
      approve(h, when(k, 2, 14, 14.8), 'deputy');
      sign = when(k, 2, 16, 17.2);
    } else if (k === 3) {
      // The leader sends it back to the director's step to check a figure.
      approve(h, when(k, 2, 10.8, 11.5), 'director');
      sendBack(h, when(k, 2, 14.5, 15.2), 'leader', 0, '第二篇所引统计数据请处里再核实出处和口径。');
      approve(h, when(k, 2, 15.8, 16.6), 'director', '已核实，数据出自省统计局年度统计公报，同意。');
      sign = when(k, 3, 9.3, 10.5);
    } else {
      // During the director's leave the 处长岗 goes to its B holder, the deputy (AB岗).
      approve(h, when(k, 2, 10.8, 12), directorLeave(when(k, 2, 11, 11)) ? 'deputy' : 'director');
    }
    approve(h, sign, 'leader');
    dispatchAfter(h, sign);
  }
  {
    const h = issue('sheqing', 'editor2');
    compile(h, officeBack(end - uniform(25, 120) * MINUTE, rng), {
      n: 2,
      prefs: [['current'], ['member', 'general']],
    });
  }

  // ── 《安徽政协信息》: every other Thursday ───────────────────────────────────────────────
  for (const k of [7, 5, 3, 1]) {
    const h = issue('anhui', 'editor2');
    compile(h, when(k, 2, 15, 17), { n: rng() < 0.5 ? 2 : 3, prefs: [['anhui'], ['general']] });
    submit(h, when(k, 3, 9.2, 10));
    approve(h, when(k, 3, 10.5, 11.8), 'director');
    const sign = when(k, 3, 15, 17);
    approve(h, sign, 'leader');
    dispatchAfter(h, sign);
  }

  // ── 《政协信息专报》: one item to the Party secretary and the governor ───────────────────
  for (const [k, weekday] of [
    [6, 0],
    [4, 2],
    [2, 3],
    [1, 1],
  ] as const) {
    const h = issue('zhuanbao', 'editor');
    compile(h, when(k, weekday, 9, 9.5), {
      n: 1,
      prefs: [['memberReport'], ['zhuanbao'], ['general']],
      urgency: k === 2 ? 'urgent' : 'normal',
    });
    submit(h, when(k, weekday, 9.7, 10.3));
    let sign: number;
    if (k === 4) {
      // The Secretary-General sends it back; the office tightens the text and resubmits.
      sendBack(
        h,
        when(k, weekday, 15, 16),
        'secgen',
        -1,
        '“情况”部分篇幅偏长，请压缩并突出核心数据，建议部分再聚焦一些后再报。',
      );
      revise(h, when(k, weekday + 1, 9.1, 9.6));
      submit(h, when(k, weekday + 1, 9.7, 10.2));
      approve(h, when(k, weekday + 1, 11, 11.8), 'secgen');
      sign = when(k, weekday + 1, 15.5, 16.8);
    } else {
      approve(h, when(k, weekday, 14.5, 16.5), 'secgen');
      sign = when(k, weekday + 1, 9.5, 11);
    }
    approve(h, sign, 'chair');
    // Sent to the provincial leaders through 机要交换 within the hour.
    dispatch(h, officeForward(sign + uniform(40, 80) * MINUTE, rng), () => true);
  }

  return { load };

  function transfer(h: Handle, t: number, from: StaffKey, to: StaffKey, reason: string) {
    at(t, async () => {
      if (h.id !== null)
        await transferSignoff(ctx, actor(from), WHO, h.id, {
          version: await versionOf(h),
          userId: userId(to),
          reason,
        });
    });
  }

  function addSignerStep(h: Handle, t: number) {
    at(t, async () => {
      if (h.id !== null)
        await addSigner(ctx, actor('leader'), WHO, h.id, {
          version: await versionOf(h),
          userId: userId('secgen'),
          reason: '第一篇涉及省直多个部门职责分工，请邓文博秘书长一并审阅。',
        });
    });
  }

  /** The office revises the item of a returned issue (a new version of the item). */
  function revise(h: Handle, t: number) {
    at(t, async () => {
      if (h.id === null) return;
      const item = await findItem(db, (await issueItems(h.id))[0] ?? 0);
      if (!item) return;
      await transitionItem(ctx, actor('editor'), WHO, item.id, {
        action: 'revise',
        version: item.version,
        reason: '',
        declarations: [],
        assigneeId: null,
        content: officeEdit(contentOf(item)),
        referOrgId: null,
      });
    });
  }

  /** A wrong figure in one item (the second, if it has one) corrected after issuing (勘误). */
  function correct(h: Handle, t: number) {
    at(t, async () => {
      if (h.id === null) return;
      const i = await findIssue(db, h.id);
      const ids = await issueItems(h.id);
      if (!i) return;
      const order = [1, 0, 2, 3].filter((p) => p < ids.length);
      // A figure with its unit (23.5% → 24.7%, 120万 → 132万), else any number but a year.
      for (const pattern of [
        /(\d+(?:\.\d+)?)(%|万|亿|个|人|家|所|户|项|次|名|元|件|篇|吨|亩)/,
        /(?<![\d.])(\d+(?:\.\d+)?)(?![\d.年])()/,
      ])
        for (const position of order) {
          const item = await findItem(db, ids[position] as number);
          if (!item) continue;
          const content = contentOf(item);
          const field = item.stream === 'sqmy' ? 'situation' : 'body';
          const m = pattern.exec(content[field]);
          if (!m) continue;
          const value = m[1] as string;
          const decimals = value.split('.')[1]?.length ?? 0;
          const right = `${decimals ? (Number(value) + 1.2).toFixed(decimals) : String(Number(value) + Math.max(1, Math.round(Number(value) / 10)))}${m[2]}`;
          const text = content[field];
          await correctIssue(ctx, actor('editor'), WHO, h.id, {
            version: i.version,
            itemId: item.id,
            content: {
              ...content,
              [field]: text.slice(0, m.index) + right + text.slice(m.index + m[0].length),
            },
            note: `第${ORDINALS[position]}篇中“${m[0]}”应为“${right}”，特此更正。`,
          });
          return;
        }
    });
  }
}
