import type { ROLE_KEYS } from '../../../shared/roles.ts';
import type { Tx } from '../../context.ts';
import type { SessionRow, UserRow } from '../../db/schema.ts';
import type { ActorGrant } from '../access/actor.ts';

export async function insertSession(tx: Tx, row: SessionRow): Promise<void> {
  await tx.insertInto('sessions').values(row).execute();
}

export function findSessionWithUser(
  tx: Tx,
  id: string,
): Promise<
  | (SessionRow &
      Pick<
        UserRow,
        | 'login'
        | 'real_name'
        | 'enabled'
        | 'demo'
        | 'must_change_password'
        | 'totp_enabled'
        | 'password_changed_at'
      > & {
        created_at_user: string;
      })
  | undefined
> {
  return tx
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select([
      'users.login',
      'users.real_name',
      'users.enabled',
      'users.demo',
      'users.must_change_password',
      'users.password_changed_at',
      'users.created_at as created_at_user',
      'users.totp_enabled',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export async function loadGrants(tx: Tx, userId: number): Promise<ActorGrant[]> {
  const rows = await tx
    .selectFrom('role_grants')
    .innerJoin('organizations', 'organizations.id', 'role_grants.org_id')
    .select([
      'role_grants.id',
      'role_grants.role',
      'role_grants.org_id',
      'role_grants.scope',
      'organizations.name',
      'organizations.path',
    ])
    .where('role_grants.user_id', '=', userId)
    .where('organizations.active', '=', 1)
    .orderBy('role_grants.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role as (typeof ROLE_KEYS)[number],
    orgId: r.org_id,
    orgName: r.name,
    orgPath: r.path,
    scope: r.scope as ActorGrant['scope'],
  }));
}

export async function touchSession(tx: Tx, id: string, at: string): Promise<void> {
  await tx.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(tx: Tx, id: string): Promise<number> {
  const r = await tx.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteUserSessions(tx: Tx, userId: number, exceptId?: string): Promise<void> {
  let q = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

/** Sessions still alive: not past their absolute expiry and seen within the idle window. */
export function liveSessions(tx: Tx, now: string, idleSince: string) {
  return tx
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select(['users.login', 'users.real_name'])
    .where('sessions.stage', '=', 'full')
    .where('sessions.expires_at', '>', now)
    .where('sessions.last_seen_at', '>', idleSince);
}

export async function purgeExpiredSessions(tx: Tx, now: string, idleSince: string): Promise<void> {
  await tx
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .execute();
}
