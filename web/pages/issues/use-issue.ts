import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { type IssueRecord, issueApi } from './issue-api.ts';

export type IssueLoad =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; record: IssueRecord };

/** One issue with its abilities; `reload` fetches it again, `replace` takes an action's answer. */
export function useIssue(id: number) {
  const notifyError = useNotifyError();
  const [load, setLoad] = useState<IssueLoad>({ state: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a fresh copy
  useEffect(() => {
    if (!Number.isInteger(id) || id <= 0) {
      setLoad({ state: 'missing' });
      return;
    }
    const controller = new AbortController();
    issueApi
      .get(id, controller.signal)
      .then((record) => setLoad({ state: 'ready', record }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.status === 404 || error.code === 'NOT_FOUND'))
          setLoad({ state: 'missing' });
        else if (error instanceof ApiError)
          setLoad((old) => (old.state === 'ready' ? old : { state: 'failed', message: error.message }));
        else notifyError(error);
      });
    return () => controller.abort();
  }, [id, reloadKey, notifyError]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  const replace = useCallback((record: IssueRecord) => setLoad({ state: 'ready', record }), []);
  return { load, reload, replace };
}
