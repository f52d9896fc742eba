/**
 * Demo items: about 200 items of the demo province taken through the real services (drafts,
 * transitions, merges), so numbers, events, versions and notifications are what the platform
 * itself would have written. The history runs over the months before the seeding instant: every
 * step has a time, all steps of all items are taken in time order, and the seeding context's
 * clock is set to each step's time before it runs (registration numbers follow the order of
 * registration, deadlines follow the posts, urgent items reach that day's duty officer). Many
 * items reach 拟用 over the last two months: the publications (seed-issues.ts), whose steps run
 * in the same timeline, compile them into issues.
 */

import { sql } from 'kysely';
import {
  ITEM_DECLARATION_KEYS,
  ITEM_KIND_KEYS,
  type ItemDirection,
  type ItemKind,
} from '../../shared/items.ts';
import type { ItemDraftInput } from '../../shared/schemas/items.ts';
import type { ItemAction } from '../../shared/workflow/items.ts';
import { type AppContext, inTransaction, type Who } from '../context.ts';
import { type Clock, cstDate, DAY, HOUR, MINUTE } from '../lib/clock.ts';
import type { Actor } from '../modules/access/actor.ts';
import { offlineActor } from '../modules/access/offline-actor.ts';
import { createDraft, saveDraft } from '../modules/items/drafts.service.ts';
import { runHandovers } from '../modules/items/handover.service.ts';
import { contentOf, findItem } from '../modules/items/items.repository.ts';
import { mergeItems } from '../modules/items/merge.service.ts';
import { type TransitionRequest, transitionItem } from '../modules/items/transition.service.ts';
import { createPost } from '../modules/posts/posts.service.ts';
import { REFER_REASONS, REJECT_REASONS, RETURN_REASONS } from './item-phrases.ts';
import {
  authorRevision,
  compositeText,
  mulberry32,
  officeEdit,
  pick,
  type Rng,
  SUBJECTS,
  type Subject,
  sqmyText,
  zhxxText,
} from './item-texts.ts';
import { demoMembers } from './province-data.ts';

/** How far back the demo history reaches. */
export const DEMO_HISTORY_DAYS = 150;

/** A clock the seeder sets to each step's time; it never runs past the real instant it ends at. */
export interface SeedClock extends Clock {
  set(at: number): void;
}

export function seedClock(start: number): SeedClock {
  let t = start;
  const now = () => new Date(t);
  return {
    now,
    iso: () => now().toISOString(),
    advance(ms) {
      t += ms;
    },
    set(at) {
      t = at;
    },
  };
}

interface Person {
  id: number;
  login: string;
  name: string;
  orgKey: string;
  phone: string;
  actor: Actor;
}

/** Where an item ends up after its history; each has its own chain of steps. */
type Outcome =
  | 'draft'
  | 'withdrawn'
  | 'submitted'
  | 'registered'
  | 'editing'
  | 'selected'
  | 'selectedDirect'
  | 'returned'
  | 'returnedRegistered'
  | 'resubmitted'
  | 'rejected'
  | 'rejectedArchived'
  | 'referred'
  | 'referredArchived'
  | 'mergeSource';

type StepKind =
  | 'create'
  | 'submit'
  | 'withdraw'
  | 'register'
  | 'edit'
  | 'select'
  | 'return'
  | 'resubmit'
  | 'reject'
  | 'refer'
  | 'archive';

const CHAINS: Record<Outcome, readonly StepKind[]> = {
  draft: ['create'],
  withdrawn: ['create', 'submit', 'withdraw'],
  submitted: ['create', 'submit'],
  registered: ['create', 'submit', 'register'],
  editing: ['create', 'submit', 'register', 'edit'],
  selected: ['create', 'submit', 'register', 'edit', 'select'],
  selectedDirect: ['create', 'submit', 'register', 'select'],
  returned: ['create', 'submit', 'return'],
  returnedRegistered: ['create', 'submit', 'register', 'return'],
  resubmitted: ['create', 'submit', 'register', 'return', 'resubmit', 'register', 'edit'],
  rejected: ['create', 'submit', 'register', 'reject'],
  rejectedArchived: ['create', 'submit', 'register', 'reject', 'archive'],
  referred: ['create', 'submit', 'register', 'edit', 'refer'],
  referredArchived: ['create', 'submit', 'register', 'edit', 'refer', 'archive'],
  mergeSource: ['create', 'submit', 'register'],
};

