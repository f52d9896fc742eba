import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { securityHeaders } from './plugins/security-headers.ts';
import { serializerCompiler } from './plugins/serializer.ts';
import { createTestContext, type TestContext } from './test/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('application shell', () => {
  it('sends upgrade-insecure-requests and HSTS only behind HTTPS', async () => {
    expect(securityHeaders(false)['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(securityHeaders(false)['strict-transport-security']).toBeUndefined();
    expect(securityHeaders(true)['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(securityHeaders(true)['strict-transport-security']).toContain('max-age=');
  });

  it('serves the OpenAPI description without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/me']),
    );
  });

  it('answers unknown API paths with a Chinese 404 in the error envelope', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('reports the database in the health check', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: { dialect: t.ctx.db.dialect, ok: true } });
  });

  it('never sends undeclared fields: the serializer writes only what the response schema names', () => {
    const schema = z.object({
      data: z.object({
        id: z.number(),
        name: z.string(),
        member: z.object({ level: z.string() }).nullable(),
      }),
    });
    const write = serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });
    const out = write({
      data: { id: 1, name: '王芳', member: { level: 'city', secret: 'x' }, password_hash: '$argon2id$' },
    });
    expect(JSON.parse(out)).toEqual({ data: { id: 1, name: '王芳', member: { level: 'city' } } });
  });
});
