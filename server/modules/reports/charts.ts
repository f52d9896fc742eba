/**
 * Charts for the Word reports: ECharts draws the figure as SVG on the server (no browser, no
 * canvas), resvg turns it into a PNG with the system's CJK fonts (fonts-noto-cjk). Both are loaded
 * on first use so the server starts without them.
 */
import type { ReportChart } from '../../../shared/schemas/reports.ts';

const FONT = 'Noto Sans CJK SC';
/** Drawn at 2× the printed size, so a printed figure stays sharp. */
export const CHART_SIZE = { width: 600, height: 320 } as const;

export async function renderChartPng(chart: ReportChart): Promise<Buffer> {
  const [echarts, { Resvg }] = await Promise.all([import('echarts'), import('@resvg/resvg-js')]);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  const bars = chart.series.filter((s) => s.type === 'bar').length;
  instance.setOption({
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 12 },
    legend: { top: 0, textStyle: { fontFamily: FONT } },
    grid: { left: 48, right: 24, top: 36, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: chart.categories,
      axisLabel: { interval: 0, rotate: chart.categories.length > 8 ? 30 : 0, fontFamily: FONT },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: FONT } },
    series: chart.series.map((s) => ({
      name: s.name,
      type: s.type,
      data: s.values,
      label: { show: s.type === 'bar' && bars === 1 && chart.categories.length <= 16, position: 'top' },
      barMaxWidth: 28,
    })),
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  const png = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: FONT },
    fitTo: { mode: 'width', value: CHART_SIZE.width * 2 },
    background: '#ffffff',
  })
    .render()
    .asPng();
  return Buffer.from(png);
}
