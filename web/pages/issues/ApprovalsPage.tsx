import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Grid, Segmented } from 'antd';
import { useState } from 'react';
import { PageCard } from '../../components/PageCard.tsx';
import { usePagedList } from '../../components/use-paged-list.ts';
import { IssueCards } from './IssueCards.tsx';
import type { IssueSummary } from './issue-api.ts';

type View = 'mine' | 'reviewing' | 'issued';
type Filters = { mine?: 'true'; status?: 'reviewing' | 'issued' };

const FILTERS: Record<View, Filters> = {
  mine: { mine: 'true' },
  reviewing: { status: 'reviewing' },
  issued: { status: 'issued' },
};

const EMPTY: Record<View, string> = {
  mine: '目前没有待您审签的刊物',
  reviewing: '目前没有正在审签的刊物',
  issued: '暂无已签发的刊物',
};

/** 刊物审签: what waits for the leader's signature, then what is in signing or signed. Phone first. */
export function ApprovalsPage() {
  const wide = Grid.useBreakpoint().md ?? false;
  const [view, setView] = useState<View>('mine');
  const mine = usePagedList<IssueSummary, unknown, Filters>('/issues', FILTERS.mine, 10);
  const other = usePagedList<IssueSummary, unknown, Filters>('/issues', FILTERS.reviewing, 10);
  const { setFilters } = other;
  const list = view === 'mine' ? mine : other;

  const choose = (next: View) => {
    setView(next);
    if (next !== 'mine') setFilters(FILTERS[next]);
  };

  return (
    <PageCard
      title="刊物审签"
      actions={
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            mine.reload();
            other.reload();
          }}
          block={!wide}
        >
          刷新
        </Button>
      }
    >
      <Segmented<View>
        block={!wide}
        value={view}
        onChange={choose}
        style={{ marginBottom: 12 }}
        options={[
          {
            value: 'mine',
            label: (
              <span data-testid="approvals-tab-mine">
                待我审签{' '}
                <Badge count={mine.total} size="small" overflowCount={99} style={{ boxShadow: 'none' }} />
              </span>
            ),
          },
          { value: 'reviewing', label: <span data-testid="approvals-tab-reviewing">审签中</span> },
          { value: 'issued', label: <span data-testid="approvals-tab-issued">已签发</span> },
        ]}
      />
      <div style={{ maxWidth: wide ? 760 : undefined }}>
        <IssueCards
          issues={list.data}
          loading={list.loading}
          total={list.total}
          page={list.pagination.current ?? 1}
          pageSize={list.pagination.pageSize ?? 10}
          onPage={(page) => list.pagination.onChange?.(page, list.pagination.pageSize ?? 10)}
          empty={EMPTY[view]}
          signing={view !== 'issued'}
          testId={`approvals-${view}`}
        />
      </div>
    </PageCard>
  );
}
