import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbortError } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { type IssueRecord, issueApi } from './issue-api.ts';

export type IssueLoad =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; record: IssueRecord };

const LOAD_FAILED = '刊物加载失败，请检查网络后重试';

/**
 * One issue with its abilities. `reload` fetches it again; `refresh` does the same and resolves
 * with the fresh record (null when that failed), for dialogs that stay open over a refusal;
 * `replace` takes an action's answer. A failed fetch over a loaded issue keeps what is shown and
 * says so in `refreshError` (and once as a message), so stale data never passes for current.
 */
export function useIssue(id: number) {
  const notifyError = useNotifyError();
  const notify = useRef(notifyError);
  notify.current = notifyError;
  const [load, setLoad] = useState<IssueLoad>({ state: 'loading' });
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const shown = useRef(false);

  const refresh = useCallback(async (): Promise<IssueRecord | null> => {
    inFlight.current?.abort();
    if (!Number.isInteger(id) || id <= 0) {
      setLoad({ state: 'missing' });
      return null;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    // Nothing shown yet (first load, or 重新加载 after a failure): show that it is loading.
    if (!shown.current) setLoad({ state: 'loading' });
    try {
      const record = await issueApi.get(id, controller.signal);
      if (controller.signal.aborted) return null;
      shown.current = true;
      setLoad({ state: 'ready', record });
      setRefreshError(null);
      return record;
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return null;
      if (error instanceof ApiError && (error.status === 404 || error.code === 'NOT_FOUND')) {
        shown.current = false;
        setLoad({ state: 'missing' });
        return null;
      }
      const message = error instanceof ApiError ? error.message : LOAD_FAILED;
      if (shown.current) {
        setRefreshError(message);
        notify.current(error);
      } else setLoad({ state: 'failed', message });
      return null;
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
    }
  }, [id]);

  useEffect(() => {
    shown.current = false;
    setRefreshError(null);
    void refresh();
    return () => inFlight.current?.abort();
  }, [refresh]);

  const reload = useCallback(() => void refresh(), [refresh]);
  // An action's answer is newer than any fetch still under way.
  const replace = useCallback((record: IssueRecord) => {
    inFlight.current?.abort();
    shown.current = true;
    setLoad({ state: 'ready', record });
    setRefreshError(null);
  }, []);
  return { load, reload, refresh, replace, refreshError };
}
