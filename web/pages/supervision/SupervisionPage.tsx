import { Empty, Pagination, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { PageCard } from '../../components/PageCard.tsx';
import { usePagedList } from '../../components/use-paged-list.ts';
import type { SupervisionView } from '../referrals/referrals-api.ts';
import { SupervisionCard, type SupervisionStep } from './SupervisionCard.tsx';
import { SupervisionStepModal } from './SupervisionModals.tsx';

type Filter = 'open' | 'overdue' | 'closed' | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'open', label: '督办中' },
  { value: 'overdue', label: '逾期' },
  { value: 'closed', label: '已办结' },
  { value: 'all', label: '全部' },
];

/** 督办: the office's follow-ups of instructed items, nearest deadline first; remind and close here. */
export function SupervisionPage() {
  const list = usePagedList<SupervisionView, Record<string, never>, { filter: Filter }>('/supervisions', {
    filter: 'open',
  });
  const [acting, setActing] = useState<{ s: SupervisionView; step: SupervisionStep } | null>(null);
  const rows = list.data;
  return (
    <PageCard title="督办">
      <Segmented
        options={FILTERS}
        value={list.filters.filter}
        onChange={(v) => list.setFilters({ filter: v as Filter })}
        style={{ marginBottom: 12 }}
        data-testid="supervision-filter"
      />
      {list.loading && list.abilities === null && <Skeleton active />}
      {!list.loading && rows.length === 0 && <Empty description="没有符合条件的督办事项" />}
      <div data-testid="supervision-list">
        {rows.map((s, i) => (
          <SupervisionCard
            key={s.id}
            supervision={s}
            first={i === 0}
            showItem
            onStep={(step) => setActing({ s, step })}
          />
        ))}
      </div>
      {list.total > (list.pagination.pageSize ?? 20) && (
        <Pagination size="small" style={{ marginTop: 12 }} {...list.pagination} />
      )}
      <SupervisionStepModal
        supervision={acting?.s ?? null}
        step={acting?.step ?? null}
        onClose={() => setActing(null)}
        onDone={list.reload}
      />
    </PageCard>
  );
}
