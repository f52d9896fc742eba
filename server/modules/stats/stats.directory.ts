import type { Tx } from '../../context.ts';

/**
 * Names and shapes the figures are labelled and folded by: every organisation (with the city
 * CPPCC it lies under) and every topic (with its top-level topic). Both tables are small.
 */
export interface Directory {
  orgs: Map<number, { name: string; path: string; type: string }>;
  topics: Map<number, { name: string; parentId: number | null }>;
  /** The city-level CPPCC (市政协) an organisation lies in or is; null for none (省直). */
  cityOf(orgId: number): number | null;
  /** The top-level topic of a topic. */
  rootOf(topicId: number): number;
}

export async function loadDirectory(tx: Tx): Promise<Directory> {
  const [orgRows, topicRows] = await Promise.all([
    tx.selectFrom('organizations').select(['id', 'name', 'path', 'type']).execute(),
    tx.selectFrom('topics').select(['id', 'name', 'parent_id']).execute(),
  ]);
  const orgs = new Map(orgRows.map((o) => [o.id, { name: o.name, path: o.path, type: o.type }]));
  const topics = new Map(topicRows.map((t) => [t.id, { name: t.name, parentId: t.parent_id }]));
  const cities = new Map<number, number | null>();
  return {
    orgs,
    topics,
    cityOf(orgId) {
      const known = cities.get(orgId);
      if (known !== undefined) return known;
      const path = orgs.get(orgId)?.path ?? '';
      const city =
        path
          .split('/')
          .filter(Boolean)
          .map(Number)
          .find((id) => orgs.get(id)?.type === 'cppcc_city') ?? null;
      cities.set(orgId, city);
      return city;
    },
    rootOf(topicId) {
      let id = topicId;
      for (let parent = topics.get(id)?.parentId; parent != null; parent = topics.get(id)?.parentId)
        id = parent;
      return id;
    },
  };
}