/** Days before the end at which an outcome's history starts. */
const START_DAYS: Record<Outcome, readonly [number, number]> = {
  draft: [0.2, 25],
  withdrawn: [5, 30],
  submitted: [0.1, 4],
  registered: [0.5, 8],
  editing: [2, 25],
  selected: [10, 90],
  selectedDirect: [10, 90],
  returned: [3, 40],
  returnedRegistered: [3, 40],
  resubmitted: [25, 110],
  rejected: [20, 140],
  rejectedArchived: [40, 140],
  referred: [20, 140],
  referredArchived: [40, 140],
  mergeSource: [45, 100],
};

/** The wait before a step, in hours, and whether the office takes it (working hours only). */
const GAPS: Record<StepKind, readonly [number, number, 'office' | 'author']> = {
  create: [0, 0, 'author'],
  submit: [1, 72, 'author'],
  withdraw: [1, 6, 'author'],
  register: [1, 40, 'office'],
  edit: [3, 100, 'office'],
  select: [24, 150, 'office'],
  return: [2, 60, 'office'],
  resubmit: [48, 240, 'author'],
  reject: [2, 72, 'office'],
  refer: [4, 96, 'office'],
  archive: [120, 700, 'office'],
};

/**
 * Which issues may take a selected (拟用) item, from when (`from`, the instant of the first
 * compiling that may take it): any issue (`general`); the demo member's, taken first by
 * 《政协信息》 (`member`) or 《政协信息专报》 (`memberReport`); those for 《安徽政协信息》 or
 * 《政协信息专报》; those for the issues under way at the end (`current`); or none (`kept`: still
 * waiting to be compiled when the demo starts).
 */
export interface ItemPool {
  kind: 'general' | 'member' | 'memberReport' | 'anhui' | 'zhuanbao' | 'current' | 'kept';
  from: number;
}
const GENERAL: ItemPool = { kind: 'general', from: 0 };

/** Items the publications ask the history to bring to 拟用 (`zhxx` left out: either stream). */
export interface ItemSupply {
  count: number;
  zhxx?: boolean;
  direct?: boolean;
  pool: ItemPool;
  startDays: readonly [number, number];
}

/** Steps of the demo history: each runs with the clock at its time, all in time order. */
export interface DemoTimeline {
  at(t: number, run: () => Promise<void>): void;
}

/** The publishing history: the items it needs, and its steps once the items are planned. */
export interface DemoPublishing {
  supply: readonly ItemSupply[];
  schedule(timeline: DemoTimeline, poolOf: (itemId: number) => ItemPool): Promise<void>;
}

interface Plan {
  creator: Person;
  input: ItemDraftInput;
  outcome: Outcome;
  startDays: readonly [number, number];
  pool: ItemPool;
  id: number | null;
}

interface Step {
  at: number;
  order: number;
  run: () => Promise<void>;
}

const CST = 8 * HOUR;

/** Monday 00:00 of the week (Monday to Sunday, Beijing time) holding `ms`, as a UTC instant. */
export function weekStartOf(ms: number): number {
  const d = new Date(ms + CST);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - CST;
  return midnight - ((d.getUTCDay() + 6) % 7) * DAY;
}

/** The next moment within office hours (08:30–17:30 Beijing time, Monday to Friday). */
function officeTime(ms: number, rng: Rng): number {
  let t = ms;
  for (let i = 0; i < 8; i++) {
    const d = new Date(t + CST);
    const day = d.getUTCDay();
    const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
    const morning = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 8, 30) - CST;
    if (day === 0 || day === 6 || hour >= 17.5) t = morning + DAY + Math.floor(rng() * 90) * MINUTE;
    else if (hour < 8.5) t = morning + Math.floor(rng() * 60) * MINUTE;
    else return t;
  }
  return t;
}

