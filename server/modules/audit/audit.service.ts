import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { AuditRow, Database } from '../../db/schema.ts';
import { sha256 } from '../../lib/crypto.ts';

export interface AuditInput {
  actor: { id: number; login: string } | null;
  action: string;
  targetType: string;
  targetId: string | number;
  /** Before/after or other facts; stored as JSON. */
  summary: Record<string, unknown>;
  ip: string;
  result?: 'success' | 'failure';
  at: string;
}

/** Only the fields that changed, as `{ before, after }`, for an audit summary. */
export function changes<T extends object>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK_KEY = 727_001;

type HashedFields = Pick<
  AuditRow,
  'at' | 'actor_id' | 'actor_login' | 'action' | 'target_type' | 'target_id' | 'summary' | 'ip' | 'result'
>;

/** The hash covers the previous row's hash and every field of this row except its id. */
export function hashAuditRow(prevHash: string, row: HashedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    row.at,
    row.actor_id,
    row.actor_login,
    row.action,
    row.target_type,
    row.target_id,
    row.summary,
    row.ip,
    row.result,
  ]);
  return sha256(canonical);
}

/**
 * Appends one row to the hash chain. Call inside the transaction that makes the change, so the
 * change and its record commit together. On PostgreSQL an advisory lock serialises appenders
 * across instances; SQLite transactions are already serialised.
 */
export async function appendAudit(tx: Kysely<Database>, dialect: Dialect, input: AuditInput): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
  const last = await tx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields: HashedFields = {
    at: input.at,
    actor_id: input.actor?.id ?? null,
    actor_login: input.actor?.login ?? '',
    action: input.action,
    target_type: input.targetType,
    target_id: String(input.targetId),
    summary: JSON.stringify(input.summary),
    ip: input.ip,
    result: input.result ?? 'success',
  };
  const prevHash = last?.hash ?? GENESIS;
  await tx
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: prevHash, hash: hashAuditRow(prevHash, fields) })
    .execute();
}

export type VerifyResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenId: number; reason: 'content' | 'link' };

/**
 * Walks the chain in id order. The first remaining row's prev_hash is trusted (rows before it
 * may have been purged by retention); every later row must link to its predecessor and every
 * row's hash must match its content.
 */
export async function verifyAuditChain(db: Kysely<Database>, batch = 5000): Promise<VerifyResult> {
  let prevHash: string | null = null;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (page.length === 0) return { ok: true, rows };
    for (const row of page) {
      if (prevHash !== null && row.prev_hash !== prevHash) {
        return { ok: false, rows, brokenId: row.id, reason: 'link' };
      }
      if (hashAuditRow(row.prev_hash, row) !== row.hash) {
        return { ok: false, rows, brokenId: row.id, reason: 'content' };
      }
      prevHash = row.hash;
      lastId = row.id;
      rows++;
    }
  }
}

/** Deletes rows older than the retention period (never under 180 days; the database enforces it too). */
export async function purgeAudit(db: Kysely<Database>, olderThanIso: string): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('at', '<', olderThanIso).executeTakeFirst();
  return Number(result.numDeletedRows);
}
