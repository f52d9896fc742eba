import type { Role, Scope } from '../../../shared/roles.ts';

export interface ActorGrant {
  id: number;
  role: Role;
  orgId: number;
  orgName: string;
  /** Materialised path of the granted organisation, `/1/5/`. */
  orgPath: string;
  scope: Scope;
}

/** The authenticated caller, loaded once per request by the auth plugin. */
export interface Actor {
  id: number;
  login: string;
  realName: string;
  demo: boolean;
  mustChangePassword: boolean;
  /** When the password was last set (or the account created): for the maximum password age. */
  passwordChangedAt: string;
  totpEnabled: boolean;
  grants: ActorGrant[];
  sessionId: string;
  csrfToken: string;
  sessionExpiresAt: string;
}

/**
 * Where a permission reaches. Computed per grant, so the scope of one grant never lends itself
 * to the permissions of another role (data scope never widens silently).
 */
export interface Reach {
  all: boolean;
  /** Exactly these organisations. */
  orgIds: number[];
  /** These organisations and everything below them (path prefixes). */
  subtreePaths: string[];
  /** Only the actor's own records. */
  self: boolean;
}
