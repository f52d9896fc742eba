/**
 * The signed-in user (`Me`) as a tiny external store: loaded once at start-up from
 * GET /api/me, replaced by the login answer, cleared on logout or a 401.
 */
import { useSyncExternalStore } from 'react';
import type { Me } from '../../shared/schemas/auth.ts';
import { ApiError, api, type DataResponse, onAuthProblem, setCsrfToken } from './client.ts';

export type SessionState =
  | { status: 'loading' }
  /** `expired`: the server ended a session this client was using (timeout, forced logout). */
  | { status: 'anonymous'; expired: boolean }
  | { status: 'error'; message: string }
  | { status: 'ready'; me: Me };

let state: SessionState = { status: 'loading' };
let pending: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  setCsrfToken(next.status === 'ready' ? next.me.csrfToken : null);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

/** The user inside a screen that is only rendered for a signed-in user. */
export function useMe(): Me {
  const session = useSession();
  if (session.status !== 'ready') throw new Error('useMe outside a signed-in screen');
  return session.me;
}

export function setMe(me: Me): void {
  publish({ status: 'ready', me });
}

export function clearSession(expired = false): void {
  publish({ status: 'anonymous', expired });
}

/** (Re)load the user; concurrent callers share one request. */
export function loadMe(): Promise<void> {
  pending ??= api
    .get<DataResponse<Me>>('/me', { quietAuth: true })
    .then(
      (response) => setMe(response.data),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) clearSession();
        else
          publish({
            status: 'error',
            message: error instanceof ApiError ? error.message : '加载用户信息失败',
          });
      },
    )
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** The server said a security step is due before anything else: record it so the guards redirect. */
export function markRequirement(step: keyof Me['requirements']): void {
  if (state.status !== 'ready') return;
  publish({ status: 'ready', me: { ...state.me, requirements: { ...state.me.requirements, [step]: true } } });
}

export async function logout(): Promise<void> {
  try {
    await api.post('/auth/logout', {}, { quietAuth: true });
  } finally {
    clearSession();
  }
}

export function hasPermission(me: Me, permission: Me['permissions'][number]): boolean {
  return me.permissions.includes(permission);
}

// A 401 anywhere signs the client out; a pending security step makes the guards redirect.
onAuthProblem((problem) => {
  if (problem === 'UNAUTHENTICATED') clearSession(state.status === 'ready');
  else markRequirement(problem === 'PASSWORD_CHANGE_REQUIRED' ? 'passwordChange' : 'totpEnroll');
});
