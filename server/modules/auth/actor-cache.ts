import type { Actor } from '../access/actor.ts';

/** How long an authenticated session is trusted without re-reading it from the database. */
export const ACTOR_CACHE_MS = 2_000;

export interface CachedActor {
  actor: Actor;
  lastSeenAt: string;
  loadedAt: number;
}

/**
 * A short-lived per-instance cache of authenticated actors, keyed by session hash. Any state
 * change committed on this instance clears it, so revocations here take effect at once; on
 * other instances within ACTOR_CACHE_MS.
 */
export class ActorCache {
  readonly #entries = new Map<string, CachedActor>();

  get(sessionId: string): CachedActor | undefined {
    const entry = this.#entries.get(sessionId);
    if (entry && Date.now() - entry.loadedAt < ACTOR_CACHE_MS) return entry;
    if (entry) this.#entries.delete(sessionId);
    return undefined;
  }

  set(sessionId: string, entry: CachedActor): void {
    if (this.#entries.size > 10_000) this.#entries.clear();
    this.#entries.set(sessionId, entry);
  }

  delete(sessionId: string): void {
    this.#entries.delete(sessionId);
  }

  clear(): void {
    this.#entries.clear();
  }
}
