/**
 * The public endpoints. Not through the session's API client: the portal carries no session.
 * Requests revalidate (`no-cache`): the server answers 304 while nothing changed, and a withdrawn
 * notice or item is gone at the next request.
 */
import type {
  PublicDisclosure,
  PublicDisclosureSummary,
  PublicNotice,
  PublicNoticeSummary,
} from '../../../shared/schemas/portal.ts';

export type { PublicDisclosure, PublicDisclosureSummary, PublicNotice, PublicNoticeSummary };

export class PortalError extends Error {
  constructor(readonly status: number) {
    super(status === 404 ? '该内容不存在或已撤下' : '暂时无法获取，请稍后刷新');
  }
}

export async function fetchPublic<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`/api/public/${path}`, {
    headers: { accept: 'application/json' },
    cache: 'no-cache',
    credentials: 'omit',
    signal,
  });
  if (!response.ok) throw new PortalError(response.status);
  return (await response.json()) as T;
}

export interface DisclosurePage {
  data: PublicDisclosureSummary[];
  total: number;
  facets: { categories: string[]; years: number[] };
}
export interface NoticePage {
  data: PublicNoticeSummary[];
  total: number;
}

export const portalApi = {
  notices: (page: number, signal?: AbortSignal) =>
    fetchPublic<NoticePage>(`notices?page=${page}&pageSize=10`, signal),
  notice: (id: number, signal?: AbortSignal) =>
    fetchPublic<{ data: PublicNotice }>(`notices/${id}`, signal).then((r) => r.data),
  disclosures: (
    filter: { category: string; year: string; q: string; page: number },
    signal?: AbortSignal,
  ) => {
    const search = new URLSearchParams({ page: String(filter.page), pageSize: '10' });
    if (filter.category) search.set('category', filter.category);
    if (filter.year) search.set('year', filter.year);
    if (filter.q) search.set('q', filter.q);
    return fetchPublic<DisclosurePage>(`disclosures?${search}`, signal);
  },
  disclosure: (id: number, signal?: AbortSignal) =>
    fetchPublic<{ data: PublicDisclosure }>(`disclosures/${id}`, signal).then((r) => r.data),
};

/** 2026-11-27 → 2026年11月27日 */
export function chineseDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${Number(y)}年${Number(m)}月${Number(d)}日` : iso;
}
