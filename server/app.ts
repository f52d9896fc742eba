import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_CODES } from '../shared/errors.ts';
import type { AppContext } from './context.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { loginLogRoutes } from './modules/auth/login-log.routes.ts';
import { awardRoutes } from './modules/awards/awards.routes.ts';
import { disclosureRoutes } from './modules/disclosures/disclosures.routes.ts';
import { noticeRoutes } from './modules/disclosures/notices.routes.ts';
import { feedbackRoutes } from './modules/feedback/feedback.routes.ts';
import { grantRoutes } from './modules/grants/grants.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { issueConfigRoutes } from './modules/issues/config.routes.ts';
import { issueRoutes } from './modules/issues/issues.routes.ts';
import { attachmentRoutes } from './modules/items/attachments.routes.ts';
import { itemMetaRoutes } from './modules/items/item-meta.routes.ts';
import { itemRoutes } from './modules/items/items.routes.ts';
import { routingRoutes } from './modules/items/routing.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { orgRoutes } from './modules/orgs/orgs.routes.ts';
import { performanceRoutes } from './modules/performance/performance.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { dutyRoutes } from './modules/posts/duty.routes.ts';
import { leaveRoutes } from './modules/posts/leaves.routes.ts';
import { postRoutes } from './modules/posts/posts.routes.ts';
import { referralRoutes } from './modules/referrals/referrals.routes.ts';
import { reportRoutes } from './modules/reports/reports.routes.ts';
import { ruleSetRoutes } from './modules/scores/rule-sets.routes.ts';
import { scoreRoutes } from './modules/scores/scores.routes.ts';
import { sessionRoutes } from './modules/sessions/sessions.routes.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';
import { statsRoutes } from './modules/stats/stats.routes.ts';
import { supervisionRoutes } from './modules/supervision/supervision.routes.ts';
import { topicRoutes } from './modules/topics/topics.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { serializerCompiler } from './plugins/serializer.ts';

z.config(z.locales.zhCN());

export type App = FastifyInstance;

export interface BuildOptions {
  logger?: boolean;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger
      ? { level: 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] }
      : false,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, ctx);

  await app.register(fastifyCookie);
  registerSecurityHeaders(app, ctx.config.secureCookies);
  await app.register(fastifyRateLimit, {
    max: ctx.config.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: () => ({
      statusCode: 429,
      error: { code: 'RATE_LIMITED', message: ERROR_CODES.RATE_LIMITED.message },
    }),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1_048_576, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '民意直通车 API',
        version: '1.0.0',
        description: '政协信息工作平台接口。除标注为公开的接口外，均需登录会话。',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  });
  registerAuth(app, ctx);

  await app.register(
    async (api) => {
      await api.register(healthRoutes(ctx));
      await api.register(authRoutes(ctx));
      await api.register(orgRoutes(ctx));
      await api.register(userRoutes(ctx));
      await api.register(grantRoutes(ctx));
      await api.register(sessionRoutes(ctx));
      await api.register(auditRoutes(ctx));
      await api.register(loginLogRoutes(ctx));
      await api.register(settingsRoutes(ctx));
      await api.register(itemRoutes(ctx));
      await api.register(issueConfigRoutes(ctx));
      await api.register(issueRoutes(ctx));
      await api.register(feedbackRoutes(ctx));
      await api.register(referralRoutes(ctx));
      await api.register(supervisionRoutes(ctx));
      await api.register(scoreRoutes(ctx));
      await api.register(ruleSetRoutes(ctx));
      await api.register(performanceRoutes(ctx));
      await api.register(reportRoutes(ctx));
      await api.register(awardRoutes(ctx));
      await api.register(statsRoutes(ctx));
      await api.register(portalRoutes(ctx));
      await api.register(disclosureRoutes(ctx));
      await api.register(noticeRoutes(ctx));
      await api.register(itemMetaRoutes(ctx));
      await api.register(attachmentRoutes(ctx));
      await api.register(routingRoutes(ctx));
      await api.register(topicRoutes(ctx));
      await api.register(postRoutes(ctx));
      await api.register(leaveRoutes(ctx));
      await api.register(dutyRoutes(ctx));
      await api.register(notificationRoutes(ctx));
    },
    { prefix: '/api' },
  );

  const indexHtml = path.join(ctx.config.webDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  // Wildcard serving reads the directory per request, so a rebuilt client is served at once.
  if (hasWeb) await app.register(fastifyStatic, { root: ctx.config.webDir, wildcard: true, index: false });
  const sendIndex = (reply: FastifyReply) =>
    reply.type('text/html').header('cache-control', 'no-cache').send(fs.createReadStream(indexHtml));
  if (hasWeb) app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    // API paths, other methods and missing files (anything with an extension) are real 404s;
    // every other GET is a client-side route and gets the single-page app.
    if (
      pathname.startsWith('/api') ||
      request.method !== 'GET' ||
      !hasWeb ||
      /\.[a-z0-9]+$/i.test(pathname)
    ) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '请求的地址不存在' } });
    }
    return sendIndex(reply);
  });
  return app;
}
