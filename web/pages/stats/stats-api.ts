import type { ItemStream } from '../../../shared/items.ts';
import type { StatsDimension, StatsItem, StatsMeasure, StatsSummary } from '../../../shared/schemas/stats.ts';
import { api, type QueryValue, toQuery } from '../../api/client.ts';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'week' | 'custom';

/** What the page asks about: the period, the stream filter, the trend's step. */
export interface StatsFilters {
  period: PeriodKind;
  year: number;
  index: number;
  from?: string | undefined;
  to?: string | undefined;
  stream?: ItemStream | undefined;
  by: 'month' | 'week';
}

function params(f: StatsFilters, dimension: StatsDimension): Record<string, QueryValue> {
  const calendar = f.period !== 'custom';
  return {
    period: f.period,
    year: calendar ? f.year : undefined,
    index: calendar && f.period !== 'year' ? f.index : undefined,
    from: calendar ? undefined : f.from,
    to: calendar ? undefined : f.to,
    stream: f.stream,
    dimension,
    by: dimension === 'trend' ? f.by : undefined,
  };
}

export const statsApi = {
  summary: (f: StatsFilters, dimension: StatsDimension, signal?: AbortSignal) =>
    api.get<{ data: StatsSummary }>(`/stats/summary${toQuery(params(f, dimension))}`, { signal }),
  items: (
    f: StatsFilters,
    dimension: StatsDimension,
    figure: { key: string; measure: StatsMeasure },
    page: number,
    pageSize: number,
  ) =>
    api.get<{ data: StatsItem[]; total: number }>(
      `/stats/items${toQuery({ ...params(f, dimension), ...figure, page, pageSize })}`,
    ),
  exportUrl: (f: StatsFilters, dimension: StatsDimension) =>
    `/api/stats/export${toQuery(params(f, dimension))}`,
};

/** 12.5% from 0.125; a dash when there is nothing to divide by. */
export const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
