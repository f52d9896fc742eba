import { Alert, Button, Empty, Input, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { BLUE, PortalShell, type PortalTab, panelStyle, usePortalTitle } from './PortalShell.tsx';
import { chineseDay, portalApi } from './portal-api.ts';
import { type PublicLoad, usePublic } from './use-public.ts';

type TabControl = { value: PortalTab; onChange: (tab: PortalTab) => void };
const PAGE_SIZE = 10;

function Pager({ page, total, onPage }: { page: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) return null;
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
      <Button disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="portal-prev">
        上一页
      </Button>
      <Typography.Text type="secondary">
        第{page}页，共{pages}页
      </Typography.Text>
      <Button disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid="portal-next">
        下一页
      </Button>
    </div>
  );
}

/** Loading, failure or the rows of a list, on the white panel. */
function ListPanel<T>({
  load,
  empty,
  children,
}: {
  load: PublicLoad<T>;
  empty: string;
  children: (v: T) => ReactNode;
}) {
  return (
    <section style={panelStyle}>
      {load.state === 'loading' && (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin />
        </div>
      )}
      {load.state === 'failed' && <Alert type="warning" showIcon title={load.message} />}
      {load.state === 'ready' &&
        (children(load.value) ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />)}
    </section>
  );
}

const rowStyle = { display: 'block', padding: '12px 0', borderBottom: '1px solid #f5f5f5', color: 'inherit' };
const metaStyle = { fontSize: 13, color: 'rgba(0,0,0,0.45)', marginTop: 4 };

/** 通知公告: the published notices, pinned first. */
export function NoticesView({ tab }: { tab: TabControl }) {
  const [page, setPage] = useState(1);
  const load = usePublic(`notices:${page}`, (signal) => portalApi.notices(page, signal));
  usePortalTitle('通知公告');
  return (
    <PortalShell heading="通知公告" tab={tab}>
      <ListPanel load={load} empty="暂无通知公告">
        {(v) =>
          v.data.length === 0 ? null : (
            <>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="portal-notices">
                {v.data.map((n) => (
                  <li key={n.id}>
                    <Link to={`/portal/notices/${n.id}`} style={rowStyle} data-testid="portal-notice">
                      <div style={{ fontSize: 16, color: BLUE }}>
                        {n.pinned && <span style={{ color: '#cf1322', marginRight: 6 }}>[置顶]</span>}
                        {n.title}
                      </div>
                      <div style={metaStyle}>
                        {n.cppcc}　{chineseDay(n.publishOn)}
                      </div>
                    </Link>
                  </li>
                ))}
              </ul>
              <Pager page={page} total={v.total} onPage={setPage} />
            </>
          )
        }
      </ListPanel>
    </PortalShell>
  );
}

const selectStyle = {
  flex: '1 1 120px',
  minWidth: 0,
  height: 32,
  borderRadius: 6,
  border: '1px solid #d9d9d9',
  background: '#fff',
  padding: '0 8px',
  fontSize: 14,
};

/** 信息公开: the items the office approved for the public, newest first, with filters. */
export function DisclosuresView({ tab }: { tab: TabControl }) {
  const [filter, setFilter] = useState({ category: '', year: '', q: '', page: 1 });
  const load = usePublic(`items:${JSON.stringify(filter)}`, (signal) =>
    portalApi.disclosures(filter, signal),
  );
  const [facets, setFacets] = useState<{ categories: string[]; years: number[] }>({
    categories: [],
    years: [],
  });
  // The filters keep their choices while a filtered answer loads.
  useEffect(() => {
    if (load.state === 'ready') setFacets(load.value.facets);
  }, [load]);
  const change = (patch: Partial<typeof filter>) =>
    setFilter((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));
  usePortalTitle('社情民意信息公开');
  return (
    <PortalShell heading="社情民意信息公开" tab={tab}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 }}>
        <select
          aria-label="信息分类"
          value={filter.category}
          onChange={(e) => change({ category: e.target.value })}
          style={selectStyle}
          data-testid="portal-category"
        >
          <option value="">全部分类</option>
          {facets.categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select
          aria-label="年份"
          value={filter.year}
          onChange={(e) => change({ year: e.target.value })}
          style={selectStyle}
          data-testid="portal-year"
        >
          <option value="">全部年份</option>
          {facets.years.map((y) => (
            <option key={y} value={String(y)}>
              {y}年
            </option>
          ))}
        </select>
        <Input.Search
          placeholder="搜索标题"
          allowClear
          maxLength={40}
          onSearch={(q) => change({ q: q.trim() })}
          style={{ flex: '2 1 200px' }}
          data-testid="portal-search"
        />
      </div>
      <ListPanel load={load} empty="暂无公开信息">
        {(v) =>
          v.data.length === 0 ? null : (
            <>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="portal-items">
                {v.data.map((d) => (
                  <li key={d.id}>
                    <Link to={`/portal/items/${d.id}`} style={rowStyle} data-testid="portal-item">
                      <div style={{ fontSize: 16, color: BLUE }}>{d.title}</div>
                      <div style={metaStyle}>
                        {[
                          chineseDay(d.disclosedOn),
                          d.topic ? `${d.category}·${d.topic}` : d.category,
                          d.cppcc,
                        ]
                          .filter(Boolean)
                          .join('　')}
                      </div>
                    </Link>
                  </li>
                ))}
              </ul>
              <Pager page={filter.page} total={v.total} onPage={(page) => change({ page })} />
            </>
          )
        }
      </ListPanel>
    </PortalShell>
  );
}