/** Authors write between 07:30 and 23:00, any day. */
function authorTime(ms: number, rng: Rng): number {
  const d = new Date(ms + CST);
  const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
  const morning = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 7, 30) - CST;
  if (hour < 7.5) return morning + Math.floor(rng() * 120) * MINUTE;
  if (hour >= 23) return morning + DAY + Math.floor(rng() * 120) * MINUTE;
  return ms;
}

/** Times of a chain of steps starting about `start`, all before `limit`. */
function chainTimes(chain: readonly StepKind[], start: number, limit: number, rng: Rng): number[] {
  let from = start;
  for (let attempt = 0; ; attempt++) {
    const gaps = chain.map((k) => {
      const [lo, hi] = GAPS[k];
      return (lo + rng() * (hi - lo)) * HOUR;
    });
    const times: number[] = [];
    let t = from;
    for (const [i, k] of chain.entries()) {
      t += gaps[i] as number;
      t = GAPS[k][2] === 'office' ? officeTime(t, rng) : authorTime(t, rng);
      times.push(t);
    }
    const last = times[times.length - 1] as number;
    if (last <= limit || attempt > 20) return times.map((x) => Math.min(x, limit));
    from -= last - limit + rng() * DAY;
  }
}

const WHO: Who = { actor: null, ip: '127.0.0.1' };

const actorOf = (ctx: AppContext, userId: number) => offlineActor(ctx.db.kysely, userId, 'demo-seed');

/** A shuffled copy (Fisher–Yates). */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const DIRECTIONS: readonly ItemDirection[] = [
  'grassroots',
  'grassroots',
  'grassroots',
  'provincial',
  'provincial',
  'upward',
  'lateral',
];

/**
 * Loads the demo items, the provincial information office's posts (登记岗, 编辑岗), the leaves
 * and the duty roster; `publishing` adds the items it needs and its steps to the same timeline.
 * `ctx.clock` must be a SeedClock standing at the start of the demo history; it is left at `end`.
 */
