import type { UpdateObject } from 'kysely';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { Tx } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';

/** Tables whose rows carry a status and a version bumped by every change. */
type Versioned = 'disclosures' | 'notices';

/** The row as the caller read and checked it. */
export interface Seen {
  id: number;
  version: number;
  status: string;
}

/** How a change that lost the race is refused. */
export interface Refusals {
  /** The status moved on (published, approved, withdrawn) since the caller's checks. */
  state: ErrorCode;
  /** Only the version moved on: someone else's edit of the same state. */
  conflict: string;
}

/**
 * Writes `set` (and the next version) only while the row still has the version and status the
 * caller read and checked; the condition is in the UPDATE itself, so on PostgreSQL a change that
 * committed in between (read committed re-checks the WHERE once the row lock is free) leaves the
 * row alone, and the caller is refused rather than overwriting what the other one decided.
 */
export async function updateIfUnchanged<T extends Versioned>(
  tx: Tx,
  table: T,
  seen: Seen,
  set: Omit<UpdateObject<Database, T>, 'version'>,
  refusals: Refusals,
): Promise<void> {
  // Both tables have the guarded columns; Kysely cannot resolve a column of a generic table, so
  // the builder is typed as one of them (the table written is still `table`).
  const named = table as Versioned as 'notices';
  const r = await tx
    .updateTable(named)
    .set({ ...set, version: seen.version + 1 } as UpdateObject<Database, 'notices'>)
    .where('id', '=', seen.id)
    .where('version', '=', seen.version)
    .where('status', '=', seen.status)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 1) return;
  // Read again (a fresh snapshot under read committed) to say which of the two moved on.
  const now = await tx.selectFrom(named).select('status').where('id', '=', seen.id).executeTakeFirst();
  if (now?.status !== seen.status) throw new AppError(refusals.state);
  throw new AppError('CONFLICT', refusals.conflict);
}
