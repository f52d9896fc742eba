import type { Role, Scope } from '../../shared/roles.ts';
import { type AppContext, inTransaction, type Tx } from '../context.ts';
import { DAY } from '../lib/clock.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertDefaultPublications } from '../modules/issues/config.service.ts';
import { insertOrg } from '../modules/orgs/orgs.repository.ts';
import { DEFAULT_SETTINGS } from '../modules/settings/settings.service.ts';
import { insertUser } from '../modules/users/users.service.ts';
import { DEMO_TREE, type DemoOrg, demoMembers } from './province-data.ts';
import { demoPublishing } from './seed-issues.ts';
import { DEMO_HISTORY_DAYS, seedClock, seedDemoItems } from './seed-items.ts';
import { seedDemoPortal } from './seed-portal.ts';

/**
 * One account per role (the information office also has a second editor and a deputy
 * director); where each sits and what it is granted.
 */
export const DEMO_ACCOUNTS: readonly {
  login: string;
  realName: string;
  orgKey: string;
  title: string;
  role: Role;
  grantOrgKey: string;
  scope: Scope;
}[] = [
  {
    login: 'sysadmin',
    realName: '周立新',
    orgKey: 'general_office',
    title: '系统管理员',
    role: 'sysadmin',
    grantOrgKey: 'province',
    scope: 'all',
  },
  {
    login: 'secadmin',
    realName: '孙晓梅',
    orgKey: 'general_office',
    title: '安全管理员',
    role: 'secadmin',
    grantOrgKey: 'province',
    scope: 'all',
  },
  {
    login: 'auditor',
    realName: '钱永刚',
    orgKey: 'general_office',
    title: '审计管理员',
    role: 'auditor',
    grantOrgKey: 'province',
    scope: 'all',
  },
  {
    login: 'editor',
    realName: '林静',
    orgKey: 'info_office',
    title: '编辑',
    role: 'editor',
    grantOrgKey: 'province',
    scope: 'subtree',
  },
  {
    login: 'editor2',
    realName: '宋雨桐',
    orgKey: 'info_office',
    title: '编辑',
    role: 'editor',
    grantOrgKey: 'province',
    scope: 'subtree',
  },
  {
    login: 'director',
    realName: '何建华',
    orgKey: 'info_office',
    title: '处长',
    role: 'director',
    grantOrgKey: 'province',
    scope: 'subtree',
  },
  {
    login: 'deputy',
    realName: '许文',
    orgKey: 'info_office',
    title: '副处长',
    role: 'director',
    grantOrgKey: 'province',
    scope: 'subtree',
  },
  {
    login: 'leader',
    realName: '冯国栋',
    orgKey: 'general_office',
    title: '副秘书长（分管信息工作）',
    role: 'leader',
    grantOrgKey: 'province',
    scope: 'subtree',
  },
  {
    login: 'secgen',
    realName: '邓文博',
    orgKey: 'province',
    title: '秘书长',
    role: 'secgen',
    grantOrgKey: 'province',
    scope: 'subtree',
  },
  {
    login: 'chair',
    realName: '唐正华',
    orgKey: 'province',
    title: '主席',
    role: 'chair',
    grantOrgKey: 'province',
    scope: 'subtree',
  },
  {
    login: 'handler',
    realName: '陈文博',
    orgKey: 'cmte_proposal',
    title: '承办联络员',
    role: 'handler',
    grantOrgKey: 'cmte_proposal',
    scope: 'org',
  },
  {
    login: 'liaison',
    realName: '曹丽萍',
    orgKey: 'party_minmeng',
    title: '信息联络员',
    role: 'liaison',
    grantOrgKey: 'party_minmeng',
    scope: 'org',
  },
  {
    login: 'member',
    realName: '韩志远',
    orgKey: 'party_minmeng',
    title: '省政协委员',
    role: 'member',
    grantOrgKey: 'party_minmeng',
    scope: 'self',
  },
];

