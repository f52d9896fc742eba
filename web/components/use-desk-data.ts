/**
 * Small read hooks shared by the business screens (workbench, item page, posts, duty roster):
 * the desks (CPPCC intakes) the user works, and the staff of a desk who can take work.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type DataResponse, toQuery } from '../api/client.ts';
import { useNotifyError } from './use-notify.ts';

export interface Ref {
  id: number;
  name: string;
}

interface Options {
  /** Do not show a failure (the caller degrades instead, e.g. hides a filter). */
  quiet?: boolean;
}

/** GET `path` (`null`: nothing to load yet); the answer is kept until the next one arrives. */
export function useApiData<T>(path: string | null, { quiet = false }: Options = {}) {
  const notifyError = useNotifyError();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [failed, setFailed] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a fresh copy after a change
  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api
      .get<T>(path, { signal: controller.signal })
      .then((answer) => {
        setData(answer);
        setFailed(false);
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        setFailed(true);
        if (!quiet) notifyError(error);
      });
    return () => controller.abort();
  }, [path, reloadKey, quiet, notifyError]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  return { data, loading, failed, reload };
}

/** The CPPCCs whose intake the user works (GET /item-settings → desks). */
export function useDesks() {
  const { data, loading } = useApiData<DataResponse<{ desks: Ref[] }>>('/item-settings');
  const desks = useMemo(() => data?.data.desks ?? [], [data]);
  return { desks, loading };
}

/** Staff of one desk who can take work (GET /item-assignees?orgId=). */
export function useAssignees(orgId: number | undefined) {
  const path = orgId ? `/item-assignees${toQuery({ orgId })}` : null;
  const { data, loading } = useApiData<DataResponse<Ref[]>>(path);
  const assignees = useMemo(() => (orgId ? (data?.data ?? []) : []), [data, orgId]);
  return { assignees, loading };
}

/** Staff of several desks together, without repeats (a user may work two intakes). */
export function useAssigneesOf(orgIds: readonly number[]) {
  const notifyError = useNotifyError();
  const [assignees, setAssignees] = useState<Ref[]>([]);
  const key = orgIds.join(',');

  useEffect(() => {
    const ids = key ? key.split(',').map(Number) : [];
    if (ids.length === 0) {
      setAssignees([]);
      return;
    }
    const controller = new AbortController();
    Promise.all(
      ids.map((orgId) =>
        api.get<DataResponse<Ref[]>>(`/item-assignees${toQuery({ orgId })}`, { signal: controller.signal }),
      ),
    )
      .then((answers) => {
        const byId = new Map<number, Ref>();
        for (const answer of answers) for (const person of answer.data) byId.set(person.id, person);
        setAssignees([...byId.values()]);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) notifyError(error);
      });
    return () => controller.abort();
  }, [key, notifyError]);

  return assignees;
}

export const refOptions = (refs: readonly Ref[]) => refs.map((ref) => ({ value: ref.id, label: ref.name }));
