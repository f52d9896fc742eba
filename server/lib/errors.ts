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
