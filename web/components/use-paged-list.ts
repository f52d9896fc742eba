import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type ListResponse, type QueryValue, toQuery } from '../api/client.ts';
import { useNotifyError } from './use-notify.ts';

export type Filters = Record<string, QueryValue>;

/**
 * A server-paginated list (`GET path?page&pageSize&<filters>` → `{ data, total, abilities }`).
 * Changing the filters goes back to page 1.
 */
export function usePagedList<T, A, F extends Filters = Filters>(
  path: string,
  initialFilters: F,
  pageSize = 20,
) {
  const notifyError = useNotifyError();
  const [query, setQuery] = useState({ page: 1, pageSize, filters: initialFilters });
  const [result, setResult] = useState<ListResponse<T, A> | null>(null);
  const [loading, setLoading] = useState(true);
  const [reloadKey, setReloadKey] = useState(0);
  const search = toQuery({ page: query.page, pageSize: query.pageSize, ...query.filters });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a fresh copy after a change
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .get<ListResponse<T, A>>(`${path}${search}`, { signal: controller.signal })
      .then((answer) => {
        setResult(answer);
        setLoading(false);
        // The last row of the last page went away: show the page before it.
        if (answer.data.length === 0 && answer.total > 0) {
          setQuery((q) =>
            q.page > 1 ? { ...q, page: Math.max(1, Math.ceil(answer.total / q.pageSize)) } : q,
          );
        }
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        notifyError(error);
      });
    return () => controller.abort();
  }, [path, search, reloadKey, notifyError]);

  const setFilters = useCallback((filters: F) => setQuery((q) => ({ ...q, filters, page: 1 })), []);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);

  const pagination: TablePaginationConfig = {
    current: query.page,
    pageSize: query.pageSize,
    total: result?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total) => `共 ${total} 条`,
    onChange: (page, size) =>
      setQuery((q) => ({ ...q, page: size === q.pageSize ? page : 1, pageSize: size })),
  };

  return {
    data: result?.data ?? [],
    total: result?.total ?? 0,
    abilities: result?.abilities ?? null,
    loading,
    filters: query.filters,
    setFilters,
    reload,
    pagination,
  };
}
