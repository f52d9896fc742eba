import { EditOutlined } from '@ant-design/icons';
import { Button, Grid, Input, Select, Tabs } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { ITEM_STREAM_KEYS, ITEM_STREAMS } from '../../../shared/items.ts';
import type { ItemSummary } from '../../../shared/schemas/items.ts';
import { ITEM_STATE_KEYS, ITEM_STATES } from '../../../shared/workflow/items.ts';
import { useMe } from '../../api/session.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { usePagedList } from '../../components/use-paged-list.ts';
import type { ItemListAbilities } from '../item/item-api.ts';
import { ItemCards } from './ItemCards.tsx';
import { myItemColumns } from './my-item-columns.tsx';
import type { ItemView, MyItemFilters } from './my-items-types.ts';

/** 我的信息: what the member (or the unit) has written and where each piece stands. */
export function MyItemsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md ?? false;
  const list = usePagedList<ItemSummary, ItemListAbilities, MyItemFilters>('/items', { view: 'mine' }, 10);
  const unitAllowed = me.permissions.includes('item.read_unit') || list.abilities?.submitForMember === true;
  const unit = list.filters.view === 'unit';
  const columns = useMemo(
    () => myItemColumns(unit, (item) => navigate(`/my-items/${item.id}/edit`)),
    [unit, navigate],
  );
  const set = (patch: Partial<MyItemFilters>) => list.setFilters({ ...list.filters, ...patch });

  return (
    <PageCard
      title="我的信息"
      actions={
        <Button
          type="primary"
          size="large"
          icon={<EditOutlined />}
          onClick={() => navigate('/my-items/new')}
          data-testid="write-item"
          block={!wide}
        >
          写信息
        </Button>
      }
    >
      {unitAllowed && (
        <Tabs
          activeKey={list.filters.view}
          onChange={(view) => set({ view: view as ItemView, status: undefined })}
          items={[
            { key: 'mine', label: '我写的信息' },
            { key: 'unit', label: '本单位信息' },
          ]}
          data-testid="my-items-tabs"
        />
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部状态"
          value={list.filters.status}
          onChange={(status) => set({ status })}
          options={ITEM_STATE_KEYS.map((s) => ({ value: s, label: ITEM_STATES[s] }))}
          style={{ width: wide ? 140 : 'calc(50% - 4px)' }}
          data-testid="my-items-status"
        />
        <Select
          allowClear
          placeholder="全部类别"
          value={list.filters.stream}
          onChange={(stream) => set({ stream })}
          options={ITEM_STREAM_KEYS.map((s) => ({ value: s, label: ITEM_STREAMS[s] }))}
          style={{ width: wide ? 150 : 'calc(50% - 4px)' }}
        />
        <Input.Search
          allowClear
          placeholder="按标题、登记号或作者查找"
          onSearch={(q) => set({ q: q.trim() || undefined })}
          style={{ width: wide ? 240 : '100%' }}
          data-testid="my-items-search"
        />
      </div>
      {wide ? (
        <PagedTable<ItemSummary> testId="my-items-table" list={list} columns={columns} size="middle" />
      ) : (
        <ItemCards
          items={list.data}
          loading={list.loading}
          total={list.total}
          page={list.pagination.current ?? 1}
          pageSize={list.pagination.pageSize ?? 10}
          unit={unit}
          onPage={(page) => list.pagination.onChange?.(page, list.pagination.pageSize ?? 10)}
        />
      )}
    </PageCard>
  );
}
