/**
 * The database behind `npm run bench:stats`: a SQLite file shaped like a provincial system after
 * several years — about 150 units (the provincial CPPCC, 16 city CPPCCs with counties and
 * organs, provincial parties and committees), 2,000 members, 100,000 items over five years with
 * their events (registration, publication, forwarding, referral, merging into composites),
 * adoptions and instructions (a few revoked), and 1,000,000 score-ledger lines. Written with
 * prepared statements in a few large transactions (better-sqlite3 directly: the bulk load is
 * not what is measured).
 */
import SQLite from 'better-sqlite3';
import { openDb } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrator.ts';
import { mulberry32, pick } from '../server/demo/item-texts.ts';
import { cstDate, DAY, HOUR } from '../server/lib/clock.ts';
import { DEFAULT_TOPICS } from '../shared/items.ts';

export interface StatsDb {
  provinceId: number;
  items: number;
  ledger: number;
  events: number;
}

const CITIES = [
  '合肥',
  '芜湖',
  '蚌埠',
  '淮南',
  '马鞍山',
  '淮北',
  '铜陵',
  '安庆',
  '黄山',
  '滁州',
  '阜阳',
  '宿州',
  '六安',
  '亳州',
  '池州',
  '宣城',
];
const PROVINCIAL = ['民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '台盟'];

export async function buildStatsDatabase(
  file: string,
  sizes: { items: number; ledger: number; members: number },
  log: (line: string) => void,
): Promise<StatsDb> {
  const db = openDb({ sqlitePath: file });
  await migrateToLatest(db);
  await db.close();
  const sql = new SQLite(file);
  sql.pragma('journal_mode = WAL');
  sql.pragma('synchronous = OFF');
  const rng = mulberry32(0x57a7_2026);
  const now = Date.parse('2026-11-27T04:00:00Z');
  const at = new Date(now).toISOString();

  // Organisations: materialised paths as the orgs module writes them.
  const insertOrg = sql.prepare(
    `insert into organizations (parent_id, path, name, short_name, type, sort_order, active, version, created_at, updated_at)
     values (?, ?, ?, '', ?, 0, 1, 1, ?, ?)`,
  );
  const setPath = sql.prepare('update organizations set path = ? where id = ?');
  const org = (name: string, type: string, parent: { id: number; path: string } | null) => {
    const id = Number(insertOrg.run(parent?.id ?? null, '/', name, type, at, at).lastInsertRowid);
    const path = `${parent?.path ?? '/'}${id}/`;
    setPath.run(path, id);
    return { id, path, name };
  };
  const units: { id: number; path: string; name: string; desk: number }[] = [];
  const desks: number[] = [];
  let provinceId = 0;
  sql.transaction(() => {
    const province = org('政协安徽省委员会', 'cppcc_province', null);
    provinceId = province.id;
    desks.push(province.id);
    org('信息处', 'office', province);
    for (const p of PROVINCIAL)
      units.push({ ...org(`${p}安徽省委会`, 'party', province), desk: province.id });
    for (const c of [
      '经济委员会',
      '农业和农村委员会',
      '人口资源环境委员会',
      '教科卫体委员会',
      '社会和法制委员会',
      '文化文史和学习委员会',
    ])
      units.push({ ...org(c, 'committee', province), desk: province.id });
    units.push({ ...org('省工商联', 'federation', province), desk: province.id });
    for (const c of CITIES) {
      const city = org(`政协${c}市委员会`, 'cppcc_city', province);
      desks.push(city.id);
      // Most of a city's items go to the province; the rest stay with the city's own office.
      units.push({ ...city, desk: province.id });
      for (let k = 1; k <= 5; k++)
        units.push({ ...org(`政协${c}第${k}县区委员会`, 'cppcc_county', city), desk: province.id });
      units.push({ ...org(`${c}市委统战部`, 'office', city), desk: city.id });
      units.push({ ...org(`${c}市工商联`, 'federation', city), desk: city.id });
    }
    // Topics as the first migration's seed has them, if it did not.
    const topicCount = (sql.prepare('select count(*) as n from topics').get() as { n: number }).n;
    if (topicCount === 0) {
      const insertTopic = sql.prepare(
        'insert into topics (parent_id, name, sort_order, active) values (?, ?, 0, 1)',
      );
      for (const t of DEFAULT_TOPICS) {
        const id = Number(insertTopic.run(null, t.name).lastInsertRowid);
        for (const c of t.children) insertTopic.run(id, c);
      }
    }
  })();
  const topics = (
    sql.prepare('select id from topics where parent_id is not null').all() as { id: number }[]
  ).map((t) => t.id);
  log(`${units.length} submitting units, ${desks.length} CPPCC offices`);

  // Members, each in one unit.
  const insertUser = sql.prepare(
    `insert into users (login, real_name, mobile, password_hash, must_change_password, enabled, totp_enabled, totp_last_step,
       member_level, member_term, member_sector, member_party, member_standing, special_officer, demo, version, created_at, updated_at)
     values (?, ?, '', 'x', 0, 1, 0, 0, ?, '第十三届', '', '', 0, 0, 1, 1, ?, ?)`,
  );
  const insertMembership = sql.prepare(
    "insert into memberships (user_id, org_id, title, sort_order) values (?, ?, '委员', 0)",
  );
  const membersOf = new Map<number, number[]>();
  sql.transaction(() => {
    for (let n = 0; n < sizes.members; n++) {
      const unit = units[n % units.length] as (typeof units)[number];
      const level = rng() < 0.05 ? 'national' : rng() < 0.3 ? 'province' : 'city';
      const id = Number(insertUser.run(`m${n}`, `委员${n}`, level, at, at).lastInsertRowid);
      insertMembership.run(id, unit.id);
      membersOf.set(unit.id, [...(membersOf.get(unit.id) ?? []), id]);
    }
  })();

  const insertItem = sql.prepare(
    `insert into items (status, stream, kind, direction, topic_id, title, situation, analysis, suggestion, body, char_count,
       contact_phone, source_type, source_ref, urgent, disclosable, submitting_org_id, target_org_id, created_by, on_behalf,
       handed_over, composite, merged_into_id, last_reason, declarations, first_submitted_at, submitted_at, registered_at,
       version, created_at, updated_at)
     values (?, ?, null, 'grassroots', ?, ?, '', '', '', '', 1500, '', 'own', '', 0, 0, ?, ?, ?, 0, 0, ?, ?, '', '', ?, ?, ?, 3, ?, ?)`,
  );
  const insertAuthor = sql.prepare(
    "insert into item_authors (item_id, position, user_id, org_id, name) values (?, ?, ?, null, '')",
  );
  const insertEvent = sql.prepare(
    "insert into item_events (item_id, action, from_state, to_state, actor_id, reason, note, created_at) values (?, ?, null, ?, null, '', '', ?)",
  );
  const insertFeedback = sql.prepare(
    `insert into item_feedback (item_id, kind, occurred_on, body, body_name, form, publication, leader_name, rank, status, text,
       note, issue_id, recorded_by, created_at, revoked_at, revoked_by, revoke_reason)
     values (?, ?, ?, ?, '', ?, '', '', ?, null, '', '', null, 1, ?, ?, null, '')`,
  );
  const insertLedger = sql.prepare(
    `insert into score_ledger (org_id, item_id, source, rule_set_id, rule_key, subject_type, subject_id, points, occurred_on, explanation)
     values (?, ?, ?, null, ?, ?, ?, ?, ?, '')`,
  );
  const iso = (ms: number) => new Date(Math.min(ms, now - HOUR)).toISOString();
  const BODIES = [
    'central',
    'national_cppcc',
    'provincial_party',
    'provincial_gov',
    'provincial_cppcc',
    'city',
    'other',
  ];
  const RANKS = ['central', 'provincial_main', 'provincial', 'bureau', 'city'];
  let events = 0;
  let ledger = 0;
  // Scored items and the lines each is owed, to spread the ledger's size over them.
  const scored: { id: number; desk: number; unit: number; authors: number[]; day: number }[] = [];
  const times = Array.from({ length: sizes.items }, () => now - rng() * 5 * 365 * DAY).sort((a, b) => a - b);
  const composites = new Map<number, number>();
  const BATCH = 20_000;
  for (let start = 0; start < times.length; start += BATCH) {
    sql.transaction(() => {
      for (const t of times.slice(start, start + BATCH)) {
        const unit = pick(rng, units);
        const authors = (membersOf.get(unit.id) ?? []).filter(() => rng() < 0.25).slice(0, 3);
        const roll = rng();
        const status =
          roll < 0.4
            ? 'published'
            : roll < 0.5
              ? 'forwarded'
              : roll < 0.55
                ? 'referred'
                : roll < 0.6
                  ? 'merged'
                  : roll < 0.8
                    ? 'archived'
                    : 'rejected';
        const registered = t + (2 + rng() * 40) * HOUR;
        const out = registered + (2 + rng() * 20) * DAY;
        const composite = composites.get(unit.desk);
        const merged = status === 'merged' && composite !== undefined;
        const id = Number(
          insertItem.run(
            merged ? 'merged' : status === 'merged' ? 'rejected' : status,
            rng() < 0.2 ? 'zhxx' : 'sqmy',
            pick(rng, topics),
            `信息${start}`,
            unit.id,
            unit.desk,
            authors[0] ?? 1,
            0,
            merged ? composite : null,
            iso(t),
            iso(t),
            iso(registered),
            iso(t - DAY),
            iso(out),
          ).lastInsertRowid,
        );
        for (const [position, u] of authors.entries()) insertAuthor.run(id, position, u);
        insertEvent.run(id, 'register', 'registered', iso(registered));
        events += 1;
        if (status === 'published' || status === 'forwarded' || status === 'archived') {
          insertEvent.run(id, 'publish', 'published', iso(out));
          events += 1;
        }
        if (status === 'forwarded') {
          insertEvent.run(id, 'forward', 'forwarded', iso(out + 2 * DAY));
          events += 1;
        }
        if (status === 'referred') {
          insertEvent.run(id, 'refer', 'referred', iso(out));
          events += 1;
        }
        if (status === 'published' || status === 'forwarded') {
          if (rng() < 0.2) {
            const day = cstDate(new Date(Math.min(out + 15 * DAY, now - DAY)));
            insertFeedback.run(
              id,
              'adoption',
              day,
              pick(rng, BODIES),
              'single',
              null,
              iso(out + 15 * DAY),
              rng() < 0.05 ? at : null,
            );
          }
          if (rng() < 0.05) {
            const day = cstDate(new Date(Math.min(out + 20 * DAY, now - DAY)));
            insertFeedback.run(
              id,
              'instruction',
              day,
              null,
              null,
              pick(rng, RANKS),
              iso(out + 20 * DAY),
              null,
            );
          }
          scored.push({ id, desk: unit.desk, unit: unit.id, authors, day: out });
        }
        // Now and then the office merges a few items into a composite (综合信息).
        if (rng() < 0.01) {
          const c = Number(
            insertItem.run(
              'published',
              'zhxx',
              null,
              '综合信息',
              unit.desk,
              unit.desk,
              1,
              1,
              null,
              null,
              null,
              null,
              iso(out),
              iso(out),
            ).lastInsertRowid,
          );
          insertEvent.run(c, 'publish', 'published', iso(out + 3 * DAY));
          composites.set(unit.desk, c);
        }
      }
    })();
  }
  // The ledger: each scored item's events give a unit line and one per author; spread so the
  // total comes to `sizes.ledger` (denser than a real ledger, which only makes the test harder).
  const perItem = sizes.ledger / scored.length;
  sql.transaction(() => {
    let owed = 0;
    for (const s of scored) {
      owed += perItem;
      for (let e = 0; owed >= 1 && ledger < sizes.ledger; e++) {
        const day = cstDate(new Date(Math.min(s.day + e * 7 * DAY, now - DAY)));
        const source = `bench:${s.id}:${e}`;
        insertLedger.run(s.desk, s.id, source, 'own.single', 'org', s.unit, 500, day);
        ledger += 1;
        owed -= 1;
        for (const a of s.authors) {
          if (owed < 1 || ledger >= sizes.ledger) break;
          insertLedger.run(
            s.desk,
            s.id,
            source,
            'own.single',
            'user',
            a,
            Math.floor(500 / s.authors.length),
            day,
          );
          ledger += 1;
          owed -= 1;
        }
      }
    }
    // Left-over rounding goes to the last items.
    for (let i = 0; ledger < sizes.ledger; i++) {
      const s = scored[i % scored.length] as (typeof scored)[number];
      insertLedger.run(
        s.desk,
        s.id,
        `bench:${s.id}:x${i}`,
        'own.single',
        'org',
        s.unit,
        100,
        cstDate(new Date(s.day)),
      );
      ledger += 1;
    }
  })();
  sql.exec('analyze');
  sql.close();
  return { provinceId, items: times.length, ledger, events };
}
