import { Readable } from 'node:stream';
import pg from 'pg';
import type { TestContext } from '../../test/context.ts';
import type { Session } from '../../test/factories.ts';

/**
 * Test helpers for races: two creations that both pass their service's check before either
 * inserts, and an upload whose body arrives only when the test says so.
 */

const BOUNDARY = '----minyi-referral';
export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 32)]);

function multipartHead(fileName: string): Buffer {
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
}
const multipartTail = () => Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

function uploadHeaders(session: Session) {
  return {
    cookie: session.cookie,
    'x-csrf-token': session.csrf,
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
  };
}

/** Uploads one PDF scan to the referral's latest reply. */
export function uploadScan(t: TestContext, session: Session, id: number, fileName = '办复函.pdf') {
  return t.app.inject({
    method: 'POST',
    url: `/api/referrals/${id}/files`,
    headers: uploadHeaders(session),
    payload: Buffer.concat([multipartHead(fileName), PDF, multipartTail()]),
  });
}

/**
 * Starts an upload whose body is held back: `reading` resolves once the handler starts reading
 * the file (its checks before the upload are done); `finish()` sends the rest.
 */
export function heldUpload(t: TestContext, session: Session, id: number, fileName = '补充办复函.pdf') {
  let started: () => void = () => {};
  const reading = new Promise<void>((resolve) => {
    started = resolve;
  });
  let first = true;
  const body = new Readable({
    read() {
      if (!first) return;
      first = false;
      this.push(multipartHead(fileName));
      started();
    },
  });
  const response = t.app.inject({
    method: 'POST',
    url: `/api/referrals/${id}/files`,
    headers: uploadHeaders(session),
    payload: body,
  });
  return {
    /** Resolves when the checks before the upload passed; fails if the request was answered first. */
    reading: Promise.race([
      reading,
      response.then((r) => {
        throw new Error(`answered before reading the file: ${r.statusCode} ${r.body}`);
      }),
    ]),
    response,
    finish() {
      body.push(Buffer.concat([PDF, multipartTail()]));
      body.push(null);
    },
  };
}

interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Runs `run` while another PostgreSQL connection holds a transaction that has executed
 * `statements`; after a moment (long enough for `run` to reach what it waits on) that transaction
 * ends with `finish`.
 */
export async function whilePgHolds<T>(
  t: TestContext,
  statements: readonly Statement[],
  finish: 'commit' | 'rollback',
  run: () => Promise<T>[],
): Promise<PromiseSettledResult<T>[]> {
  const holder = new pg.Client({ connectionString: t.env.DATABASE_URL });
  await holder.connect();
  try {
    await holder.query('begin');
    for (const s of statements) await holder.query(s.sql, s.params);
    const settled = Promise.allSettled(run());
    await new Promise((resolve) => setTimeout(resolve, 800));
    await holder.query(finish);
    return await settled;
  } finally {
    await holder.end();
  }
}

/**
 * Runs concurrent creations so that on PostgreSQL every one of them passes its service's
 * duplicate check before any inserts: another connection holds an uncommitted conflicting row
 * (`conflict`), so each insert waits on the unique index; the row is then rolled back and the
 * creations race for real, the index deciding. On SQLite, whose one writer serialises the
 * transactions, they simply run together.
 */
export function raceCreations<T>(
  t: TestContext,
  conflict: Statement,
  run: () => Promise<T>[],
): Promise<PromiseSettledResult<T>[]> {
  if (t.ctx.db.dialect !== 'postgres') return Promise.allSettled(run());
  return whilePgHolds(t, [conflict], 'rollback', run);
}
