import { Alert, Drawer, Grid, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ITEM_STREAMS } from '../../../shared/items.ts';
import { STATS_MEASURES, type StatsDimension, type StatsItem } from '../../../shared/schemas/stats.ts';
import { formatDateTime } from '../../components/format.ts';
import { ItemStatusTag } from '../item/ItemStatusTag.tsx';
import type { Figure } from './StatsTable.tsx';
import { type StatsFilters, statsApi } from './stats-api.ts';

const PAGE_SIZE = 20;

interface Props {
  filters: StatsFilters;
  dimension: StatsDimension;
  figure: Figure | null;
  onClose: () => void;
}

/**
 * The items behind one figure, exactly those counted, with links to each item the reader may open.
 * Keyed by the figure by its parent, so another figure starts again at page one.
 */
export function DrillDrawer({ filters, dimension, figure, onClose }: Props) {
  const narrow = !Grid.useBreakpoint().md;
  const [page, setPage] = useState(1);
  const [state, setState] = useState<{ rows: StatsItem[]; total: number; loading: boolean; error: string }>({
    rows: [],
    total: 0,
    loading: false,
    error: '',
  });
  useEffect(() => {
    if (!figure) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: '' }));
    statsApi
      .items(filters, dimension, { key: figure.key, measure: figure.measure }, page, PAGE_SIZE)
      .then((r) => live && setState({ rows: r.data, total: r.total, loading: false, error: '' }))
      .catch(
        (e: unknown) => live && setState({ rows: [], total: 0, loading: false, error: (e as Error).message }),
      );
    return () => {
      live = false;
    };
  }, [filters, dimension, figure, page]);

  return (
    <Drawer
      open={figure !== null}
      onClose={onClose}
      size={narrow ? '100%' : 640}
      title={figure ? `${figure.label} · ${STATS_MEASURES[figure.measure].label}（${figure.value}）` : ''}
      data-testid="stats-drill"
    >
      {state.error && <Alert type="error" showIcon title={state.error} style={{ marginBottom: 12 }} />}
      {figure && (
        <Typography.Paragraph type="secondary" data-testid="stats-drill-total">
          共{state.total}条信息。{STATS_MEASURES[figure.measure].hint}。
        </Typography.Paragraph>
      )}
      <List<StatsItem>
        loading={state.loading}
        dataSource={state.rows}
        pagination={
          state.total > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: state.total, onChange: setPage, size: 'small' }
            : false
        }
        renderItem={(item) => (
          <List.Item data-testid="stats-drill-item">
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  {item.composite && <Tag color="gold">综合稿</Tag>}
                  {item.openable ? (
                    <Link to={`/items/${item.id}`}>{item.title || '（无标题）'}</Link>
                  ) : (
                    <span>{item.title || '（无标题）'}</span>
                  )}
                </Space>
              }
              description={
                <Space size={[12, 4]} wrap style={{ fontSize: 12 }}>
                  <span>{item.number ?? '未登记'}</span>
                  <span>{item.submittingOrgName}</span>
                  {item.authorNames && <span>{item.authorNames}</span>}
                  <span>{ITEM_STREAMS[item.stream]}</span>
                  <span>报送于{formatDateTime(item.submittedAt)}</span>
                  <ItemStatusTag status={item.status} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
