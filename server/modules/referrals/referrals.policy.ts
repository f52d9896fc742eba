import type { OrgType } from '../../../shared/orgs.ts';
import { REFERRAL_ORG_TYPES, type ReferralState } from '../../../shared/referrals.ts';
import { ROLE_KEYS, roleHas } from '../../../shared/roles.ts';
import type { Tx } from '../../context.ts';
import type { ReferralRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { reachCoversOrg, reachOf } from '../access/access.policy.ts';
import type { Actor, Reach } from '../access/actor.ts';
import { feedbackDesks } from '../feedback/feedback.service.ts';
import { cppccsOf } from '../items/desks.ts';

/**
 * Who may do what with a referral. The Information Office that received the item (holders of
 * `feedback.record` for that CPPCC) makes, reviews and revokes referrals, and records signing
 * and replies for a department that is not online (代为登记). The department's handlers
 * (`referral.handle` reaching the department) sign and reply themselves. Nobody else sees a
 * referral except through the item page, where the item's readers see it without the scans.
 */
export interface ReferralSide {
  office: boolean;
  handler: boolean;
}

export interface OrgLite {
  id: number;
  name: string;
  type: string;
  path: string;
}

/** What the actor can reach, loaded once per request. */
export interface Standing {
  desks: Set<number>;
  handles: Reach;
}

export async function standingOf(tx: Tx, actor: Actor): Promise<Standing> {
  return { desks: await feedbackDesks(tx, actor), handles: reachOf(actor, 'referral.handle') };
}

/**
 * A revoked referral is no longer the department's: its handlers stop seeing it (and the item's
 * text it carries); the office keeps it on file.
 */
export function sideOf(
  standing: Standing,
  row: Pick<ReferralRow, 'desk_id' | 'state'>,
  org: Pick<OrgLite, 'id' | 'path'>,
): ReferralSide {
  return {
    office: standing.desks.has(row.desk_id),
    handler: row.state !== 'revoked' && reachCoversOrg(standing.handles, org),
  };
}

export function abilitiesOf(state: ReferralState, side: ReferralSide, hasReply: boolean) {
  const acts = side.office || side.handler;
  return {
    sign: acts && state === 'sent',
    reply: acts && state === 'signed',
    upload: acts && state === 'replied' && hasReply,
    review: side.office && state === 'replied',
    revoke: side.office && (state === 'sent' || state === 'signed' || state === 'replied'),
    proxy: side.office && !side.handler,
  };
}

/** The refusal for someone who may not see the referral: never says whether it exists. */
export const notVisible = () => new AppError('NOT_FOUND', '交办件不存在或您无权查看');

export async function loadOrg(tx: Tx, id: number): Promise<OrgLite | undefined> {
  return tx
    .selectFrom('organizations')
    .select(['id', 'name', 'type', 'path'])
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/**
 * A department the desk may refer to: an organisation of a handling type (REFERRAL_ORG_TYPES)
 * directly under the desk's own CPPCC (its departments and committees, the external bodies it
 * reports to, and the CPPCCs one level down), not the desk itself.
 */
export async function assertReferrable(tx: Tx, deskId: number, orgId: number): Promise<OrgLite> {
  const org = await loadOrg(tx, orgId);
  if (!org || org.id === deskId) throw new AppError('VALIDATION_FAILED', '请选择有效的交办单位');
  if (!REFERRAL_ORG_TYPES.includes(org.type as OrgType))
    throw new AppError(
      'VALIDATION_FAILED',
      `“${org.name}”不是承办单位：只能交办本级政协机关部门、专门委员会、外部单位或下一级政协`,
    );
  const parentPath = org.path.replace(/\d+\/$/, '');
  const above = (await cppccsOf(tx, [parentPath])).get(parentPath);
  if (above?.id !== deskId)
    throw new AppError('VALIDATION_FAILED', `“${org.name}”不属于本级政协，不能由本信息处交办`);
  return org;
}

/** Users whose `referral.handle` reaches the department: they are told of its referrals. */
export async function handlersOf(tx: Tx, org: Pick<OrgLite, 'id' | 'path'>): Promise<number[]> {
  const roles = ROLE_KEYS.filter((r) => roleHas(r, 'referral.handle'));
  const rows = await tx
    .selectFrom('role_grants')
    .innerJoin('organizations', 'organizations.id', 'role_grants.org_id')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id', 'role_grants.scope', 'role_grants.org_id', 'organizations.path'])
    .where('role_grants.role', 'in', roles)
    .where('users.enabled', '=', 1)
    .execute();
  const ids = rows
    .filter(
      (r) =>
        r.scope === 'all' ||
        (r.scope !== 'self' && r.org_id === org.id) ||
        (r.scope === 'subtree' && org.path.startsWith(r.path)),
    )
    .map((r) => r.id);
  return [...new Set(ids)];
}
