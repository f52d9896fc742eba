import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { GenerationCache, readGeneration } from '../../db/generation.ts';

/** Room for the portal's answers: its lists, pages, searches and records in use at one time. */
export const PUBLIC_CACHE_ENTRIES = 200;

/**
 * Public answers are kept under the data generation they were read at, so any committed change
 * (a withdrawal included) retires them on every instance at the next request. They have a store
 * of their own, not `ctx.reads`: anyone may ask the portal for any page, id or search words, and
 * those answers must not push out what staff screens keep there. One store per portal, shared
 * by all its routes, bounded to `maxEntries` (the oldest entry leaves first).
 */
export function publicCache(ctx: AppContext, maxEntries = PUBLIC_CACHE_ENTRIES) {
  const store = new GenerationCache<unknown>(maxEntries);
  return async <T>(key: string, load: () => Promise<T>): Promise<{ value: T; generation: number }> => {
    const generation = await readGeneration(ctx.db.kysely);
    const hit = store.get(key, generation) as T | undefined;
    if (hit !== undefined) return { value: hit, generation };
    const value = await load();
    store.set(key, generation, value);
    return { value, generation };
  };
}
export type PublicCache = ReturnType<typeof publicCache>;

/**
 * Notices and disclosed items must vanish the moment they are withdrawn, so browsers and proxies
 * may keep them but must ask again each time (`no-cache`); the entity tag (generation and the
 * Beijing day, since notices appear on their publish day) turns an unchanged answer into a 304.
 * Returns true when a 304 was sent.
 */
export function revalidated(
  request: FastifyRequest,
  reply: FastifyReply,
  generation: number,
  day: string,
): boolean {
  const etag = `W/"${generation}-${day}"`;
  reply.header('cache-control', 'public, no-cache').header('etag', etag);
  if (request.headers['if-none-match'] !== etag) return false;
  reply.code(304).send();
  return true;
}
