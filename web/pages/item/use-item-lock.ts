import { useCallback, useEffect, useRef, useState } from 'react';
import { itemApi, type LockState } from './item-api.ts';

const RENEW_MS = 60_000;

export type LockStatus =
  | { kind: 'idle' }
  | { kind: 'taking' }
  | { kind: 'mine' }
  /** Someone else holds the soft lock; `overridden` once the user chose to edit anyway. */
  | { kind: 'held'; name: string; expiresAt: string; overridden: boolean };

function statusOf(answer: LockState, overridden: boolean): LockStatus {
  if (answer.mine || !answer.lock) return { kind: 'mine' };
  return { kind: 'held', name: answer.lock.name, expiresAt: answer.lock.expiresAt, overridden };
}

/**
 * The soft editing lock of an item while `active`: taken at once, renewed every 60 s (or taken
 * over as soon as the other editor lets go), released when editing ends or the page is left.
 */
export function useItemLock(itemId: number, active: boolean) {
  const [status, setStatus] = useState<LockStatus>({ kind: 'idle' });
  const overriddenRef = useRef(false);
  const mineRef = useRef(false);

  useEffect(() => {
    if (!active) return;
    let alive = true;
    overriddenRef.current = false;
    setStatus({ kind: 'taking' });
    const take = () =>
      itemApi.lock(itemId).then(
        (answer) => {
          mineRef.current = answer.data.mine || answer.data.lock === null;
          if (alive) setStatus(statusOf(answer.data, overriddenRef.current));
        },
        // A failed renewal is not fatal: the lock is advisory, the version check guards the save.
        () => {},
      );
    void take();
    const timer = window.setInterval(take, RENEW_MS);
    const release = () => {
      if (mineRef.current) void itemApi.unlock(itemId).catch(() => {});
      mineRef.current = false;
    };
    window.addEventListener('pagehide', release);
    return () => {
      alive = false;
      window.clearInterval(timer);
      window.removeEventListener('pagehide', release);
      release();
      setStatus({ kind: 'idle' });
    };
  }, [itemId, active]);

  const override = useCallback(() => {
    overriddenRef.current = true;
    setStatus((s) => (s.kind === 'held' ? { ...s, overridden: true } : s));
  }, []);

  return { status, override };
}
