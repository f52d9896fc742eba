import { CPPCC_TYPES, type OrgType } from '../../../shared/orgs.ts';
import type { Tx } from '../../context.ts';
import type { IssueRow } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { can, reachCoversOrg, reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import { desksOf } from '../items/desks.ts';
import { findOrg } from '../orgs/orgs.repository.ts';

/** The CPPCCs whose publications the actor compiles, and those whose issues the actor may sign. */
export interface IssueDesks {
  compile: Set<number>;
  sign: Set<number>;
}

export async function loadIssueDesks(tx: Tx, actor: Actor): Promise<IssueDesks> {
  const [compile, review, approve] = await Promise.all([
    desksOf(tx, actor, 'issue.compile'),
    desksOf(tx, actor, 'issue.review'),
    desksOf(tx, actor, 'issue.approve'),
  ]);
  return {
    compile: new Set(compile.map((d) => d.id)),
    sign: new Set([...review, ...approve].map((d) => d.id)),
  };
}

/** Office staff who compile a publication's issues, and leaders who sign them, see its issues. */
export function issueVisible(issue: Pick<IssueRow, 'org_id'>, desks: IssueDesks): boolean {
  return desks.compile.has(issue.org_id) || desks.sign.has(issue.org_id);
}

/**
 * Publications, chains and rules are configuration of one CPPCC: the system administrator whose
 * reach covers it keeps them (and, being one of the 三员, sees no issue content).
 */
export async function assertConfigManager(tx: Tx, actor: Actor, orgId: number): Promise<void> {
  const org = await findOrg(tx, orgId);
  if (!org || !can(actor, 'org.manage') || !reachCoversOrg(reachOf(actor, 'org.manage'), org))
    throw new AppError('FORBIDDEN', '只有本级系统管理员可以设置刊物和审签流程');
  if (!CPPCC_TYPES.includes(org.type as OrgType))
    throw new AppError('VALIDATION_FAILED', '刊物和审签流程只能设在政协机关（省、市、县政协）');
}

export function mayManageConfig(actor: Actor): boolean {
  return can(actor, 'org.manage');
}
