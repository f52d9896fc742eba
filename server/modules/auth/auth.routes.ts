import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import {
  changePasswordBody,
  disableTotpBody,
  loginBody,
  loginResult,
  meSchema,
  totpBody,
  totpSetup,
} from '../../../shared/schemas/auth.ts';
import { okResponse } from '../../../shared/schemas/common.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, clientOf, SESSION_COOKIE, whoOf } from '../../plugins/auth.ts';
import {
  authenticate,
  changePassword,
  completeTotp,
  disableTotp,
  enableTotp,
  login,
  logout,
  presentMe,
  setupTotp,
} from './auth.service.ts';

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.secureCookies,
    });

  return async (app) => {
    const loginLimit = { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: 60_000 } };

    app.post(
      '/auth/login',
      {
        config: { public: true, ...loginLimit },
        schema: {
          tags: ['认证'],
          summary: '登录（启用动态验证码时返回 totp_required）',
          body: loginBody,
          response: { 200: loginResult },
        },
      },
      async (request, reply) => {
        const outcome = await login(ctx, request.body.login, request.body.password, clientOf(request));
        setCookie(reply, outcome.token);
        if (outcome.status === 'totp_required') return { data: { status: 'totp_required' as const } };
        const actor = await authenticate(ctx, outcome.token);
        if (!actor) throw new AppError('UNAUTHENTICATED');
        return { data: { status: 'ok' as const, me: await presentMe(ctx, actor) } };
      },
    );

    app.post(
      '/auth/totp',
      {
        config: { public: true, ...loginLimit },
        schema: {
          tags: ['认证'],
          summary: '登录第二步：提交动态验证码',
          body: totpBody,
          response: { 200: loginResult },
        },
      },
      async (request, reply) => {
        const pending = request.cookies[SESSION_COOKIE];
        if (!pending) throw new AppError('UNAUTHENTICATED', '验证已超时，请重新输入登录名和密码');
        const token = await completeTotp(ctx, pending, request.body.code, clientOf(request));
        setCookie(reply, token);
        const actor = await authenticate(ctx, token);
        if (!actor) throw new AppError('UNAUTHENTICATED');
        return { data: { status: 'ok' as const, me: await presentMe(ctx, actor) } };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { allowDuringSetup: true },
        schema: { tags: ['认证'], summary: '退出登录', response: { 200: okResponse } },
      },
      async (request, reply) => {
        await logout(ctx, actorOf(request), whoOf(request), clientOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { data: { ok: true as const } };
      },
    );

    app.post(
      '/auth/password',
      {
        config: { allowDuringSetup: true, ...loginLimit },
        schema: {
          tags: ['认证'],
          summary: '修改本人密码',
          body: changePasswordBody,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await changePassword(
          ctx,
          actorOf(request),
          whoOf(request),
          request.body.currentPassword,
          request.body.newPassword,
        );
        return { data: { ok: true as const } };
      },
    );

    app.get(
      '/me',
      {
        config: { allowDuringSetup: true },
        schema: {
          tags: ['认证'],
          summary: '当前用户、权限与待办安全事项',
          response: { 200: z.object({ data: meSchema }) },
        },
      },
      async (request) => ({ data: await presentMe(ctx, actorOf(request)) }),
    );

    app.post(
      '/me/totp/setup',
      {
        config: { allowDuringSetup: true },
        schema: {
          tags: ['认证'],
          summary: '生成动态验证码绑定密钥',
          response: { 200: z.object({ data: totpSetup }) },
        },
      },
      async (request) => {
        const { secret, uri } = await setupTotp(ctx, actorOf(request));
        const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1 });
        return { data: { secret, uri, qrSvg } };
      },
    );

    app.post(
      '/me/totp/enable',
      {
        config: { allowDuringSetup: true },
        schema: {
          tags: ['认证'],
          summary: '输入验证码确认绑定',
          body: totpBody,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await enableTotp(ctx, actorOf(request), whoOf(request), request.body.code);
        return { data: { ok: true as const } };
      },
    );

    app.post(
      '/me/totp/disable',
      {
        schema: {
          tags: ['认证'],
          summary: '停用动态验证码',
          body: disableTotpBody,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await disableTotp(ctx, actorOf(request), whoOf(request), request.body.password, request.body.code);
        return { data: { ok: true as const } };
      },
    );
  };
}
