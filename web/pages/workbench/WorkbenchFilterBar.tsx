import { Button, Cascader, Checkbox, Input, Segmented, Select } from 'antd';
import { ITEM_STREAM_KEYS, ITEM_STREAMS } from '../../../shared/items.ts';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import { ITEM_STATE_KEYS, ITEM_STATES, type ItemState } from '../../../shared/workflow/items.ts';
import { DateRangeFilter } from '../../components/DateRangeFilter.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { type Ref, refOptions } from '../../components/use-desk-data.ts';
import { type Topic, topicOptions, topicPath } from '../topics/topic-types.ts';
import { hasFilters, patchFilters, type WorkbenchFilters } from './workbench-filters.ts';

interface Props {
  filters: WorkbenchFilters;
  onChange: (filters: WorkbenchFilters) => void;
  topics: readonly Topic[];
  /** Empty when the user may not read the organisation tree: the filter is left out. */
  orgs: readonly OrgView[];
  assignees: readonly Ref[];
}

const SCOPES = [
  { value: 'open', label: '待办' },
  { value: 'all', label: '全部' },
];

export function WorkbenchFilterBar({ filters, onChange, topics, orgs, assignees }: Props) {
  const set = (patch: Partial<WorkbenchFilters>) => onChange(patchFilters(filters, patch));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
      <Segmented
        options={SCOPES}
        value={filters.open ? 'open' : 'all'}
        onChange={(value) => set({ open: value === 'open' ? true : undefined })}
        data-testid="workbench-filter-open"
      />
      <Input.Search
        key={filters.q ?? ''}
        placeholder="标题、登记号或作者"
        allowClear
        defaultValue={filters.q}
        onSearch={(value) => set({ q: value.trim() || undefined })}
        style={{ width: 200 }}
        data-testid="workbench-search"
      />
      <Select<ItemState>
        placeholder="状态"
        allowClear
        options={ITEM_STATE_KEYS.map((key) => ({ value: key, label: ITEM_STATES[key] }))}
        value={filters.status}
        onChange={(status) => set({ status })}
        style={{ width: 120 }}
        data-testid="workbench-filter-status"
      />
      <Select
        placeholder="信息类别"
        allowClear
        options={ITEM_STREAM_KEYS.map((key) => ({ value: key, label: ITEM_STREAMS[key] }))}
        value={filters.stream}
        onChange={(stream) => set({ stream })}
        style={{ width: 140 }}
        popupMatchSelectWidth={false}
        data-testid="workbench-filter-stream"
      />
      <Cascader
        placeholder="信息分类"
        allowClear
        changeOnSelect
        showSearch
        options={topicOptions(topics)}
        value={topicPath(topics, filters.topicId)}
        onChange={(path) => set({ topicId: path?.at(-1) })}
        style={{ width: 170 }}
        data-testid="workbench-filter-topic"
      />
      {orgs.length > 0 && (
        <OrgTreeSelect
          orgs={orgs}
          allowClear
          placeholder="报送单位"
          value={filters.orgId}
          onChange={(orgId) => set({ orgId: orgId ?? undefined })}
          style={{ width: 200 }}
          data-testid="workbench-filter-org"
        />
      )}
      <Select<number>
        placeholder="承办人"
        allowClear
        showSearch
        optionFilterProp="label"
        options={refOptions(assignees)}
        value={filters.assigneeId}
        onChange={(assigneeId) => set({ assigneeId })}
        style={{ width: 120 }}
        popupMatchSelectWidth={false}
        data-testid="workbench-filter-assignee"
      />
      <DateRangeFilter from={filters.from} to={filters.to} onChange={(from, to) => set({ from, to })} />
      <Checkbox
        checked={filters.overdue ?? false}
        onChange={(event) => set({ overdue: event.target.checked || undefined })}
        style={{ alignSelf: 'center' }}
        data-testid="workbench-filter-overdue"
      >
        超期
      </Checkbox>
      <Checkbox
        checked={filters.urgent ?? false}
        onChange={(event) => set({ urgent: event.target.checked || undefined })}
        style={{ alignSelf: 'center' }}
        data-testid="workbench-filter-urgent"
      >
        紧急
      </Checkbox>
      {hasFilters(filters) && (
        <Button type="link" onClick={() => onChange({ view: 'queue', open: true })}>
          恢复默认
        </Button>
      )}
    </div>
  );
}
