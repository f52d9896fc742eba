import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, type DataResponse, toQuery } from '../../api/client.ts';
import type { AuthorOption, NamedRef } from '../item/item-api.ts';
import type { AuthorEntry } from './draft-model.ts';

const MAX_AUTHORS = 20;

interface Props {
  value?: AuthorEntry[];
  onChange?: (value: AuthorEntry[]) => void;
  /** Organisations that may stand as an author (the user's own units). */
  units: readonly NamedRef[];
  disabled?: boolean;
}

const same = (a: AuthorEntry, b: AuthorEntry) => a.userId === b.userId && a.orgId === b.orgId;

/** Members found by name (GET /item-authors?q=), 300 ms after typing stops. */
function useMemberSearch() {
  const [query, setQuery] = useState<string | null>(null);
  const [options, setOptions] = useState<AuthorOption[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!query) {
      setOptions([]);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api
      .get<DataResponse<AuthorOption[]>>(`/item-authors${toQuery({ q: query })}`, {
        signal: controller.signal,
      })
      .then((answer) => setOptions(answer.data))
      .catch(() => {})
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [query]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const search = (text: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setQuery(text.trim()), 300);
  };
  return { options, loading, query, search };
}

/** The ordered author list: first author first; members or units; moved up and down, removed. */
export function AuthorsField({ value = [], onChange, units, disabled }: Props) {
  const [mode, setMode] = useState<'member' | 'unit'>('member');
  const members = useMemberSearch();
  const set = (next: AuthorEntry[]) => onChange?.(next);
  const add = (entry: AuthorEntry) => {
    if (value.some((a) => same(a, entry)) || value.length >= MAX_AUTHORS) return;
    set([...value, entry]);
  };
  const move = (from: number, to: number) => {
    const next = [...value];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    set(next);
  };

  return (
    <div data-testid="authors-field">
      {value.length === 0 && <Typography.Text type="secondary">尚未添加作者</Typography.Text>}
      {value.map((author, i) => (
        <div
          key={`${author.userId ?? 'o'}-${author.orgId ?? 'u'}`}
          data-testid="author-row"
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            padding: '6px 0',
            borderBottom: '1px solid rgba(5,5,5,0.06)',
          }}
        >
          <Tag
            color={i === 0 ? 'blue' : 'default'}
            style={{ marginInlineEnd: 0, minWidth: 64, textAlign: 'center' }}
          >
            {i === 0 ? '第一作者' : `第${i + 1}作者`}
          </Tag>
          <span style={{ flex: 1, minWidth: 0, wordBreak: 'break-all' }}>
            {author.name}
            {author.orgId !== null && <Typography.Text type="secondary">（单位）</Typography.Text>}
            {author.orgName && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                {author.orgName}
              </Typography.Text>
            )}
          </span>
          <Space size={0}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label="上移"
              disabled={disabled || i === 0}
              onClick={() => move(i, i - 1)}
            />
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label="下移"
              disabled={disabled || i === value.length - 1}
              onClick={() => move(i, i + 1)}
            />
            <Button
              type="text"
              size="small"
              danger
              icon={<CloseOutlined />}
              aria-label="移除"
              disabled={disabled}
              onClick={() => set(value.filter((_, j) => j !== i))}
            />
          </Space>
        </div>
      ))}
      {!disabled && value.length < MAX_AUTHORS && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
          {units.length > 0 && (
            <Segmented
              value={mode}
              onChange={(next) => setMode(next as 'member' | 'unit')}
              options={[
                { value: 'member', label: '添加委员' },
                { value: 'unit', label: '添加单位' },
              ]}
            />
          )}
          {mode === 'member' ? (
            <Select<number>
              showSearch
              filterOption={false}
              value={null}
              placeholder="输入姓名查找委员，添加为联名作者"
              onSearch={members.search}
              notFoundContent={
                members.loading ? (
                  <Spin size="small" />
                ) : members.query ? (
                  '未找到匹配的委员'
                ) : (
                  '请输入委员姓名'
                )
              }
              options={members.options.map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))}
              onChange={(id) => {
                const found = members.options.find((m) => m.id === id);
                if (found) add({ userId: found.id, orgId: null, name: found.name, orgName: found.orgName });
              }}
              style={{ flex: 1, minWidth: 220 }}
              data-testid="author-search"
            />
          ) : (
            <Select<number>
              value={null}
              placeholder="选择作为作者的单位"
              options={units.map((u) => ({ value: u.id, label: u.name }))}
              onChange={(id) => {
                const unit = units.find((u) => u.id === id);
                if (unit) add({ userId: null, orgId: unit.id, name: unit.name });
              }}
              style={{ flex: 1, minWidth: 220 }}
              data-testid="author-unit"
            />
          )}
        </div>
      )}
    </div>
  );
}
