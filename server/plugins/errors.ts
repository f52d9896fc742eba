import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '../../shared/errors.ts';
import { AppError } from '../lib/errors.ts';

function body(code: ErrorCode, message?: string, details?: unknown): ErrorBody {
  return {
    error: {
      code,
      message: message ?? ERROR_CODES[code].message,
      ...(details === undefined ? {} : { details }),
    },
  };
}

/** Maps every failure to `{ error: { code, message, details } }`; 5xx details stay in the log. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? '',
      }));
      const first = fields[0];
      const message = first
        ? `${ERROR_CODES.VALIDATION_FAILED.message}：${first.field ? `${first.field} ` : ''}${first.message}`
        : undefined;
      return reply.status(422).send(body('VALIDATION_FAILED', message, { fields }));
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return reply.status(429).send(body('RATE_LIMITED'));
    if (status === 413) return reply.status(413).send(body('PAYLOAD_TOO_LARGE'));
    if (status === 415)
      return reply.status(415).send(body('BAD_REQUEST', '不支持的内容类型，请以 JSON 提交'));
    if (status >= 400 && status < 500) return reply.status(status).send(body('BAD_REQUEST'));
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL'));
  });
}
