import { sql } from 'kysely';
import type { Tx } from '../context.ts';

/** Marks that committed data changed (call inside the changing transaction). */
export async function bumpGeneration(tx: Tx): Promise<void> {
  await tx.updateTable('data_generation').set({ value: sql`value + 1` }).where('id', '=', 1).execute();
}

export async function readGeneration(tx: Tx): Promise<number> {
  const row = await tx.selectFrom('data_generation').select('value').where('id', '=', 1).executeTakeFirst();
  return Number(row?.value ?? 0);
}

/**
 * Results keyed by what was asked and the data generation they were read at. An entry is only
 * served while the generation is unchanged, so no instance ever serves data older than the last
 * committed change it can see.
 */
export class GenerationCache<V> {
  readonly #entries = new Map<string, { generation: number; value: V }>();

  constructor(private readonly maxEntries = 500) {}

  get(key: string, generation: number): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== generation) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, generation: number, value: V): void {
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { generation, value });
  }
}
