import { Select, Space } from 'antd';
import { ITEM_STREAMS, type ItemStream } from '../../../shared/items.ts';
import {
  type CalendarKind,
  calendarPeriod,
  periodContaining,
  periodsInYear,
} from '../../../shared/periods.ts';
import { STATS_PERIOD_KINDS } from '../../../shared/schemas/stats.ts';
import { DateRangeFilter } from '../../components/DateRangeFilter.tsx';
import type { PeriodKind, StatsFilters } from './stats-api.ts';

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** The options of a period kind within a year, labelled as offices say them. */
function indexOptions(kind: CalendarKind, year: number) {
  return Array.from({ length: periodsInYear(kind, year) }, (_, i) => {
    const index = i + 1;
    const label =
      kind === 'half'
        ? index === 1
          ? '上半年'
          : '下半年'
        : kind === 'quarter'
          ? QUARTERS[i]
          : kind === 'month'
            ? `${index}月`
            : calendarPeriod('week', year, index).label.replace(`${year}年`, '');
    return { value: index, label };
  });
}

/** The period now current for a kind (the custom range starts as this month so far). */
export function defaultFilters(kind: PeriodKind = 'quarter', now = new Date()): StatsFilters {
  const base = { stream: undefined, by: 'month' as const };
  if (kind === 'custom') {
    const month = periodContaining('month', now);
    const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    return { ...base, period: 'custom', year: month.year, index: 0, from: month.fromDay, to: today };
  }
  const p = periodContaining(kind, now);
  return { ...base, period: kind, year: p.year, index: p.index };
}

interface Props {
  value: StatsFilters;
  onChange: (next: StatsFilters) => void;
}

/** Year, half, quarter, month, week (Monday to Sunday) or a custom range; and the stream. */
export function PeriodPicker({ value, onChange }: Props) {
  const thisYear = periodContaining('year', new Date()).year;
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const kind = value.period;
  return (
    <Space wrap data-testid="stats-period">
      <Select<PeriodKind>
        value={kind}
        style={{ width: 100 }}
        aria-label="统计期类型"
        options={Object.entries(STATS_PERIOD_KINDS).map(([k, label]) => ({ value: k as PeriodKind, label }))}
        onChange={(k) => onChange({ ...defaultFilters(k), stream: value.stream, by: value.by })}
      />
      {kind !== 'custom' && (
        <Select<number>
          value={value.year}
          style={{ width: 100 }}
          aria-label="年份"
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
          onChange={(year) =>
            onChange({ ...value, year, index: Math.min(value.index, periodsInYear(kind, year)) })
          }
        />
      )}
      {kind !== 'custom' && kind !== 'year' && (
        <Select<number>
          value={value.index}
          style={{ width: kind === 'week' ? 230 : 110 }}
          aria-label="统计期"
          data-testid="stats-index"
          options={indexOptions(kind, value.year)}
          onChange={(index) => onChange({ ...value, index })}
        />
      )}
      {kind === 'custom' && (
        <DateRangeFilter
          from={value.from}
          to={value.to}
          onChange={(from, to) => onChange({ ...value, from, to })}
        />
      )}
      <Select<ItemStream | 'all'>
        value={value.stream ?? 'all'}
        style={{ width: 140 }}
        aria-label="信息类别"
        options={[
          { value: 'all', label: '全部信息' },
          ...Object.entries(ITEM_STREAMS).map(([k, label]) => ({ value: k as ItemStream, label })),
        ]}
        onChange={(s) => onChange({ ...value, stream: s === 'all' ? undefined : s })}
      />
    </Space>
  );
}
