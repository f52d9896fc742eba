import { describe, expect, it } from 'vitest';
import {
  ADMIN_ROLES,
  BUSINESS_PERMISSIONS,
  PERMISSION_KEYS,
  ROLE_KEYS,
  ROLES,
  type Role,
} from '../../../shared/roles.ts';
import { grantRefusal } from '../grants/grants.policy.ts';
import { can, permissionsOf, reachCoversOrg, reachCoversScope, reachOf } from './access.policy.ts';
import type { ActorGrant } from './actor.ts';

const g = (role: Role, orgId: number, orgPath: string, scope: ActorGrant['scope']): ActorGrant => ({
  id: orgId,
  role,
  orgId,
  orgName: '',
  orgPath,
  scope,
});

/** The expected permission table, written out so a change to ROLES must be deliberate. */
const EXPECTED: Record<Role, string[]> = {
  member: ['item.submit', 'performance.own'],
  liaison: ['item.read_unit', 'item.submit', 'item.submit_for_member', 'stats.read'],
  editor: ['feedback.record', 'issue.compile', 'item.edit', 'stats.read'],
  director: [
    'feedback.record',
    'issue.compile',
    'issue.review',
    'item.assign',
    'item.disclose',
    'item.edit',
    'portal.manage',
    'score.manage',
    'stats.read',
  ],
  handler: ['referral.handle'],
  leader: ['issue.approve', 'stats.read'],
  secgen: ['issue.approve', 'issue.review', 'stats.read'],
  chair: ['issue.approve', 'stats.read'],
  sysadmin: [
    'grant.read',
    'org.manage',
    'org.read',
    'session.manage',
    'settings.manage',
    'user.export',
    'user.import',
    'user.manage',
    'user.read',
  ],
  secadmin: ['grant.manage', 'grant.read', 'loginlog.read', 'org.read', 'session.manage', 'user.read'],
  auditor: ['audit.export', 'audit.read', 'loginlog.read'],
};

describe('role permission table', () => {
  for (const role of ROLE_KEYS) {
    it(`${role} holds exactly its permissions`, () => {
      expect(permissionsOf({ grants: [g(role, 1, '/1/', 'all')] })).toEqual(EXPECTED[role]);
    });
  }

  it('checks every permission for every role against the table', () => {
    for (const role of ROLE_KEYS) {
      for (const p of PERMISSION_KEYS) {
        expect(can({ grants: [g(role, 1, '/1/', 'all')] }, p)).toBe(EXPECTED[role].includes(p));
      }
    }
  });
});

describe('三员分立', () => {
  it('none of the three administrators holds a business permission', () => {
    for (const role of ADMIN_ROLES) {
      for (const p of BUSINESS_PERMISSIONS)
        expect(can({ grants: [g(role, 1, '/1/', 'all')] }, p)).toBe(false);
    }
  });

  it('only the security administrator grants roles; only the auditor reads the audit log', () => {
    const holders = (p: 'grant.manage' | 'audit.read' | 'user.manage') =>
      ROLE_KEYS.filter((r) => can({ grants: [g(r, 1, '/1/', 'all')] }, p));
    expect(holders('grant.manage')).toEqual(['secadmin']);
    expect(holders('audit.read')).toEqual(['auditor']);
    expect(holders('user.manage')).toEqual(['sysadmin']);
  });

  it('refuses a second administrator role and any business role beside one', () => {
    expect(grantRefusal('secadmin', 'cppcc_province', 'all', ['sysadmin'])).toContain('三员分立');
    expect(grantRefusal('auditor', 'cppcc_province', 'all', ['secadmin'])).toContain('三员分立');
    expect(grantRefusal('sysadmin', 'cppcc_province', 'all', ['editor'])).toContain('三员分立');
    expect(grantRefusal('editor', 'cppcc_province', 'subtree', ['auditor'])).toContain('三员分立');
    expect(grantRefusal('sysadmin', 'cppcc_province', 'all', ['sysadmin'])).toBeNull();
    expect(grantRefusal('director', 'cppcc_province', 'subtree', ['editor'])).toBeNull();
  });

  it('places office roles on CPPCCs only, never on recipients, members only with self scope', () => {
    expect(grantRefusal('editor', 'party', 'subtree', [])).toContain('政协');
    expect(grantRefusal('liaison', 'recipient', 'org', [])).toContain('外部');
    expect(grantRefusal('member', 'party', 'org', [])).toContain('本人');
    expect(grantRefusal('liaison', 'party', 'org', [])).toBeNull();
    // A department's handler (承办单位联络员) sits in a body that handles referrals.
    expect(grantRefusal('handler', 'party', 'org', [])).toContain('承办单位联络员');
    expect(grantRefusal('handler', 'recipient', 'org', [])).toContain('外部');
    expect(grantRefusal('handler', 'committee', 'org', [])).toBeNull();
    expect(grantRefusal('handler', 'cppcc_city', 'org', [])).toBeNull();
  });

  it('marks exactly the administrators and leaders as privileged', () => {
    expect(ROLE_KEYS.filter((r) => ROLES[r].privileged)).toEqual([
      'director',
      'leader',
      'secgen',
      'chair',
      'sysadmin',
      'secadmin',
      'auditor',
    ]);
  });
});