export async function seedDemoItems(
  ctx: AppContext & { clock: SeedClock },
  org: (key: string) => number,
  end: number,
  publishing?: DemoPublishing,
): Promise<void> {
  const rng = mulberry32(0x20261127);
  const db = ctx.db.kysely;
  const start = ctx.clock.now().getTime();
  const limit = end - 10 * MINUTE;

  // People: the office, the demo member and liaison, and the demo members by their unit.
  const byLogin = new Map(
    (await db.selectFrom('users').select(['id', 'login', 'real_name', 'mobile']).execute()).map((u) => [
      u.login,
      u,
    ]),
  );
  const person = async (login: string, orgKey: string, phone = ''): Promise<Person> => {
    const u = byLogin.get(login);
    if (!u) throw new Error(`demo user ${login} missing`);
    return {
      id: u.id,
      login,
      name: u.real_name,
      orgKey,
      phone: phone || u.mobile,
      actor: await actorOf(ctx, u.id),
    };
  };
  const editor = await person('editor', 'info_office');
  const editor2 = await person('editor2', 'info_office');
  const director = await person('director', 'info_office');
  const member = await person('member', 'party_minmeng', '13805510017');
  const liaison = await person('liaison', 'party_minmeng', '0551-62601188');
  const office = new Map([editor, editor2, director].map((p) => [p.id, p]));

  // Provincial members (national members sit in provincial units too), and a few members of
  // four city CPPCCs and two county CPPCCs, whose items go to their own CPPCC's office.
  const provincial: Person[] = [];
  const local = new Map<string, Person[]>();
  const localKeys = new Set(['city_hefei', 'city_wuhu', 'city_fuyang', 'city_anqing']);
  for (const m of demoMembers()) {
    if (m.level === 'province' || m.level === 'national') {
      if (provincial.length < 60 || rng() < 0.3) provincial.push(await person(m.login, m.orgKey));
      continue;
    }
    if (m.level === 'county' && localKeys.size < 6) localKeys.add(m.orgKey);
    const list = local.get(m.orgKey) ?? [];
    if (localKeys.has(m.orgKey) && list.length < 3)
      local.set(m.orgKey, [...list, await person(m.login, m.orgKey)]);
  }
  const minmeng = provincial.filter((p) => p.orgKey === 'party_minmeng');

  // Topics by name (a top-level topic without children stands for itself).
  const topics = await db.selectFrom('topics').select(['id', 'name', 'parent_id']).execute();
  const topicId = (name: string) => {
    const t =
      topics.find((x) => x.name === name && x.parent_id !== null) ?? topics.find((x) => x.name === name);
    if (!t) throw new Error(`topic ${name} missing`);
    return t.id;
  };
  const orgNames = new Map(
    (await db.selectFrom('organizations').select(['id', 'name', 'short_name']).execute()).map((o) => [
      o.id,
      o.short_name || o.name,
    ]),
  );

  // Subjects are used in turn so neighbouring items do not repeat one another.
  let subjects: Subject[] = [];
  const nextSubject = () => {
    if (subjects.length === 0) subjects = shuffled(rng, SUBJECTS);
    return subjects.pop() as Subject;
  };
  let kinds: ItemKind[] = [];
  const nextKind = () => {
    if (kinds.length === 0) kinds = shuffled(rng, ITEM_KIND_KEYS);
    return kinds.pop() as ItemKind;
  };

  const plans: Plan[] = [];
  const plan = (
    creator: Person,
    outcome: Outcome,
    o: {
      authors?: Person[];
      byOrg?: boolean;
      zhxx?: boolean;
      urgent?: boolean;
      subject?: Subject;
      startDays?: readonly [number, number];
      pool?: ItemPool;
      direction?: ItemDirection;
    } = {},
  ): Plan => {
    const startDays = o.startDays ?? START_DAYS[outcome];
    const when = new Date(end - startDays[1] * DAY);
    const year = Number(cstDate(when).slice(0, 4)) - 1;
    const subject = o.subject ?? nextSubject();
    const orgId = org(creator.orgKey);
    const kind = o.zhxx ? nextKind() : null;
    const text = kind
      ? zhxxText(rng, kind, { year, org: orgNames.get(orgId) ?? '', date: when, subject })
      : sqmyText(rng, { year, subject });
    const direction = pick(rng, DIRECTIONS);
    const source = rng();
    const sourceType =
      source < 0.82 ? 'own' : source < 0.9 ? 'research' : source < 0.95 ? 'proposal' : 'consultation';
    const sourceRef =
      sourceType === 'research'
        ? `${orgNames.get(orgId)}关于${subject.kw}的调研报告`
        : sourceType === 'proposal'
          ? `省政协十三届${Math.min(year - 2022, 5)}次会议第${100 + Math.floor(rng() * 900)}号提案`
          : sourceType === 'consultation'
            ? `${year}年第${1 + Math.floor(rng() * 10)}次月度专题协商会`
            : '';
    const p: Plan = {
      creator,
      outcome,
      startDays,
      pool: o.pool ?? GENERAL,
      id: null,
      input: {
        stream: o.zhxx ? 'zhxx' : 'sqmy',
        kind,
        direction: o.direction ?? direction,
        topicId: topicId(text.topic),
        submittingOrgId: orgId,
        authors: o.byOrg
          ? [{ userId: null, orgId }]
          : (o.authors ?? [creator]).map((a) => ({ userId: a.id, orgId: null })),
        title: text.title,
        situation: text.situation,
        analysis: text.analysis,
        suggestion: text.suggestion,
        body: text.body,
        contactPhone: creator.phone,
        sourceType,
        sourceRef,
        urgent: o.urgent ?? false,
        disclosable: rng() < 0.3,
      },
    };
    plans.push(p);
    return p;
  };
  const someone = () => pick(rng, provincial);
  const add = (outcome: Outcome, n: number, extra: Parameters<typeof plan>[2] = {}) => {
    for (let i = 0; i < n; i++) plan(someone(), outcome, { zhxx: rng() < 0.22, ...extra });
  };

  // The demo member's own items, in several states (one returned with a reason).
  plan(member, 'draft', { startDays: [0.5, 2] });
  plan(member, 'submitted', { startDays: [0.1, 0.4] });
  plan(member, 'returned', { startDays: [8, 12] });
  plan(member, 'editing', { authors: [member, minmeng[0] ?? member], startDays: [6, 14] });
  // Selected: one for the Party secretary and governor (《政协信息专报》), one for the National
  // Committee too (it goes up with its issue), one still waiting to be compiled.
  plan(member, 'selected', {
    startDays: [30, 45],
    pool: { kind: 'memberReport', from: 0 },
    direction: 'provincial',
  });
  plan(member, 'selected', { startDays: [55, 68], pool: { kind: 'member', from: 0 }, direction: 'upward' });
  plan(member, 'selected', { startDays: [7, 12], pool: { kind: 'kept', from: 0 } });
  plan(member, 'rejected', { startDays: [60, 80] });
  // 代报: the liaison submits for the member, and for another member of the party.
  plan(liaison, 'registered', { authors: [member], startDays: [2, 6] });
  plan(liaison, 'submitted', { authors: [minmeng[1] ?? member], startDays: [0.2, 1] });
  // The party's own 综合信息, signed by the unit.
  plan(liaison, 'selected', { byOrg: true, zhxx: true });
  plan(liaison, 'registered', { byOrg: true, zhxx: true });
  plan(liaison, 'draft', { byOrg: true, zhxx: true });

  // Provincial intake.
  add('draft', 6);
  add('withdrawn', 1);
  add('submitted', 8);
  add('submitted', 3, { urgent: true, startDays: [0.05, 1.5] });
  add('registered', 8);
  add('editing', 14);
  add('editing', 1, { urgent: true, startDays: [2, 5] });
  add('selected', 8);
  add('selectedDirect', 3);
  add('selected', 1, { urgent: true });
  add('returned', 3);
  add('returnedRegistered', 2);
  add('resubmitted', 5);
  add('rejected', 6);
  add('rejectedArchived', 4);
  add('referred', 4);
  add('referredArchived', 2);

  // The items the publications take into their issues (seed-issues.ts).
  for (const x of publishing?.supply ?? [])
    add(x.direct ? 'selectedDirect' : 'selected', x.count, {
      pool: x.pool,
      startDays: x.startDays,
      ...(x.zhxx === undefined ? {} : { zhxx: x.zhxx }),
    });

  // City and county members' items go to their own CPPCC's office.
  for (const people of local.values())
    for (const p of people) plan(p, rng() < 0.8 ? 'submitted' : 'draft', { startDays: [1, 90] });

  // Two groups of items on one subject each, merged into composites.
  const mergeGroups: { sources: Plan[]; subject: Subject; select: boolean }[] = [];
  for (const [size, select] of [
    [3, false],
    [2, true],
  ] as const) {
    const subject = nextSubject();
    const base = 50 + Math.floor(rng() * 40);
    const sources = Array.from({ length: size }, (_, i) =>
      plan(someone(), 'mergeSource', { subject, startDays: [base - 3 * (i + 1), base - 3 * i] }),
    );
    mergeGroups.push({ sources, subject, select });
  }

  // ── schedule ───────────────────────────────────────────────────────────────────────────
  const pools = new Map<number, ItemPool>();
  const steps: Step[] = [];
  let order = 0;
  const at = (t: number, run: () => Promise<void>) => steps.push({ at: t, order: order++, run });

  const item = async (p: Plan) => {
    const row = p.id === null ? undefined : await findItem(db, p.id);
    if (!row) throw new Error('demo item missing');
    return row;
  };
  const staffOrDefault = (id: number | null, fallback: Person) =>
    (id !== null ? office.get(id) : undefined) ?? fallback;
  const act = async (p: Plan, actor: Person, action: ItemAction, extra: Partial<TransitionRequest> = {}) => {
    const row = await item(p);
    await transitionItem(ctx, actor.actor, WHO, row.id, {
      action,
      version: row.version,
      reason: '',
      declarations: [...ITEM_DECLARATION_KEYS],
      assigneeId: null,
      content: null,
      referOrgId: null,
      ...extra,
    });
  };

  const runners: Record<StepKind, (p: Plan) => Promise<void>> = {
    create: async (p) => {
      p.id = await createDraft(ctx, p.creator.actor, WHO, p.input);
      pools.set(p.id, p.pool);
    },
    submit: (p) => act(p, p.creator, 'submit'),
    withdraw: (p) => act(p, p.creator, 'withdraw'),
    register: async (p) => act(p, staffOrDefault((await item(p)).assignee_id, editor2), 'register'),
    edit: async (p) => {
      const row = await item(p);
      await act(p, staffOrDefault(row.assignee_id, editor), 'edit', { content: officeEdit(contentOf(row)) });
    },
    select: async (p) => act(p, staffOrDefault((await item(p)).assignee_id, editor), 'select'),
    return: async (p) =>
      act(p, staffOrDefault((await item(p)).assignee_id, editor), 'return', {
        reason: pick(rng, RETURN_REASONS),
      }),
    resubmit: async (p) => {
      const row = await item(p);
      const revised = authorRevision(rng, contentOf(row), Number(cstDate(ctx.clock.now()).slice(0, 4)) - 1);
      await saveDraft(ctx, p.creator.actor, WHO, row.id, { ...p.input, ...revised, version: row.version });
      await act(p, p.creator, 'resubmit');
    },
    reject: (p) => act(p, director, 'reject', { reason: pick(rng, REJECT_REASONS) }),
    refer: async (p) => {
      const toProposals = rng() < 0.4;
      await act(p, staffOrDefault((await item(p)).assignee_id, editor), 'refer', {
        reason: REFER_REASONS[toProposals ? 1 : 0] as string,
        referOrgId: org(toProposals ? 'cmte_proposal' : 'rcpt_gov_office'),
      });
    },
    archive: (p) => act(p, director, 'archive'),
  };

  const lastOf = new Map<Plan, number>();
  for (const p of plans) {
    const chain = CHAINS[p.outcome];
    const [lo, hi] = p.startDays;
    const first = end - (lo + rng() * (hi - lo)) * DAY;
    const times = chainTimes(chain, first, limit, rng);
    for (const [i, k] of chain.entries()) at(times[i] as number, () => runners[k](p));
    lastOf.set(p, times[times.length - 1] as number);
  }
  for (const g of mergeGroups) {
    const after = Math.max(...g.sources.map((s) => lastOf.get(s) ?? 0));
    const mergeAt = officeTime(after + (24 + rng() * 48) * HOUR, rng);
    const composite = { id: 0 };
    at(mergeAt, async () => {
      composite.id = await mergeItems(ctx, editor.actor, WHO, {
        ids: g.sources.map((s) => s.id as number),
        ...compositeText(rng, g.subject, g.sources.length, Number(cstDate(ctx.clock.now()).slice(0, 4)) - 1),
      });
    });
    if (g.select)
      at(officeTime(mergeAt + (24 + rng() * 72) * HOUR, rng), async () => {
        const row = await findItem(db, composite.id);
        if (!row) throw new Error('composite missing');
        await transitionItem(ctx, editor.actor, WHO, row.id, {
          action: 'select',
          version: row.version,
          reason: '',
          declarations: [],
          assigneeId: null,
          content: null,
          referOrgId: null,
        });
      });
  }

  // ── the office: posts, a leave, the duty roster ─────────────────────────────────────────
  const desk = org('province');
  const setup = officeTime(start + 2 * HOUR, rng);
  ctx.clock.set(setup);
  await createPost(ctx, WHO, {
    orgId: desk,
    name: '信息登记岗',
    duty: 'register',
    holderAId: editor2.id,
    holderBId: editor.id,
    deadlineHours: 24,
  });
  await createPost(ctx, WHO, {
    orgId: desk,
    name: '信息编辑岗',
    duty: 'edit',
    holderAId: editor.id,
    holderBId: director.id,
    deadlineHours: 120,
  });
  // editor2 was away for a week in the middle of the history (登记 went to B meanwhile); the
  // director was away two days a fortnight ago (the deputy signed issues for the 处长岗 then);
  // the editor has leave booked for next week.
  const leaves = [
    { user: editor2, from: end - 72 * DAY, days: 5, note: '年休假' },
    { user: director, from: weekStartOf(end) - 12 * DAY + 12 * HOUR, days: 2, note: '赴京参加信息工作培训' },
    { user: editor, from: end + 7 * DAY, days: 3, note: '外出培训' },
  ];
  await inTransaction(ctx, WHO, async (tx, audit) => {
    for (const l of leaves) {
      const row = {
        user_id: l.user.id,
        start_date: cstDate(new Date(l.from)),
        end_date: cstDate(new Date(l.from + (l.days - 1) * DAY)),
        note: l.note,
        created_at: ctx.clock.iso(),
      };
      const { id } = await tx.insertInto('leaves').values(row).returning('id').executeTakeFirstOrThrow();
      await audit({
        action: 'leave.create',
        targetType: 'leave',
        targetId: id,
        summary: { userId: row.user_id, startDate: row.start_date, endDate: row.end_date, note: row.note },
      });
    }
  });
  // The roster of each month is drawn up five days before it starts (the first one at once).
  const rota = [editor, editor2, director];
  const onLeave = (p: Person, day: string) =>
    leaves.some(
      (l) =>
        l.user === p &&
        cstDate(new Date(l.from)) <= day &&
        day <= cstDate(new Date(l.from + (l.days - 1) * DAY)),
    );
  const lastMonth = cstDate(new Date(end)).slice(0, 7);
  for (let month = cstDate(new Date(start)).slice(0, 7); month <= lastMonth; ) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const first = Date.UTC(y, m - 1, 1) - CST;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const monthKey = month;
    at(Math.max(setup + MINUTE, officeTime(first - 5 * DAY, rng)), () =>
      inTransaction(ctx, WHO, async (tx, audit) => {
        for (let d = 1; d <= days; d++) {
          const date = `${monthKey}-${String(d).padStart(2, '0')}`;
          const index = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(2026, 0, 1)) / DAY);
          let who = rota[((index % 3) + 3) % 3] as Person;
          for (let k = 1; onLeave(who, date) && k < 3; k++) who = rota[(((index + k) % 3) + 3) % 3] as Person;
          const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
          const note = weekday === 0 || weekday === 6 ? '周末值班' : '';
          await tx.insertInto('duty_roster').values({ org_id: desk, date, user_id: who.id, note }).execute();
          await audit({
            action: 'duty.set',
            targetType: 'duty',
            targetId: `${desk}:${date}`,
            summary: { userId: who.id, note },
          });
        }
      }),
    );
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }

  // The AB hand-over job, as the server runs it, once a day at 09:05: work past its deadline
  // moves from the A holder to the B holder when it was due, not at the first demo start.
  for (let day = officeTime(setup + DAY, rng); day < limit; day += DAY) {
    const d = new Date(day + CST);
    at(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 9, 5) - CST, async () => {
      await runHandovers(ctx);
    });
  }

  // ── the publications' steps, in the same timeline ───────────────────────────────────────
  await publishing?.schedule({ at }, (itemId) => pools.get(itemId) ?? GENERAL);

  // ── run everything in time order ────────────────────────────────────────────────────────
  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const s of steps) {
    ctx.clock.set(Math.max(s.at, ctx.clock.now().getTime()));
    await s.run();
  }
  ctx.clock.set(end);

  // Staff have read the notices of all but the last two days.
  const cutoff = new Date(end - 2 * DAY).toISOString();
  const old = await db
    .selectFrom('notifications')
    .select(['id', 'created_at'])
    .where('created_at', '<', cutoff)
    .execute();
  // Some hundred rows a statement (one each would take seconds on PostgreSQL).
  for (let i = 0; i < old.length; i += 250) {
    const chunk = old.slice(i, i + 250);
    const readAt = sql<string>`case ${sql.join(
      chunk.map(
        (n) => sql`when id = ${n.id} then ${new Date(Date.parse(n.created_at) + 3 * HOUR).toISOString()}`,
      ),
      sql` `,
    )} end`;
    await db
      .updateTable('notifications')
      .set({ read_at: readAt })
      .where(
        'id',
        'in',
        chunk.map((n) => n.id),
      )
      .execute();
  }
}
