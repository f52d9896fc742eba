import { useCallback, useEffect, useState } from 'react';
import type { OrgView } from '../../shared/schemas/orgs.ts';
import { api, type ListResponse } from '../api/client.ts';
import { useNotifyError } from './use-notify.ts';

export interface OrgAbilities {
  create: boolean;
  update: boolean;
}

/** All organisations the user may see (GET /api/orgs, flat with parentId). */
export function useOrgs() {
  const notifyError = useNotifyError();
  const [orgs, setOrgs] = useState<OrgView[]>([]);
  const [abilities, setAbilities] = useState<OrgAbilities | null>(null);
  const [loading, setLoading] = useState(true);
  const [reloadKey, setReloadKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a fresh copy after a change
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .get<ListResponse<OrgView, OrgAbilities>>('/orgs', { signal: controller.signal })
      .then((answer) => {
        setOrgs(answer.data);
        setAbilities(answer.abilities);
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        notifyError(error);
      });
    return () => controller.abort();
  }, [reloadKey, notifyError]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  return { orgs, abilities, loading, reload };
}