describe('data scope', () => {
  const province = { id: 1, path: '/1/' };
  const city = { id: 5, path: '/1/5/' };
  const county = { id: 9, path: '/1/5/9/' };
  const otherCity = { id: 6, path: '/1/6/' };

  it('reaches by scope: org is exact, subtree goes down, all is everything', () => {
    expect(reachCoversOrg(reachOf({ grants: [g('editor', 5, '/1/5/', 'org')] }, 'item.edit'), county)).toBe(
      false,
    );
    expect(reachCoversOrg(reachOf({ grants: [g('editor', 5, '/1/5/', 'org')] }, 'item.edit'), city)).toBe(
      true,
    );
    expect(
      reachCoversOrg(reachOf({ grants: [g('editor', 5, '/1/5/', 'subtree')] }, 'item.edit'), county),
    ).toBe(true);
    expect(
      reachCoversOrg(reachOf({ grants: [g('editor', 5, '/1/5/', 'subtree')] }, 'item.edit'), province),
    ).toBe(false);
    expect(
      reachCoversOrg(reachOf({ grants: [g('editor', 5, '/1/5/', 'subtree')] }, 'item.edit'), otherCity),
    ).toBe(false);
    expect(reachCoversOrg(reachOf({ grants: [g('editor', 1, '/1/', 'all')] }, 'item.edit'), otherCity)).toBe(
      true,
    );
  });

  it('never lends one grant’s scope to another role’s permission', () => {
    // An editor for one city and a liaison (with a wide scope) elsewhere: editing still reaches only the city.
    const actor = { grants: [g('editor', 5, '/1/5/', 'subtree'), g('liaison', 1, '/1/', 'subtree')] };
    expect(can(actor, 'item.edit')).toBe(true);
    expect(reachCoversOrg(reachOf(actor, 'item.edit'), otherCity)).toBe(false);
    expect(reachCoversOrg(reachOf(actor, 'item.submit'), otherCity)).toBe(true);
  });

  it('a grantor cannot hand out a wider scope than it holds', () => {
    const reach = reachOf({ grants: [g('secadmin', 5, '/1/5/', 'subtree')] }, 'grant.manage');
    expect(reachCoversScope(reach, city, 'subtree')).toBe(true);
    expect(reachCoversScope(reach, county, 'org')).toBe(true);
    expect(reachCoversScope(reach, city, 'all')).toBe(false);
    expect(reachCoversScope(reach, province, 'org')).toBe(false);
    const orgOnly = reachOf({ grants: [g('secadmin', 5, '/1/5/', 'org')] }, 'grant.manage');
    expect(reachCoversScope(orgOnly, city, 'subtree')).toBe(false);
    expect(reachCoversScope(orgOnly, city, 'org')).toBe(true);
  });
});
