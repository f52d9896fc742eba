import type { OrgType } from '../../shared/orgs.ts';
import type { Role, Scope } from '../../shared/roles.ts';
import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { bumpGeneration } from '../db/generation.ts';
import { AppError } from '../lib/errors.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertOrg } from '../modules/orgs/orgs.repository.ts';
import { insertUser } from '../modules/users/users.service.ts';

export const PASSWORD = 'Xinxi#2026ok';
let cachedHash: Promise<string> | null = null;

export async function makeOrg(
  ctx: AppContext,
  name: string,
  type: OrgType,
  parent: { id: number; path: string } | null = null,
) {
  await bumpGeneration(ctx.db.kysely); // as every real change does
  const now = ctx.clock.iso();
  return insertOrg(
    ctx.db.kysely,
    {
      parent_id: parent?.id ?? null,
      name,
      short_name: '',
      type,
      sort_order: 0,
      active: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    },
    parent?.path ?? '/',
  );
}

/** A small province: 省政协 with 信息处, one city with one county, one party, one recipient. */
export async function makeProvince(ctx: AppContext) {
  const province = await makeOrg(ctx, '政协安徽省委员会', 'cppcc_province');
  const infoOffice = await makeOrg(ctx, '信息处', 'office', province);
  const city = await makeOrg(ctx, '政协合肥市委员会', 'cppcc_city', province);
  const county = await makeOrg(ctx, '政协肥西县委员会', 'cppcc_county', city);
  const otherCity = await makeOrg(ctx, '政协芜湖市委员会', 'cppcc_city', province);
  const party = await makeOrg(ctx, '民盟安徽省委会', 'party', province);
  const recipient = await makeOrg(ctx, '全国政协办公厅', 'recipient', province);
  return { province, infoOffice, city, county, otherCity, party, recipient };
}

export async function makeUser(
  ctx: AppContext,
  login: string,
  orgId: number,
  grants: { role: Role; orgId: number; scope: Scope }[] = [],
  options: { mustChangePassword?: boolean; realName?: string } = {},
) {
  cachedHash ??= hashPassword(PASSWORD);
  const user = await insertUser(
    ctx.db.kysely,
    {
      login,
      realName: options.realName ?? `用户${login}`,
      mobile: '',
      memberships: [{ orgId, title: '' }],
      member: null,
      specialOfficer: false,
    },
    await cachedHash,
    ctx.clock.iso(),
  );
  if (!options.mustChangePassword)
    await ctx.db.kysely
      .updateTable('users')
      .set({ must_change_password: 0 })
      .where('id', '=', user.id)
      .execute();
  for (const g of grants) {
    await ctx.db.kysely
      .insertInto('role_grants')
      .values({
        user_id: user.id,
        role: g.role,
        org_id: g.orgId,
        scope: g.scope,
        granted_by: null,
        created_at: ctx.clock.iso(),
      })
      .execute();
  }
  await bumpGeneration(ctx.db.kysely); // as every real change does
  return user;
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Logs in through the API and returns what a browser would hold. */
export async function loginAs(app: App, login: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'minyi_sid');
  const body = res.json() as { data: { status: string; me?: { csrfToken: string } } };
  return { cookie: `minyi_sid=${cookie?.value}`, csrf: body.data.me?.csrfToken ?? '' };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** An authenticated request carrying the session cookie and, for mutations, the CSRF header. */
export function call(app: App, s: Session, method: Method, url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** The error code a promise ends with, or 'ok' (anything but an AppError is reported as unexpected). */
export const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `unexpected: ${String(e)}`),
  );
