/**
 * The database behind `npm run bench:queue`: the demo province (seedDemo) plus a large number of
 * realistic items over three years, written with multi-row inserts in a few transactions:
 * statuses that depend on age (recent items still open, old ones finished, a few old ones
 * forgotten and overdue), topics, submitting units across the demo tree (most to the
 * provincial CPPCC, the rest to city and county CPPCCs), registration numbers in order, authors,
 * urgent items, and texts from the demo generator. No events or versions are written: the
 * queue does not read them.
 */

import { sql } from 'kysely';
import { createContext } from '../server/context.ts';
import type { Db } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrator.ts';
import type { ItemsTable } from '../server/db/schema.ts';
import { REFER_REASONS, REJECT_REASONS, RETURN_REASONS } from '../server/demo/item-phrases.ts';
import {
  type GeneratedText,
  mulberry32,
  pick,
  type Rng,
  sqmyText,
  zhxxText,
} from '../server/demo/item-texts.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { cstDate, DAY, HOUR } from '../server/lib/clock.ts';
import { hashPassword } from '../server/modules/auth/password.ts';
import { insertEntries, searchText } from '../server/modules/items/item-search.ts';
import { insertUser } from '../server/modules/users/users.service.ts';
import { testConfig } from '../server/test/context.ts';
import {
  countChars,
  ITEM_DECLARATION_KEYS,
  ITEM_DIRECTION_KEYS,
  ITEM_KIND_KEYS,
  type ItemKind,
} from '../shared/items.ts';
import type { ItemState } from '../shared/workflow/items.ts';

export const BENCH_PASSWORD = 'Bench#Queue2026';
export const BENCH_EDITOR = 'bench_editor';

type NewItem = Omit<ItemsTable, 'id' | 'top_leaders'> & { id: number };

export interface QueueDb {
  provinceId: number;
  /** A top-level topic with sub-topics (社会建设), for the topic filter. */
  topicId: number;
  /** The queue's size for the bench editor and the time it took to write the items. */
  items: number;
  writeMs: number;
}

/** Status of an item submitted `age` days ago: recent ones are open, old ones mostly finished. */
const BY_AGE: readonly [number, readonly [ItemState, number][]][] = [
  [
    3,
    [
      ['submitted', 35],
      ['registered', 25],
      ['editing', 25],
      ['returned', 5],
      ['rejected', 5],
      ['selected', 5],
    ],
  ],
  [
    14,
    [
      ['submitted', 8],
      ['registered', 15],
      ['editing', 30],
      ['selected', 12],
      ['returned', 8],
      ['rejected', 12],
      ['referred', 5],
      ['merged', 5],
      ['published', 5],
    ],
  ],
  [
    60,
    [
      ['registered', 3],
      ['editing', 8],
      ['selected', 10],
      ['published', 20],
      ['forwarded', 6],
      ['returned', 6],
      ['rejected', 18],
      ['referred', 6],
      ['merged', 6],
      ['archived', 17],
    ],
  ],
  [
    Number.POSITIVE_INFINITY,
    [
      ['submitted', 0.4],
      ['registered', 0.4],
      ['editing', 0.6],
      ['selected', 0.6],
      ['published', 10],
      ['forwarded', 6],
      ['returned', 3],
      ['rejected', 18],
      ['referred', 6],
      ['merged', 6],
      ['archived', 49],
    ],
  ],
];

function statusFor(rng: Rng, age: number): ItemState {
  const table = (BY_AGE.find(([max]) => age <= max) as (typeof BY_AGE)[number])[1];
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [state, w] of table) {
    r -= w;
    if (r < 0) return state;
  }
  return 'archived';
}

const REGISTERED = new Set<ItemState>([
  'registered',
  'editing',
  'selected',
  'published',
  'forwarded',
  'archived',
  'referred',
  'merged',
]);
const OPEN = new Set<ItemState>(['submitted', 'registered', 'editing', 'selected']);

