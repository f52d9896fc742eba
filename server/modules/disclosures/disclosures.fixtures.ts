/** Test helpers: items that went out in an issued issue, with private data to keep off the portal. */
import pg from 'pg';
import type { ItemDraftInput } from '../../../shared/schemas/items.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import type { IssueWorld } from '../../test/issues.ts';
import { act, newDraft, WHO } from '../../test/items.ts';
import { approveIssue, submitIssue } from '../issues/approval.service.ts';
import { findIssue } from '../issues/issues.repository.ts';
import { createIssue } from '../issues/issues.service.ts';

export const PHONE = '13912345678';

/** A selected item of the world's author (and co-author 王丽), consenting unless told otherwise. */
export async function selected(ctx: AppContext, w: IssueWorld, overrides: Partial<ItemDraftInput> = {}) {
  const id = await newDraft(ctx, w, { disclosable: true, contactPhone: PHONE, ...overrides });
  await act(ctx, w.actors.author, id, 'submit');
  await act(ctx, w.actors.editor, id, 'register');
  await act(ctx, w.actors.editor, id, 'select');
  return id;
}

/** Compiles the items into an issue of 《社情民意》 and has it approved and issued (签发). */
export async function issue(ctx: AppContext, w: IssueWorld, itemIds: number[]): Promise<number> {
  const id = await createIssue(ctx, w.actors.editor, WHO, {
    publicationId: w.publications.sheqing,
    kind: 'regular',
    urgency: 'normal',
    itemIds,
  });
  const v = async () => (await findIssue(ctx.db.kysely, id))?.version as number;
  await submitIssue(ctx, w.actors.editor, WHO, id, await v());
  await approveIssue(ctx, w.actors.director, WHO, id, await v(), '');
  await approveIssue(ctx, w.signers.leader.actor, WHO, id, await v(), '');
  return id;
}

/** One issued item (已编发) with the given draft fields. */
export async function issuedItem(ctx: AppContext, w: IssueWorld, overrides: Partial<ItemDraftInput> = {}) {
  const id = await selected(ctx, w, overrides);
  await issue(ctx, w, [id]);
  return id;
}

/** The error code a promise ends with, or 'ok'. */
export const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `unexpected: ${String(e)}`),
  );

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
