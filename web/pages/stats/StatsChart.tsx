import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { StatsDimension, StatsRow } from '../../../shared/schemas/stats.ts';
import type { EChartsCoreOption } from './echarts.ts';

const TOP = 10;

/** The chart of a table: the top ten by 来稿 as bars, or the trend as lines. */
function optionFor(dimension: StatsDimension, rows: StatsRow[]): EChartsCoreOption {
  const tooltip = { trigger: 'axis' };
  const legend = { top: 0 };
  if (dimension === 'trend')
    return {
      tooltip,
      legend,
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.label.replace(/^\d{4}年/, '').replace(/（.*）$/, '')),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '来稿', type: 'line', smooth: true, data: rows.map((r) => r.figures.submitted) },
        { name: '编用', type: 'line', smooth: true, data: rows.map((r) => r.figures.published) },
        { name: '上报', type: 'line', smooth: true, data: rows.map((r) => r.figures.forwarded) },
        {
          name: '采用',
          type: 'line',
          smooth: true,
          data: rows.map(
            (r) => r.figures.adoptedNational + r.figures.adoptedProvincial + r.figures.adoptedOther,
          ),
        },
      ],
    };
  const top = [...rows]
    .sort((a, b) => b.figures.submitted - a.figures.submitted)
    .slice(0, TOP)
    .reverse();
  return {
    tooltip,
    legend,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: top.map((r) => r.label),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      { name: '来稿', type: 'bar', data: top.map((r) => r.figures.submitted) },
      { name: '编用', type: 'bar', data: top.map((r) => r.figures.published) },
    ],
  };
}

/** Draws with ECharts, loaded on first use (a separate download, only on this page). */
export function StatsChart({ dimension, rows }: { dimension: StatsDimension; rows: StatsRow[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const height = dimension === 'trend' ? 280 : Math.max(160, Math.min(rows.length, TOP) * 34 + 60);
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void import('./echarts.ts').then(({ echarts }) => {
      if (disposed || !box.current) return;
      const chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
      chart.setOption(optionFor(dimension, rows));
      setReady(true);
      const resize = () => chart.resize();
      window.addEventListener('resize', resize);
      dispose = () => {
        window.removeEventListener('resize', resize);
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [dimension, rows]);
  return (
    <Spin spinning={!ready}>
      <div ref={box} style={{ width: '100%', height }} data-testid={`stats-chart-${dimension}`} />
    </Spin>
  );
}