async function insertTree(
  tx: Tx,
  node: DemoOrg,
  parent: { id: number; path: string } | null,
  now: string,
  ids: Map<string, number>,
  order: number,
): Promise<void> {
  const org = await insertOrg(
    tx,
    {
      parent_id: parent?.id ?? null,
      name: node.name,
      short_name: node.shortName ?? '',
      type: node.type,
      sort_order: order,
      active: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    },
    parent?.path ?? '/',
  );
  ids.set(node.key, org.id);
  for (const [i, child] of (node.children ?? []).entries()) await insertTree(tx, child, org, now, ids, i);
}

/**
 * Loads the demo province into an empty database: the Anhui CPPCC system's organisations, one
 * account per role and about 300 members, then about 200 items with their history over the
 * last months (seed-items.ts) and the issues of the four publications over the last two months
 * (seed-issues.ts). The province is set up at the start of that history, so every
 * record is dated in order; the passwords count as set now. Demo accounts need no password
 * change and no second factor (the requirement is off in the demo settings until switched on).
 */
export async function seedDemo(ctx: AppContext, password: string): Promise<void> {
  const end = ctx.clock.now().getTime();
  const clock = seedClock(end - DEMO_HISTORY_DAYS * DAY);
  const seedCtx = { ...ctx, clock };
  const now = clock.iso();
  const hash = await hashPassword(password);
  await ctx.settings.save({ ...DEFAULT_SETTINGS, totpRequiredRoles: [] });
  const ids = new Map<string, number>();
  const org = (key: string) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`demo organisation ${key} missing`);
    return id;
  };
  await inTransaction(seedCtx, { actor: null, ip: '127.0.0.1' }, async (tx, audit) => {
    await insertTree(tx, DEMO_TREE, null, now, ids, 0);
    await insertDefaultPublications(tx, org('province'), DEMO_TREE.name, now);
    const grant = (userId: number, role: Role, orgId: number, scope: Scope) =>
      tx
        .insertInto('role_grants')
        .values({ user_id: userId, role, org_id: orgId, scope, granted_by: null, created_at: now })
        .execute();
    for (const a of DEMO_ACCOUNTS) {
      const member =
        a.role === 'member'
          ? {
              level: 'province' as const,
              term: '第十三届',
              sector: '中国民主同盟',
              party: '民盟',
              standing: false,
            }
          : null;
      const user = await insertUser(
        tx,
        {
          login: a.login,
          realName: a.realName,
          mobile: '',
          memberships: [{ orgId: org(a.orgKey), title: a.title }],
          member,
          specialOfficer: false,
        },
        hash,
        now,
        true,
      );
      await grant(user.id, a.role, org(a.grantOrgKey), a.scope);
    }
    for (const m of demoMembers()) {
      const user = await insertUser(
        tx,
        {
          login: m.login,
          realName: m.realName,
          mobile: m.mobile,
          memberships: [{ orgId: org(m.orgKey), title: m.title }],
          member: { level: m.level, term: m.term, sector: m.sector, party: m.party, standing: m.standing },
          specialOfficer: m.specialOfficer,
        },
        hash,
        now,
        true,
      );
      await grant(user.id, 'member', org(m.orgKey), 'self');
    }
    await audit({
      action: 'system.bootstrap',
      targetType: 'system',
      targetId: '-',
      summary: { demo: true, orgs: ids.size },
    });
  });
  await seedDemoItems(seedCtx, org, end, demoPublishing(seedCtx, org, end));
  await seedDemoPortal(ctx, org('province'), end);
  await ctx.db.kysely
    .updateTable('users')
    .set({ password_changed_at: new Date(end).toISOString() })
    .where('demo', '=', 1)
    .execute();
}

/** Each demo start sets the demo accounts' password to the one printed at this start. */
export async function resetDemoPasswords(ctx: AppContext, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await ctx.db.kysely
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: ctx.clock.iso() })
    .where('demo', '=', 1)
    .execute();
  await ctx.db.kysely.deleteFrom('login_throttle').execute();
}
