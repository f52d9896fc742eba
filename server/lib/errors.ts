import { ERROR_CODES, type ErrorCode } from '../../shared/errors.ts';

/** The one error type services and routes throw; the error handler turns it into `{ error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CODES[code].message);
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
  }
}

/** A unique-constraint violation from PostgreSQL (23505) or SQLite. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Runs a write a unique index guards and names the clash in the caller's words: a concurrent
 * request that passed the same check first leaves this one a clear refusal, not a generic 409.
 */
export async function unlessDuplicate<T>(write: Promise<T>, refusal: () => AppError): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw refusal();
    throw error;
  }
}
