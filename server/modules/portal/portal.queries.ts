import { sql } from 'kysely';
import type {
  PublicDisclosure,
  PublicDisclosureQuery,
  PublicDisclosureSummary,
  PublicNotice,
  PublicNoticeSummary,
} from '../../../shared/schemas/portal.ts';
import type { Tx } from '../../context.ts';

/**
 * The portal's reads. They touch only `notices`, `disclosures` and the publishing CPPCC's name,
 * and select the public columns by name: no join reaches items, people or internal states, so
 * nothing else can find its way into a public answer.
 */

const visibleNotices = (tx: Tx, today: string) =>
  tx
    .selectFrom('notices')
    .innerJoin('organizations', 'organizations.id', 'notices.org_id')
    .where('notices.status', '=', 'published')
    .where('notices.publish_on', '<=', today);

const noticeColumns = [
  'notices.id',
  'notices.title',
  'notices.publish_on',
  'notices.pinned',
  'organizations.name as cppcc',
] as const;

const noticeSummary = (r: {
  id: number;
  title: string;
  publish_on: string;
  pinned: number;
  cppcc: string;
}): PublicNoticeSummary => ({
  id: r.id,
  title: r.title,
  publishOn: r.publish_on,
  pinned: r.pinned === 1,
  cppcc: r.cppcc,
});

/** Published notices whose day has come: pinned first, then newest. */
export async function listPublicNotices(tx: Tx, today: string, page: number, pageSize: number) {
  const [{ n }, rows] = await Promise.all([
    visibleNotices(tx, today)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    visibleNotices(tx, today)
      .select(noticeColumns)
      .orderBy('notices.pinned', 'desc')
      .orderBy('notices.publish_on', 'desc')
      .orderBy('notices.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { data: rows.map(noticeSummary), total: Number(n) };
}

export async function findPublicNotice(tx: Tx, today: string, id: number): Promise<PublicNotice | null> {
  const row = await visibleNotices(tx, today)
    .select([...noticeColumns, 'notices.body'])
    .where('notices.id', '=', id)
    .executeTakeFirst();
  return row ? { ...noticeSummary(row), body: row.body } : null;
}

const visibleDisclosures = (tx: Tx) =>
  tx
    .selectFrom('disclosures')
    .innerJoin('organizations', 'organizations.id', 'disclosures.org_id')
    .where('disclosures.status', '=', 'disclosed')
    .where('disclosures.withdrawn_at', 'is', null);

const disclosureColumns = [
  'disclosures.id',
  'disclosures.title',
  'disclosures.disclosed_on',
  'disclosures.category',
  'disclosures.topic',
  'disclosures.publication',
  'organizations.name as cppcc',
] as const;

const disclosureSummary = (r: {
  id: number;
  title: string;
  disclosed_on: string | null;
  category: string;
  topic: string;
  publication: string;
  cppcc: string;
}): PublicDisclosureSummary => ({
  id: r.id,
  title: r.title,
  disclosedOn: r.disclosed_on ?? '',
  category: r.category,
  topic: r.topic,
  publication: r.publication,
  cppcc: r.cppcc,
});

/** `%`, `_` and `\` in a search are literal characters, not patterns. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Disclosed items, newest first, filtered by category or topic name, year and words of the title. */
export async function listPublicDisclosures(tx: Tx, q: PublicDisclosureQuery) {
  let base = visibleDisclosures(tx);
  if (q.category)
    base = base.where((eb) =>
      eb.or([
        eb('disclosures.category', '=', q.category as string),
        eb('disclosures.topic', '=', q.category as string),
      ]),
    );
  if (q.year !== undefined) base = base.where('disclosures.year', '=', q.year);
  if (q.q)
    base = base.where(sql<boolean>`${sql.ref('disclosures.title')} like ${likePattern(q.q)} escape '\\'`);
  const [{ n }, rows, categories, years] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(disclosureColumns)
      .orderBy('disclosures.disclosed_on', 'desc')
      .orderBy('disclosures.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    visibleDisclosures(tx)
      .select('disclosures.category')
      .distinct()
      .orderBy('disclosures.category')
      .execute(),
    visibleDisclosures(tx)
      .select('disclosures.year')
      .distinct()
      .orderBy('disclosures.year', 'desc')
      .execute(),
  ]);
  return {
    data: rows.map(disclosureSummary),
    total: Number(n),
    facets: {
      categories: categories.map((c) => c.category).filter((c) => c !== ''),
      years: years.flatMap((y) => (y.year === null ? [] : [Number(y.year)])),
    },
  };
}

export async function findPublicDisclosure(tx: Tx, id: number): Promise<PublicDisclosure | null> {
  const row = await visibleDisclosures(tx)
    .select([...disclosureColumns, 'disclosures.text'])
    .where('disclosures.id', '=', id)
    .executeTakeFirst();
  return row ? { ...disclosureSummary(row), text: row.text } : null;
}
