/** Test helpers: items that went out in an issued issue, with private data to keep off the portal. */
import pg from 'pg';
import type { ItemDraftInput } from '../../../shared/schemas/items.ts';
import type { AppContext } from '../../context.ts';
import { codeOf } from '../../test/factories.ts';
import { type IssueWorld, issueItems } from '../../test/issues.ts';
import { act, newDraft } from '../../test/items.ts';

export const PHONE = '13912345678';

/** A selected item of the world's author (and co-author 王丽), consenting unless told otherwise. */
export async function selected(ctx: AppContext, w: IssueWorld, overrides: Partial<ItemDraftInput> = {}) {
  const id = await newDraft(ctx, w, { disclosable: true, contactPhone: PHONE, ...overrides });
  await act(ctx, w.actors.author, id, 'submit');
  await act(ctx, w.actors.editor, id, 'register');
  await act(ctx, w.actors.editor, id, 'select');
  return id;
}

/** One issued item (已编发) with the given draft fields. */
export async function issuedItem(ctx: AppContext, w: IssueWorld, overrides: Partial<ItemDraftInput> = {}) {
  const id = await selected(ctx, w, overrides);
  await issueItems(ctx, w, [id]);
  return id;
}

/**
 * PostgreSQL only: forces the interleaving in which every step has read and checked a row before
 * any writes it. Another connection holds the row locked (FOR UPDATE) while the steps start one at
 * a time, each once the one before is queued on that lock; the lock is then released, so they
 * write in the order started. Returns each step's error code, or 'ok'.
 */
export async function interleaved(
  url: string,
  table: 'disclosures' | 'notices',
  id: number,
  steps: (() => Promise<unknown>)[],
): Promise<string[]> {
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  const waiting = async (n: number) => {
    for (let i = 0; i < 500; i++) {
      const { rows } = await holder.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (Number(rows[0]?.n) >= n) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`step ${n} never queued on the ${table} row lock`);
  };
  try {
    await holder.query('begin');
    await holder.query(`select id from ${table} where id = $1 for update`, [id]);
    const running: Promise<string>[] = [];
    for (const step of steps) {
      running.push(codeOf(step()));
      await waiting(running.length);
    }
    await holder.query('commit');
    return await Promise.all(running);
  } finally {
    await holder.end();
  }
}
