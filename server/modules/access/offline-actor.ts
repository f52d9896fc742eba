import type { Tx } from '../../context.ts';
import { loadGrants } from '../sessions/sessions.repository.ts';
import type { Actor } from './actor.ts';

/**
 * A user as an actor outside any session: the platform acting in a user's name where no one is
 * signed in (loading the demo province, tests). Grants are read as a session would read them.
 */
export async function offlineActor(tx: Tx, userId: number, label: string): Promise<Actor> {
  const u = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  return {
    id: u.id,
    login: u.login,
    realName: u.real_name,
    demo: u.demo === 1,
    mustChangePassword: false,
    passwordChangedAt: u.password_changed_at ?? u.created_at,
    totpEnabled: u.totp_enabled === 1,
    grants: await loadGrants(tx, u.id),
    sessionId: label,
    csrfToken: '',
    sessionExpiresAt: '9999-12-31T00:00:00.000Z',
  };
}
