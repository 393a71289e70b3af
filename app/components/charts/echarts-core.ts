// The parts of Apache ECharts the dashboard uses, registered once. Imported only from the browser
// (chart.tsx loads it in an effect), so neither the server bundle nor the first page load carries it.
import { init, use, type ComposeOption, type ECElementEvent, type EChartsType } from "echarts/core";
import {
  BarChart, BoxplotChart, GraphChart, RadarChart, ScatterChart, ThemeRiverChart, TreeChart,
  type BarSeriesOption, type BoxplotSeriesOption, type GraphSeriesOption, type RadarSeriesOption, type ScatterSeriesOption, type ThemeRiverSeriesOption, type TreeSeriesOption,
} from "echarts/charts";
import {
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, RadarComponent, SingleAxisComponent, TooltipComponent,
  type GridComponentOption, type LegendComponentOption, type MarkAreaComponentOption, type MarkLineComponentOption, type RadarComponentOption,
  type SingleAxisComponentOption, type TooltipComponentOption,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

use([
  BarChart, BoxplotChart, GraphChart, RadarChart, ScatterChart, ThemeRiverChart, TreeChart,
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, RadarComponent, SingleAxisComponent, TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption | BoxplotSeriesOption | GraphSeriesOption | RadarSeriesOption | ScatterSeriesOption | ThemeRiverSeriesOption | TreeSeriesOption
  | GridComponentOption | LegendComponentOption | MarkAreaComponentOption | MarkLineComponentOption | RadarComponentOption | SingleAxisComponentOption | TooltipComponentOption
>;
export type { ECElementEvent, EChartsType };
export { init };
