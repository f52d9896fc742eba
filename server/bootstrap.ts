import type { AppContext } from './context.ts';
import { inTransaction } from './context.ts';
import { randomPassword } from './lib/crypto.ts';
import { hashPassword } from './modules/auth/password.ts';
import { insertDefaultPublications } from './modules/issues/config.service.ts';
import { insertOrg } from './modules/orgs/orgs.repository.ts';
import { DEFAULT_SETTINGS } from './modules/settings/settings.service.ts';
import { insertUser } from './modules/users/users.service.ts';

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !row;
}

export interface BootstrapAccount {
  login: string;
  realName: string;
  roleLabel: string;
  password: string;
}

/**
 * First start of a production instance: the default settings, the top organisation, and the
 * three separated administrators (三员), each with a random one-time password that must be
 * changed at first login. There is never a fixed default password.
 */
export async function bootstrapProduction(ctx: AppContext, rootName: string): Promise<BootstrapAccount[]> {
  const admins = [
    { login: 'sysadmin', realName: '系统管理员', role: 'sysadmin', roleLabel: '系统管理员' },
    { login: 'secadmin', realName: '安全管理员', role: 'secadmin', roleLabel: '安全管理员' },
    { login: 'auditor', realName: '审计管理员', role: 'auditor', roleLabel: '审计管理员' },
  ] as const;
  const accounts = admins.map((a) => ({ ...a, password: randomPassword() }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  const now = ctx.clock.iso();
  await ctx.settings.save(DEFAULT_SETTINGS);
  await inTransaction(ctx, { actor: null, ip: '127.0.0.1' }, async (tx, audit) => {
    const root = await insertOrg(
      tx,
      {
        parent_id: null,
        name: rootName,
        short_name: '省政协',
        type: 'cppcc_province',
        sort_order: 0,
        active: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      },
      '/',
    );
    await insertDefaultPublications(tx, root.id, rootName, now);
    for (const [i, a] of accounts.entries()) {
      const user = await insertUser(
        tx,
        {
          login: a.login,
          realName: a.realName,
          mobile: '',
          memberships: [{ orgId: root.id, title: a.roleLabel }],
          member: null,
          specialOfficer: false,
        },
        hashes[i]!,
        now,
      );
      await tx
        .insertInto('role_grants')
        .values({
          user_id: user.id,
          role: a.role,
          org_id: root.id,
          scope: 'all',
          granted_by: null,
          created_at: now,
        })
        .execute();
    }
    await audit({
      action: 'system.bootstrap',
      targetType: 'system',
      targetId: '-',
      summary: { root: rootName, admins: accounts.map((a) => a.login) },
    });
  });
  return accounts.map(({ login, realName, roleLabel, password }) => ({
    login,
    realName,
    roleLabel,
    password,
  }));
}
