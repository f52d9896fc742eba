import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { chineseDate } from '../../../shared/issues.ts';
import { STATS_DIMENSIONS, type StatsDimension, type StatsSummary } from '../../../shared/schemas/stats.ts';
import { isAbortError } from '../../api/client.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useNotifyError } from '../../components/use-notify.ts';
import { downloadFile } from '../issues/issue-format.ts';
import { DrillDrawer } from './DrillDrawer.tsx';
import { defaultFilters, PeriodPicker } from './PeriodPicker.tsx';
import { StatsChart } from './StatsChart.tsx';
import { type Figure, StatsTable } from './StatsTable.tsx';
import { type StatsFilters, statsApi } from './stats-api.ts';

/** 统计分析 (R1.3, R4.6, R4.7): the figures of the reader's scope by unit, member, city, topic and time. */
export function StatsPage() {
  const notifyError = useNotifyError();
  const [filters, setFilters] = useState<StatsFilters>(() => defaultFilters());
  const [dimension, setDimension] = useState<StatsDimension>('org');
  const [summary, setSummary] = useState<StatsSummary | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [figure, setFigure] = useState<Figure | null>(null);
  const incomplete = filters.period === 'custom' && (!filters.from || !filters.to);

  useEffect(() => {
    if (incomplete) return;
    const controller = new AbortController();
    setLoading(true);
    setError('');
    statsApi
      .summary(filters, dimension, controller.signal)
      .then((r) => setSummary(r.data))
      .catch((e: unknown) => {
        if (!isAbortError(e)) setError((e as Error).message);
      })
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [filters, dimension, incomplete]);

  const shown = summary?.dimension === dimension ? summary : null;
  return (
    <PageCard title="统计分析">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <PeriodPicker value={filters} onChange={setFilters} />
        {shown && (
          <Typography.Text type="secondary" data-testid="stats-caption">
            {shown.period.label}（{chineseDate(shown.period.fromDay)}至{chineseDate(shown.period.lastDay)}） ·
            统计范围：
            {shown.scope.join('、') || '无'}
          </Typography.Text>
        )}
        {error && <Alert type="error" showIcon title={error} />}
        <Tabs
          activeKey={dimension}
          onChange={(k) => setDimension(k as StatsDimension)}
          items={Object.entries(STATS_DIMENSIONS).map(([key, label]) => ({ key, label }))}
          tabBarExtraContent={
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                downloadFile(statsApi.exportUrl(filters, dimension), '信息工作统计.xlsx').catch(notifyError)
              }
              disabled={incomplete}
              data-testid="stats-export"
            >
              导出Excel
            </Button>
          }
        />
        {dimension === 'trend' && (
          <Segmented<'month' | 'week'>
            value={filters.by}
            options={[
              { value: 'month', label: '按月' },
              { value: 'week', label: '按周' },
            ]}
            onChange={(by) => setFilters({ ...filters, by })}
          />
        )}
        {shown && shown.rows.length > 0 && <StatsChart dimension={dimension} rows={shown.rows} />}
        <StatsTable
          dimension={dimension}
          rows={shown?.rows ?? []}
          totals={shown?.totals ?? emptyTotals}
          loading={loading}
          onDrill={setFigure}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          每项数字为信息条数，点击数字查看所统计的信息。编用率＝编用÷来稿；采用率＝上报被采用÷上报（统计期内上报的信息中已被国家级或省级机关采用的比例）。
        </Typography.Paragraph>
      </Space>
      <DrillDrawer
        key={figure ? `${figure.key}:${figure.measure}` : 'closed'}
        filters={filters}
        dimension={dimension}
        figure={figure}
        onClose={() => setFigure(null)}
      />
    </PageCard>
  );
}

const emptyTotals: StatsSummary['totals'] = {
  submitted: 0,
  registered: 0,
  published: 0,
  publishedSingle: 0,
  publishedCombined: 0,
  referred: 0,
  forwarded: 0,
  adoptedNational: 0,
  adoptedProvincial: 0,
  adoptedOther: 0,
  forwardedAdopted: 0,
  instructionCentral: 0,
  instructionProvincialMain: 0,
  instructionProvincial: 0,
  instructionBureau: 0,
  instructionCity: 0,
  points: 0,
  publishRate: null,
  adoptionRate: null,
};
