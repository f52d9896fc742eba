import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext, Who } from '../context.ts';
import { safeEqual } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import type { Actor } from '../modules/access/actor.ts';
import { authenticate, requirementsOf } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = 'minyi_sid';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (login, health, public pages). */
    public?: boolean;
    /** Reachable while the user still has to change the password or enrol a second factor. */
    allowDuringSetup?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The actor of an authenticated route (the hook guarantees it is there). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

export function whoOf(request: FastifyRequest): Who {
  return {
    actor: request.actor ? { id: request.actor.id, login: request.actor.login } : null,
    ip: request.ip,
  };
}

export function clientOf(request: FastifyRequest) {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
}

/** Login-CSRF defence for routes without a session: a browser's Origin must be this host. */
function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('CSRF_FAILED');
  }
  // Behind a trusted proxy Fastify's request.host already reflects X-Forwarded-Host.
  const expected = request.host;
  if (host !== expected) throw new AppError('CSRF_FAILED');
}

/**
 * Every /api route is authenticated unless it says `public`. Mutations need the session's CSRF
 * token in `x-csrf-token`; a pending password change or second-factor enrolment blocks
 * everything else until done.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    // The OpenAPI description and its viewer are public: they describe, they hold no data.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const config = request.routeOptions.config;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await authenticate(ctx, token);
    if (config.public) {
      if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
      return;
    }
    if (!request.routeOptions.url) return; // unknown route: the 404 handler answers
    const actor = request.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, actor.csrfToken))
        throw new AppError('CSRF_FAILED');
    }
    if (config.allowDuringSetup) return;
    const req = await requirementsOf(ctx, actor);
    if (req.passwordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (req.totpEnroll) throw new AppError('TOTP_ENROLL_REQUIRED');
  });
}
