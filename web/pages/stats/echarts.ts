/**
 * The parts of ECharts the statistics page draws with (bars, lines, a grid, tooltips, a legend,
 * canvas). Imported only by a dynamic import() in StatsChart, so ECharts stays out of every
 * other screen's download.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type { EChartsCoreOption } from 'echarts/core';
export { echarts };
