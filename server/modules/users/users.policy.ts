import { ADMIN_ROLES } from '../../../shared/roles.ts';
import { can, reachCoversOrg, reachOf } from '../access/access.policy.ts';
import type { Actor } from '../access/actor.ts';
import type { UserAbilities } from './users.types.ts';

export interface UserTarget {
  id: number;
  roles: readonly string[];
  orgs: readonly { id: number; path: string }[];
}

/** Whether a permission of the actor reaches a user (through any of the user's organisations). */
export function reachesUser(
  actor: Actor,
  permission: 'user.read' | 'user.manage' | 'session.manage' | 'grant.manage',
  target: UserTarget,
): boolean {
  const reach = reachOf(actor, permission);
  if (reach.self && target.id === actor.id) return true;
  return target.orgs.some((o) => reachCoversOrg(reach, o));
}

/**
 * 三员分立: the system administrator may not disable or reset the password of a security or
 * audit administrator (that would let one administrator take over another's duties).
 */
export function isOtherAdmin(actor: Actor, target: UserTarget): boolean {
  return target.id !== actor.id && target.roles.some((r) => (ADMIN_ROLES as readonly string[]).includes(r));
}

export function userAbilities(actor: Actor, target: UserTarget): UserAbilities {
  const manage = can(actor, 'user.manage') && reachesUser(actor, 'user.manage', target);
  const guarded = manage && !isOtherAdmin(actor, target);
  return {
    update: manage,
    enable: guarded && target.id !== actor.id,
    resetPassword: guarded && target.id !== actor.id,
    grant: can(actor, 'grant.manage') && reachesUser(actor, 'grant.manage', target) && target.id !== actor.id,
    forceLogout:
      can(actor, 'session.manage') && reachesUser(actor, 'session.manage', target) && target.id !== actor.id,
  };
}

export function userListAbilities(actor: Actor) {
  return {
    create: can(actor, 'user.manage'),
    import: can(actor, 'user.import'),
    export: can(actor, 'user.export'),
  };
}
