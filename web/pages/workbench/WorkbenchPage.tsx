import { ReloadOutlined } from '@ant-design/icons';
import { Button, Grid, Table } from 'antd';
import { type Key, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ItemSummary } from '../../../shared/schemas/items.ts';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import { type ListResponse, toQuery } from '../../api/client.ts';
import { hasPermission, useMe } from '../../api/session.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData, useAssigneesOf, useDesks } from '../../components/use-desk-data.ts';
import { usePagedList } from '../../components/use-paged-list.ts';
import { useTopics } from '../../components/use-topics.ts';
import { BulkActions, type QueueAbilities } from './BulkActions.tsx';
import { DutyToday } from './DutyToday.tsx';
import { MergeModal } from './MergeModal.tsx';
import { WorkbenchFilterBar } from './WorkbenchFilterBar.tsx';
import { workbenchColumns } from './workbench-columns.tsx';
import { filtersFromSearch, searchFromFilters, type WorkbenchFilters } from './workbench-filters.ts';

const NO_ORGS: OrgView[] = [];

/** The information office's queue: what the user's desks received, filtered, worked in bulk. */
export function WorkbenchPage() {
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().lg ?? false;
  const [params, setParams] = useSearchParams();
  const fromAddress = useMemo(() => filtersFromSearch(params), [params]);
  const list = usePagedList<ItemSummary, QueueAbilities, WorkbenchFilters>('/items', fromAddress);
  const { desks } = useDesks();
  const deskIds = useMemo(() => desks.map((desk) => desk.id), [desks]);
  const assignees = useAssigneesOf(deskIds);
  const { topics } = useTopics();
  // The organisation filter needs the tree (GET /orgs answers org.read and item.edit holders).
  const me = useMe();
  const canReadOrgs = hasPermission(me, 'org.read') || hasPermission(me, 'item.edit');
  const orgAnswer = useApiData<ListResponse<OrgView, unknown>>(canReadOrgs ? '/orgs' : null, { quiet: true });
  const orgs = orgAnswer.data?.data ?? NO_ORGS;
  const [selected, setSelected] = useState<ReadonlyMap<number, ItemSummary>>(new Map());
  const [merging, setMerging] = useState<ItemSummary[] | null>(null);

  // The address is the source of the filters (reload, back, a link from elsewhere).
  const { filters, setFilters } = list;
  useEffect(() => {
    if (toQuery(fromAddress) !== toQuery(filters)) {
      setFilters(fromAddress);
      setSelected(new Map());
    }
  }, [fromAddress, filters, setFilters]);

  const abilities = list.abilities;
  const selectable = Boolean(abilities && (abilities.register || abilities.assign || abilities.merge));

  const onSelect = (keys: readonly Key[], rows: readonly (ItemSummary | undefined)[]) => {
    const next = new Map<number, ItemSummary>();
    for (const key of keys) {
      const row = rows.find((r) => r?.id === key) ?? selected.get(Number(key));
      if (row) next.set(row.id, row);
    }
    setSelected(next);
  };

  return (
    <PageCard
      title="信息处理"
      actions={
        <Button icon={<ReloadOutlined />} onClick={list.reload} data-testid="workbench-reload">
          刷新
        </Button>
      }
    >
      <DutyToday />
      <WorkbenchFilterBar
        filters={filters}
        onChange={(next) => setParams(searchFromFilters(next), { replace: true })}
        topics={topics}
        orgs={orgs}
        assignees={assignees}
      />
      <BulkActions
        selected={selected}
        abilities={abilities}
        assignees={assignees}
        onClear={() => setSelected(new Map())}
        onDone={(done) => {
          setSelected((prev) => new Map([...prev].filter(([id]) => !done.includes(id))));
          list.reload();
        }}
        onMerge={() => setMerging([...selected.values()])}
      />
      <div data-testid="workbench-table">
        <Table<ItemSummary>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data}
          columns={workbenchColumns}
          pagination={list.pagination}
          scroll={{ x: wide ? 1000 : 'max-content' }}
          rowSelection={
            selectable
              ? { selectedRowKeys: [...selected.keys()], preserveSelectedRowKeys: true, onChange: onSelect }
              : undefined
          }
        />
      </div>
      <MergeModal
        items={merging}
        onClose={() => setMerging(null)}
        onMerged={(composite) => {
          setMerging(null);
          setSelected(new Map());
          navigate(`/items/${composite.id}`);
        }}
      />
    </PageCard>
  );
}