/** Seeds the demo province, a bench editor and `total` items; returns what the benchmark needs. */
export async function buildQueueDatabase(
  db: Db,
  total: number,
  log: (line: string) => void,
): Promise<QueueDb> {
  await migrateToLatest(db);
  const ctx = createContext(db, testConfig({ demo: true }));
  const now = ctx.clock.now().getTime();
  let t = Date.now();
  await seedDemo(ctx, BENCH_PASSWORD);
  log(`demo province seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const k = db.kysely;

  const orgs = await k.selectFrom('organizations').select(['id', 'type', 'parent_id', 'name']).execute();
  const province = orgs.find((o) => o.type === 'cppcc_province');
  if (!province) throw new Error('demo province missing');
  const provincialUnits = orgs.filter(
    (o) =>
      o.parent_id === province.id &&
      ['committee', 'party', 'federation', 'people_org', 'sector', 'think_tank'].includes(o.type),
  );
  const localDesks = orgs.filter((o) => o.type === 'cppcc_city' || o.type === 'cppcc_county');
  const referTo = orgs.find((o) => o.type === 'recipient')?.id ?? province.id;

  // A bench editor of the provincial office (a demo account: no password change, no second factor).
  const hash = await hashPassword(BENCH_PASSWORD);
  await k.transaction().execute(async (tx) => {
    const office = orgs.find((o) => o.name === '信息处') ?? province;
    const user = await insertUser(
      tx,
      {
        login: BENCH_EDITOR,
        realName: '基准测试编辑',
        mobile: '',
        memberships: [{ orgId: office.id, title: '编辑' }],
        member: null,
        specialOfficer: false,
      },
      hash,
      new Date(now).toISOString(),
      true,
    );
    await tx
      .updateTable('users')
      .set({ password_changed_at: new Date(now).toISOString() })
      .where('id', '=', user.id)
      .execute();
    await tx
      .insertInto('role_grants')
      .values({
        user_id: user.id,
        role: 'editor',
        org_id: province.id,
        scope: 'subtree',
        granted_by: null,
        created_at: new Date(now).toISOString(),
      })
      .execute();
  });

  // Members by the organisation they sit in (authors), office staff (assignees).
  const members = await k
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.org_id', 'users.id', 'users.real_name', 'users.mobile'])
    .where('users.member_level', 'is not', null)
    .execute();
  const membersOf = new Map<number, typeof members>();
  for (const m of members) membersOf.set(m.org_id, [...(membersOf.get(m.org_id) ?? []), m]);
  const staff = await k
    .selectFrom('users')
    .select(['id', 'login'])
    .where('login', 'in', ['editor', 'editor2', 'director', BENCH_EDITOR])
    .execute();
  const staffId = (login: string) => staff.find((s) => s.login === login)?.id ?? null;
  const registrar = staffId('editor2');
  const editors = [staffId('editor'), staffId(BENCH_EDITOR), staffId('director')];

  const topics = await k.selectFrom('topics').select(['id', 'name', 'parent_id']).execute();
  const topicOf = (name: string) =>
    (topics.find((x) => x.name === name && x.parent_id !== null) ?? topics.find((x) => x.name === name))
      ?.id ?? null;
  const social = topics.find((x) => x.name === '社会建设' && x.parent_id === null);
  if (!social) throw new Error('topic 社会建设 missing');

  // A pool of texts; each item takes one (real corpora repeat subjects too).
  const rng = mulberry32(0x5eed_2026);
  const pool: { text: GeneratedText; kind: ItemKind | null; chars: number; topicId: number | null }[] = [];
  for (let i = 0; i < 6000; i++) {
    const kind = rng() < 0.2 ? pick(rng, ITEM_KIND_KEYS) : null;
    const text = kind
      ? zhxxText(rng, kind, { year: 2025, org: pick(rng, provincialUnits).name, date: new Date(now) })
      : sqmyText(rng, { year: 2025 });
    pool.push({
      text,
      kind,
      chars: countChars(text.title + text.situation + text.analysis + text.suggestion + text.body),
      topicId: topicOf(text.topic),
    });
  }

  // Submission times over three years, in order; 5% are drafts never submitted.
  const span = 3 * 365 * DAY;
  const times = Array.from({ length: total }, () => now - HOUR - rng() * span).sort((a, b) => a - b);
  const firstId =
    Number(
      (
        await k
          .selectFrom('items')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirst()
      )?.m ?? 0,
    ) + 1;
  const counters = new Map<string, number>();
  for (const c of await k.selectFrom('item_counters').selectAll().execute())
    counters.set(`${c.org_id}:${c.year}`, c.last);

  const rows: NewItem[] = [];
  const authors: {
    item_id: number;
    position: number;
    user_id: number | null;
    org_id: number | null;
    name: string;
  }[] = [];
  const registrations: { row: NewItem; at: number }[] = [];
  const lastComposite = new Map<number, number>();
  const iso = (ms: number) => new Date(Math.min(ms, now)).toISOString();
  for (const [i, submitted] of times.entries()) {
    const id = firstId + i;
    const local = rng() < 0.15;
    const unit = local ? pick(rng, localDesks) : pick(rng, provincialUnits);
    const desk = local ? unit.id : province.id;
    const people = membersOf.get(unit.id) ?? [];
    const entry = pick(rng, pool);
    const draft = rng() < 0.05;
    let status: ItemState = draft ? 'draft' : statusFor(rng, (now - submitted) / DAY);
    const composite = !draft && status !== 'merged' && rng() < 0.01;
    if (status === 'merged' && !lastComposite.has(desk)) status = 'rejected';
    const registered =
      REGISTERED.has(status) || ((status === 'rejected' || status === 'returned') && rng() < 0.6);
    const registeredAt = registered ? submitted + (1 + rng() * 40) * HOUR : null;
    const lastAt = (registeredAt ?? submitted) + (OPEN.has(status) ? 0 : rng() * 20 * DAY);
    const first = people.length ? pick(rng, people) : null;
    const creator = first?.id ?? (editors[0] as number);
    const open = OPEN.has(status);
    const row: NewItem = {
      id,
      status,
      stream: entry.kind ? 'zhxx' : 'sqmy',
      kind: entry.kind,
      direction: pick(rng, ITEM_DIRECTION_KEYS),
      topic_id: entry.topicId,
      title: entry.text.title,
      situation: entry.text.situation,
      analysis: entry.text.analysis,
      suggestion: entry.text.suggestion,
      body: entry.text.body,
      char_count: entry.chars,
      contact_phone: first?.mobile ?? '',
      source_type: 'own',
      source_ref: '',
      urgent: rng() < 0.03 ? 1 : 0,
      disclosable: rng() < 0.3 ? 1 : 0,
      submitting_org_id: unit.id,
      target_org_id: draft ? null : desk,
      created_by: creator,
      on_behalf: 0,
      number: null,
      number_year: null,
      number_seq: null,
      assignee_id: open && !local ? (status === 'submitted' ? registrar : pick(rng, editors)) : null,
      post_id: null,
      due_at: open ? iso((registeredAt ?? submitted) + (status === 'submitted' ? 24 : 72) * HOUR) : null,
      handed_over: 0,
      composite: composite ? 1 : 0,
      merged_into_id: status === 'merged' ? (lastComposite.get(desk) as number) : null,
      refer_org_id: status === 'referred' ? referTo : null,
      last_reason:
        status === 'returned'
          ? pick(rng, RETURN_REASONS)
          : status === 'rejected'
            ? pick(rng, REJECT_REASONS)
            : status === 'referred'
              ? pick(rng, REFER_REASONS)
              : '',
      declarations: draft ? '' : ITEM_DECLARATION_KEYS.join(','),
      first_submitted_at: draft ? null : iso(submitted),
      submitted_at: draft ? null : iso(submitted),
      registered_at: registeredAt === null ? null : iso(registeredAt),
      lock_user_id: null,
      lock_expires_at: null,
      version: draft ? 1 : 3,
      created_at: iso(submitted - (1 + rng() * 70) * HOUR),
      updated_at: iso(draft ? submitted : lastAt),
    };
    if (composite) lastComposite.set(desk, id);
    if (registeredAt !== null) registrations.push({ row, at: registeredAt });
    rows.push(row);
    const n = people.length === 0 ? 0 : rng() < 0.8 ? 1 : rng() < 0.75 ? 2 : 3;
    if (n === 0) authors.push({ item_id: id, position: 0, user_id: null, org_id: unit.id, name: unit.name });
    const chosen = new Set<number>();
    for (let position = 0; position < n; position++) {
      const p = position === 0 && first ? first : pick(rng, people);
      if (chosen.has(p.id)) continue;
      chosen.add(p.id);
      authors.push({
        item_id: id,
        position: chosen.size - 1,
        user_id: p.id,
        org_id: null,
        name: p.real_name,
      });
    }
  }
  // Registration numbers per office and year, in the order of registration.
  registrations.sort((a, b) => a.at - b.at);
  for (const { row, at } of registrations) {
    const year = Number(cstDate(new Date(at)).slice(0, 4));
    const key = `${row.target_org_id}:${year}`;
    const seq = (counters.get(key) ?? 0) + 1;
    counters.set(key, seq);
    Object.assign(row, {
      number: `${year}-${String(seq).padStart(4, '0')}`,
      number_year: year,
      number_seq: seq,
    });
  }
  log(`${total} items generated in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  t = Date.now();
  const BATCH = 400;
  const PER_TX = 25;
  for (let i = 0; i < rows.length; i += BATCH * PER_TX) {
    await k.transaction().execute(async (tx) => {
      for (let j = i; j < Math.min(rows.length, i + BATCH * PER_TX); j += BATCH)
        await tx
          .insertInto('items')
          .values(rows.slice(j, j + BATCH))
          .execute();
    });
  }
  for (let i = 0; i < authors.length; i += 2000 * PER_TX) {
    await k.transaction().execute(async (tx) => {
      for (let j = i; j < Math.min(authors.length, i + 2000 * PER_TX); j += 2000)
        await tx
          .insertInto('item_authors')
          .values(authors.slice(j, j + 2000))
          .execute();
    });
  }
  // The keyword index, as the services keep it for every item they write.
  const names = new Map<number, string[]>();
  for (const a of authors) names.set(a.item_id, [...(names.get(a.item_id) ?? []), a.name]);
  const entries = rows.map((r) => ({
    itemId: r.id as number,
    text: searchText([r.title, r.number ?? '', ...(names.get(r.id as number) ?? [])]),
  }));
  for (let i = 0; i < entries.length; i += 500 * PER_TX) {
    await k.transaction().execute(async (tx) => {
      for (let j = i; j < Math.min(entries.length, i + 500 * PER_TX); j += 500)
        await insertEntries(tx, entries.slice(j, j + 500));
    });
  }
  for (const [key, last] of counters) {
    const [orgId, year] = key.split(':').map(Number) as [number, number];
    await k
      .insertInto('item_counters')
      .values({ org_id: orgId, year, last })
      .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet({ last }))
      .execute();
  }
  if (db.dialect === 'postgres') {
    await sql`select setval(pg_get_serial_sequence('items', 'id'), (select max(id) from items))`.execute(k);
    // What autovacuum does after a bulk load: statistics, and the visibility map that lets
    // index-only scans skip the table.
    await sql`vacuum analyze`.execute(k);
  }
  const writeMs = Date.now() - t;
  log(`${total} items and ${authors.length} authors written in ${(writeMs / 1000).toFixed(1)} s`);
  const queue = await k
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('target_org_id', '=', province.id)
    .executeTakeFirstOrThrow();
  return { provinceId: province.id, topicId: social.id, items: Number(queue.n), writeMs };
}
