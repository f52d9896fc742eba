import { useCallback, useEffect, useState } from 'react';
import { api, type DataResponse } from '../../api/client.ts';

const POLL_MS = 30_000;

/** The unread count: asked every 30 s, when the window regains focus, and on demand. */
export function useUnreadCount(enabled: boolean) {
  const [count, setCount] = useState(0);

  const refresh = useCallback(() => {
    if (!enabled || document.visibilityState === 'hidden') return;
    api
      .get<DataResponse<{ count: number }>>('/notifications/unread-count')
      .then((answer) => setCount(answer.data.count))
      // The bell stays quiet when the server cannot be asked; the next poll tries again.
      .catch(() => {});
  }, [enabled]);

  useEffect(() => {
    if (!enabled) return;
    refresh();
    const timer = window.setInterval(refresh, POLL_MS);
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [enabled, refresh]);

  return { count, refresh };
}
