import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '../../shared/errors.ts';
import { type AppContext, inTransaction } from '../context.ts';
import { AppError, isUniqueViolation } from '../lib/errors.ts';
import { whoOf } from './auth.ts';

function body(code: ErrorCode, message?: string, details?: unknown): ErrorBody {
  return {
    error: {
      code,
      message: message ?? ERROR_CODES[code].message,
      ...(details === undefined ? {} : { details }),
    },
  };
}

/** Refusals of an attempted change are security events: they go to the audit log as failures. */
const AUDITED_REFUSALS: readonly ErrorCode[] = [
  'FORBIDDEN',
  'SEPARATION_OF_DUTIES',
  'NOT_FOUND',
  'CSRF_FAILED',
];

async function auditRefusal(ctx: AppContext, request: FastifyRequest, err: AppError): Promise<void> {
  if (!request.actor || request.method === 'GET' || !AUDITED_REFUSALS.includes(err.code)) return;
  await inTransaction(ctx, whoOf(request), (_tx, audit) =>
    audit({
      action: 'access.denied',
      targetType: 'route',
      targetId: `${request.method} ${request.routeOptions.url ?? request.url}`,
      summary: { code: err.code, message: err.message },
      result: 'failure',
    }),
  );
}

/** Maps every failure to `{ error: { code, message, details } }`; 5xx details stay in the log. */
export function registerErrorHandling(app: FastifyInstance, ctx: AppContext): void {
  app.setErrorHandler(async (err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      await auditRefusal(ctx, request, err).catch((e: unknown) =>
        request.log.error({ err: e }, 'audit of refusal failed'),
      );
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
    // Two requests racing to create the same record: the database's unique constraint decides,
    // and the loser is told in the same words as a duplicate caught by a service.
    if (isUniqueViolation(err))
      return reply.status(409).send(body('DUPLICATE', '记录已存在（可能刚由他人创建），请刷新后查看'));
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
