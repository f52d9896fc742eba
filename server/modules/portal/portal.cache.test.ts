/**
 * The portal's answers are cached apart from staff reads: anonymous requests may ask for any
 * search words, page or id, and however many they send, what staff screens keep in `ctx.reads`
 * stays; the portal's own store is bounded and retires answers when the data changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpGeneration, readGeneration } from '../../db/generation.ts';
import { createTestContext, type TestContext } from '../../test/context.ts';
import { publicCache } from './portal.cache.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('public answer cache', () => {
  it('many different public searches do not push staff answers out of ctx.reads', async () => {
    const generation = await readGeneration(t.ctx.db.kysely);
    t.ctx.reads.set('staff:items:page1', generation, 'staff answer');
    // More distinct searches than ctx.reads holds (500), a few at a time.
    for (let batch = 0; batch < 26; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.app.inject({
            method: 'GET',
            url: `/api/public/disclosures?q=${encodeURIComponent(`检索词${batch * 20 + i}`)}`,
          }),
        ),
      );
      expect(replies.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    }
    expect(await readGeneration(t.ctx.db.kysely)).toBe(generation);
    expect(t.ctx.reads.get('staff:items:page1', generation)).toBe('staff answer');
  });

  it('keeps at most its bound, oldest out first, and reloads once the data changed', async () => {
    const cached = publicCache(t.ctx, 3);
    const loads: string[] = [];
    const load = (key: string) => async () => {
      loads.push(key);
      return `answer ${key}`;
    };
    const ask = async (key: string) => (await cached(key, load(key))).value;
    for (const key of ['a', 'b', 'c', 'd']) expect(await ask(key)).toBe(`answer ${key}`);
    expect(await ask('d')).toBe('answer d');
    expect(await ask('b')).toBe('answer b');
    expect(loads).toEqual(['a', 'b', 'c', 'd']);
    // 'a' was the oldest of four in a store of three.
    await ask('a');
    expect(loads).toEqual(['a', 'b', 'c', 'd', 'a']);
    await bumpGeneration(t.ctx.db.kysely);
    await ask('a');
    expect(loads).toEqual(['a', 'b', 'c', 'd', 'a', 'a']);
  });
});
