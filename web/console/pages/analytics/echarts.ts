/**
 * ECharts with only what the analytics page draws (tree-shaken through `echarts/core`): line,
 * bar and gauge charts, on a canvas, with grid, tooltip, legend, mark lines and mark areas.
 */
import { BarChart, GaugeChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GaugeChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, MarkAreaComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';

/** The console's palette (antd's blue first), so charts and tags agree. */
export const PALETTE = ['#1f5eff', '#13a8a8', '#fa8c16', '#722ed1', '#eb2f96', '#52c41a', '#faad14', '#8c8c8c'];
