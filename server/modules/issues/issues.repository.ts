import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { IssueEvent } from '../../../shared/issues.ts';
import type { Tx } from '../../context.ts';
import type { IssueRow, PublicationRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';

export function findIssue(tx: Tx, id: number): Promise<IssueRow | undefined> {
  return tx.selectFrom('issues').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPublication(tx: Tx, id: number): Promise<PublicationRow> {
  const p = await tx.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', '刊物不存在');
  return p;
}

export async function appendIssueEvent(
  tx: Tx,
  e: {
    issueId: number;
    action: IssueEvent;
    actorId: number | null;
    step: number | null;
    reason?: string;
    note?: string;
    at: string;
  },
): Promise<void> {
  await tx
    .insertInto('issue_events')
    .values({
      issue_id: e.issueId,
      action: e.action,
      actor_id: e.actorId,
      step_index: e.step,
      reason: e.reason ?? '',
      note: e.note ?? '',
      created_at: e.at,
    })
    .execute();
}

/**
 * Claims the issue at the version the caller saw: of two people acting at once, the second
 * waits (row lock / single writer) and then finds the version moved on.
 */
export async function claimIssue(
  tx: Tx,
  issue: IssueRow,
  version: number,
  at: string,
  patch: Partial<Omit<IssueRow, 'id'>> = {},
): Promise<void> {
  if (version !== issue.version) throw new AppError('ISSUE_STALE', undefined, { version: issue.version });
  const r = await tx
    .updateTable('issues')
    .set({ ...patch, version: issue.version + 1, updated_at: at })
    .where('id', '=', issue.id)
    .where('version', '=', issue.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    throw new AppError('ISSUE_STALE', undefined, { version: issue.version });
}

/**
 * The next number in a publication's series (正刊 or 增刊 per year; the running total with
 * year 0, whose counter starts at the publication's offset the first time it is used).
 * Incremented inside the issuing transaction, so numbers are never skipped or shared.
 */
export async function nextIssueNumber(
  tx: Tx,
  publicationId: number,
  series: string,
  year: number,
  start = 0,
): Promise<number> {
  await tx
    .insertInto('issue_counters')
    .values({ publication_id: publicationId, series, year, last: start })
    .onConflict((oc) => oc.columns(['publication_id', 'series', 'year']).doNothing())
    .execute();
  const row = await tx
    .updateTable('issue_counters')
    .set({ last: sql`last + 1` })
    .where('publication_id', '=', publicationId)
    .where('series', '=', series)
    .where('year', '=', year)
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

/** Issued files live under the data directory, one folder per issue, never overwritten. */
export async function storeIssueFile(dataDir: string, issueId: number, revision: number, buf: Buffer) {
  const digest = sha256(buf);
  const key = path.join(String(issueId), `r${revision}-${randomUUID()}.docx`);
  const full = path.join(dataDir, 'issues', key);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, buf, { flag: 'wx' });
  return { key, sha256: digest, size: buf.length };
}

export function readIssueFile(dataDir: string, key: string): Promise<Buffer> {
  return readFile(path.join(dataDir, 'issues', key));
}

export function removeIssueFile(dataDir: string, key: string): Promise<void> {
  return rm(path.join(dataDir, 'issues', key), { force: true });
}

/**
 * Locks the items of an issue and reads them. A no-op update takes their row locks on
 * PostgreSQL (SQLite has one writer): item actions claim the item row before they look at the
 * issue, so they either finish first and are seen here, or wait and then see this change.
 */
export async function lockItems(tx: Tx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  await tx
    .updateTable('items')
    .set({ version: sql`version` })
    .where('id', 'in', [...ids])
    .execute();
  return tx
    .selectFrom('items')
    .select(['id', 'title', 'number', 'status', 'stream', 'target_org_id'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function lockIssueItems(tx: Tx, issueId: number) {
  const rows = await tx.selectFrom('issue_items').select('item_id').where('issue_id', '=', issueId).execute();
  return lockItems(
    tx,
    rows.map((r) => r.item_id),
  );
}

export async function userName(tx: Tx, userId: number): Promise<string> {
  const u = await tx.selectFrom('users').select('real_name').where('id', '=', userId).executeTakeFirst();
  return u?.real_name ?? '';
}
