import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../shared/roles.ts';
import { idParam, listOf, okResponse, recordOf } from '../../../shared/schemas/common.ts';
import {
  enableBody,
  MEMBER_LEVELS,
  resetPasswordResult,
  type UserView,
  userAbilities as userAbilitiesSchema,
  userInput,
  userListAbilities as userListAbilitiesSchema,
  userListQuery,
  userSchema,
  userUpdate,
} from '../../../shared/schemas/users.ts';
import type { AppContext } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { paged, sendXlsxStream } from '../../lib/xlsx.ts';
import { actorOf, whoOf } from '../../plugins/auth.ts';
import { can } from '../access/access.policy.ts';
import { forceLogoutUser } from '../sessions/sessions.service.ts';
import { buildRosterTemplate, importRoster } from './users.excel.ts';
import { userAbilities, userListAbilities } from './users.policy.ts';
import { presentUser } from './users.presenter.ts';
import { loadUserExtras } from './users.repository.ts';
import {
  createUser,
  listUsers,
  loadReachableUser,
  resetUserPassword,
  setUserEnabled,
  updateUser,
} from './users.service.ts';

const userWithAbilities = userSchema.extend({ abilities: userAbilitiesSchema });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const present = async (actor: ReturnType<typeof actorOf>, id: number) => {
    const { user, target } = await loadReachableUser(ctx, actor, id, 'user.read');
    const extras = await loadUserExtras(ctx.db.kysely, [user], ctx.clock.iso());
    return { data: presentUser(user, extras), abilities: userAbilities(actor, target) };
  };

  return async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags: ['用户'],
          summary: '用户列表（服务端分页、筛选，按数据范围）',
          querystring: userListQuery,
          response: { 200: listOf(userWithAbilities, userListAbilitiesSchema) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { rows, total, extras } = await listUsers(ctx, actor, request.query);
        const data = rows.map((row) => {
          const view = presentUser(row, extras);
          const target = { id: row.id, roles: view.roles, orgs: extras.orgPaths.get(row.id) ?? [] };
          return { ...view, abilities: userAbilities(actor, target) };
        });
        return { data, total, abilities: userListAbilities(actor) };
      },
    );

    app.get(
      '/users/export',
      {
        schema: {
          tags: ['用户'],
          summary: '按当前筛选导出用户（Excel）',
          querystring: userListQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!can(actor, 'user.export')) throw new AppError('FORBIDDEN');
        const query = request.query;
        const first = await listUsers(ctx, actor, { ...query, page: 1, pageSize: 1 });
        await inTransaction(ctx, whoOf(request), (_tx, audit) =>
          audit({
            action: 'user.export',
            targetType: 'user',
            targetId: '-',
            summary: { filter: query, rows: first.total },
          }),
        );
        return sendXlsxStream<UserView>(reply, {
          filename: `用户名册-${ctx.clock.iso().slice(0, 10)}.xlsx`,
          sheet: '用户名册',
          watermark: `导出人：${actor.realName}（${actor.login}）  导出时间：${ctx.clock.now().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}  内部资料 注意保存`,
          columns: [
            { header: '登录名', width: 14, value: (u) => u.login },
            { header: '姓名', width: 10, value: (u) => u.realName },
            { header: '手机号码', width: 14, value: (u) => u.mobile },
            { header: '所属组织', width: 30, value: (u) => u.memberships.map((m) => m.orgName).join('；') },
            { header: '职务', width: 14, value: (u) => u.memberships[0]?.title ?? '' },
            { header: '委员级别', width: 10, value: (u) => (u.member ? MEMBER_LEVELS[u.member.level] : '') },
            { header: '届次', width: 10, value: (u) => u.member?.term ?? '' },
            { header: '界别', width: 16, value: (u) => u.member?.sector ?? '' },
            { header: '党派', width: 10, value: (u) => u.member?.party ?? '' },
            { header: '是否常委', width: 10, value: (u) => (u.member?.standing ? '是' : '否') },
            { header: '特邀信息员', width: 10, value: (u) => (u.specialOfficer ? '是' : '否') },
            { header: '角色', width: 20, value: (u) => u.roles.map((r) => ROLES[r].label).join('、') },
            { header: '状态', width: 8, value: (u) => (u.enabled ? '启用' : '停用') },
          ],
          pages: paged(async (offset, limit) => {
            const page = await listUsers(ctx, actor, {
              ...query,
              page: Math.floor(offset / limit) + 1,
              pageSize: limit,
            });
            return page.rows.map((row) => presentUser(row, page.extras));
          }, 200),
        });
      },
    );

    app.get(
      '/users/import-template',
      { schema: { tags: ['用户'], summary: '下载用户名册导入模板' } },
      async (request, reply) => {
        if (!can(actorOf(request), 'user.import')) throw new AppError('FORBIDDEN');
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent('用户名册导入模板.xlsx')}`,
          )
          .send(await buildRosterTemplate());
      },
    );

    app.post(
      '/users/import',
      {
        schema: {
          tags: ['用户'],
          summary: '导入用户名册（.xlsx，全部正确才导入）',
          response: {
            200: z.object({
              data: z.object({
                created: z.number().int(),
                updated: z.number().int(),
                credentials: z.array(
                  z.object({ login: z.string(), realName: z.string(), temporaryPassword: z.string() }),
                ),
              }),
            }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!can(actor, 'user.import')) throw new AppError('FORBIDDEN');
        if (!request.isMultipart()) throw new AppError('BAD_REQUEST', '请以表单方式上传 .xlsx 文件');
        const file = await request.file();
        if (!file) throw new AppError('BAD_REQUEST', '请选择要导入的 .xlsx 文件');
        if (!file.filename.toLowerCase().endsWith('.xlsx'))
          throw new AppError('IMPORT_FAILED', '只支持 .xlsx 格式，请使用导入模板', { errors: [] });
        const buffer = await file.toBuffer();
        return { data: await importRoster(ctx, actor, whoOf(request), buffer) };
      },
    );

    app.get(
      '/users/:id',
      {
        schema: {
          tags: ['用户'],
          summary: '用户详情',
          params: idParam,
          response: { 200: recordOf(userSchema, userAbilitiesSchema) },
        },
      },
      async (request) => present(actorOf(request), request.params.id),
    );

    app.post(
      '/users',
      {
        schema: {
          tags: ['用户'],
          summary: '新建用户（返回一次性初始密码）',
          body: userInput,
          response: {
            200: z.object({ data: z.object({ user: userSchema, temporaryPassword: z.string() }) }),
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { user, temporaryPassword } = await createUser(ctx, actor, whoOf(request), request.body);
        const extras = await loadUserExtras(ctx.db.kysely, [user], ctx.clock.iso());
        return { data: { user: presentUser(user, extras), temporaryPassword } };
      },
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['用户'],
          summary: '修改用户',
          params: idParam,
          body: userUpdate,
          response: { 200: recordOf(userSchema, userAbilitiesSchema) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await updateUser(ctx, actor, whoOf(request), request.params.id, request.body);
        return present(actor, request.params.id);
      },
    );

    app.post(
      '/users/:id/enabled',
      {
        schema: {
          tags: ['用户'],
          summary: '启用或停用用户',
          params: idParam,
          body: enableBody,
          response: { 200: recordOf(userSchema, userAbilitiesSchema) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await setUserEnabled(ctx, actor, whoOf(request), request.params.id, request.body.enabled);
        return present(actor, request.params.id);
      },
    );

    app.post(
      '/users/:id/reset-password',
      {
        schema: {
          tags: ['用户'],
          summary: '重置密码（返回一次性密码，用户下次登录须修改）',
          params: idParam,
          response: { 200: resetPasswordResult },
        },
      },
      async (request) => ({
        data: {
          temporaryPassword: await resetUserPassword(
            ctx,
            actorOf(request),
            whoOf(request),
            request.params.id,
          ),
        },
      }),
    );

    app.post(
      '/users/:id/logout',
      {
        schema: {
          tags: ['用户'],
          summary: '强制该用户所有会话下线',
          params: idParam,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { user } = await loadReachableUser(ctx, actor, request.params.id, 'session.manage');
        await forceLogoutUser(ctx, actor, whoOf(request), user.id);
        return { data: { ok: true as const } };
      },
    );
  };
}
