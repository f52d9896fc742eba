import { Alert, Empty, Segmented, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { BLUE, PortalShell, type PortalTab, panelStyle, usePortalTitle } from './PortalShell.tsx';

type PeriodKind = 'year' | 'quarter';

interface Ranking {
  period: { kind: PeriodKind; label: string; from: string; to: string };
  rows: { rank: number; unit: string; count: number }[];
  total: number;
  updatedAt: string;
}

const RELOAD_MS = 60_000;
/** Gold, silver and bronze for the first three places. */
const MEDALS: Record<number, string> = { 1: '#d4a017', 2: '#9aa4ae', 3: '#b87333' };

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:mm` in Beijing time (UTC+8, no daylight saving), whatever the reader's time zone. */
function beijingTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const beijing = new Date(date.getTime() + 8 * 3600_000);
  return `${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}`;
}

/**
 * One answer of the public endpoint. Not through the session's API client: this page carries no
 * session, and it revalidates (`no-cache`) so a reload never shows the browser's copy of an
 * earlier answer (the server caches its answers itself until the data changes).
 */
async function fetchRanking(kind: PeriodKind, signal: AbortSignal): Promise<Ranking> {
  const response = await fetch(`/api/public/ranking?period=${kind}`, {
    headers: { accept: 'application/json' },
    cache: 'no-cache',
    credentials: 'omit',
    signal,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { data: Ranking }).data;
}

/** The ranking of one period, asked again every minute and whenever the page comes back into view. */
function useRanking(kind: PeriodKind) {
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [failed, setFailed] = useState(false);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(() => {
    if (document.visibilityState === 'hidden') return;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    fetchRanking(kind, controller.signal)
      .then((next) => {
        setRanking(next);
        setFailed(false);
      })
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) setFailed(true);
      });
  }, [kind]);

  useEffect(() => {
    setRanking(null);
    load();
    const timer = window.setInterval(load, RELOAD_MS);
    window.addEventListener('focus', load);
    document.addEventListener('visibilitychange', load);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', load);
      document.removeEventListener('visibilitychange', load);
      inFlight.current?.abort();
    };
  }, [load]);

  return { ranking, failed };
}

function RankBadge({ rank }: { rank: number }) {
  const medal = MEDALS[rank];
  return (
    <span
      title={`第${rank}名`}
      style={{
        flex: '0 0 28px',
        height: 28,
        borderRadius: '50%',
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontWeight: 600,
        fontSize: 14,
        color: medal ? '#fff' : 'rgba(0,0,0,0.65)',
        background: medal ?? '#f0f2f5',
      }}
    >
      {rank}
    </span>
  );
}

/** The public ranking of submitting units (R4.9): no login, nothing internal. */
export function RankingView({ tab }: { tab: { value: PortalTab; onChange: (tab: PortalTab) => void } }) {
  // The period lives in the address, so a reload or a shared link shows the same ranking.
  const [params, setParams] = useSearchParams();
  const kind: PeriodKind = params.get('period') === 'quarter' ? 'quarter' : 'year';
  const setKind = (next: PeriodKind) => setParams(next === 'year' ? {} : { period: next }, { replace: true });
  const { ranking, failed } = useRanking(kind);
  const top = ranking?.rows[0]?.count ?? 0;
  usePortalTitle('政协信息报送排行');

  return (
    <PortalShell
      heading="政协信息报送排行"
      tab={tab}
      status={ranking ? `更新于 ${beijingTime(ranking.updatedAt)}` : ''}
    >
      <Segmented<PeriodKind>
        block
        value={kind}
        onChange={setKind}
        options={[
          { label: '本年度', value: 'year' },
          { label: '本季度', value: 'quarter' },
        ]}
        data-testid="portal-period-switch"
        style={{ marginTop: 12 }}
      />
      <section style={panelStyle}>
        {failed && (
          <Alert
            type="warning"
            showIcon
            title="暂时无法获取最新排行，请稍后刷新"
            style={{ marginBottom: 12 }}
          />
        )}
        {ranking === null ? (
          failed ? null : (
            <div style={{ textAlign: 'center', padding: 32 }}>
              <Spin />
            </div>
          )
        ) : (
          <>
            <div
              style={{
                display: 'flex',
                justifyContent: 'space-between',
                alignItems: 'baseline',
                gap: 8,
                flexWrap: 'wrap',
                paddingBottom: 8,
                borderBottom: '1px solid #f0f0f0',
              }}
            >
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="portal-period">
                {ranking.period.label}
              </Typography.Text>
              <Typography.Text type="secondary" data-testid="portal-total">
                合计{ranking.total}条
              </Typography.Text>
            </div>
            {ranking.rows.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本期暂无报送" />
            ) : (
              <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="portal-rows">
                {ranking.rows.map((row) => (
                  <li
                    key={row.unit}
                    data-testid="portal-row"
                    data-unit={row.unit}
                    style={{ padding: '10px 0', borderBottom: '1px solid #f5f5f5' }}
                  >
                    <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
                      <RankBadge rank={row.rank} />
                      <span
                        style={{
                          flex: 1,
                          minWidth: 0,
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          whiteSpace: 'nowrap',
                          fontSize: 15,
                        }}
                        title={row.unit}
                      >
                        {row.unit}
                      </span>
                      <span
                        data-testid="portal-count"
                        style={{
                          flex: 'none',
                          fontWeight: 600,
                          color: BLUE,
                          fontVariantNumeric: 'tabular-nums',
                        }}
                      >
                        {row.count}条
                      </span>
                    </div>
                    <div
                      style={{
                        marginTop: 6,
                        marginLeft: 38,
                        height: 4,
                        borderRadius: 2,
                        background: '#f0f2f5',
                      }}
                    >
                      <div
                        style={{
                          width: `${top > 0 ? Math.max(2, (row.count / top) * 100) : 0}%`,
                          height: '100%',
                          borderRadius: 2,
                          background: MEDALS[row.rank] ?? BLUE,
                        }}
                      />
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </section>
    </PortalShell>
  );
}
