import { Card, Empty, Pagination, Segmented, Skeleton } from 'antd';
import { useNavigate } from 'react-router';
import { chineseDate } from '../../../shared/issues.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { usePagedList } from '../../components/use-paged-list.ts';
import { ReferralStateTag } from './ReferralCard.tsx';
import type { ReferralView } from './referrals-api.ts';

type Filter = 'sent' | 'signed' | 'replied' | 'closed' | 'overdue' | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'sent', label: '待签收' },
  { value: 'signed', label: '办理中' },
  { value: 'replied', label: '已办复' },
  { value: 'closed', label: '已办结' },
  { value: 'overdue', label: '逾期' },
  { value: 'all', label: '全部' },
];

/**
 * 交办件: for a department's handler, the items referred to it; for the office, the referrals it
 * made. Open ones nearest their due day first; a card opens the referral with the item's text.
 */
export function ReferralsPage() {
  const navigate = useNavigate();
  const list = usePagedList<ReferralView, { handle: boolean }, { state: Filter }>('/referrals', {
    state: 'sent',
  });
  return (
    <PageCard title="交办件">
      <Segmented
        options={FILTERS}
        value={list.filters.state}
        onChange={(v) => list.setFilters({ state: v as Filter })}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        data-testid="referral-filter"
      />
      {list.loading && list.abilities === null && <Skeleton active />}
      {!list.loading && list.data.length === 0 && <Empty description="没有符合条件的交办件" />}
      <div data-testid="referral-list" style={{ display: 'grid', gap: 8 }}>
        {list.data.map((r) => (
          <Card
            key={r.id}
            size="small"
            hoverable
            onClick={() => navigate(`/referrals/${r.id}`)}
            data-testid="referral-row"
            data-referral-id={r.id}
          >
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
              <ReferralStateTag r={r} />
              <span style={{ fontWeight: 500, wordBreak: 'break-word' }}>{r.item.title}</span>
            </div>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', marginTop: 4 }}>
              {list.abilities?.handle ? r.desk.name : r.org.name} · {chineseDate(r.sentOn)}交办 ·{' '}
              {chineseDate(r.dueOn)}前办复
            </div>
          </Card>
        ))}
      </div>
      {list.total > (list.pagination.pageSize ?? 20) && (
        <Pagination size="small" style={{ marginTop: 12 }} {...list.pagination} />
      )}
    </PageCard>
  );
}
