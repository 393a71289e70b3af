// A chart drawn to an SVG string on the server (ECharts' server-side rendering, no browser), so the
// downloaded report file and stored issues carry their charts as images without any script.
import * as echarts from "echarts";
import type { EChartsOption } from "echarts";

export type SvgSize = { width: number; height: number };

export function chartSvg(option: EChartsOption, size: SvgSize): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Height for a chart with one row per category. */
export const rowsHeight = (rows: number, perRow = 28, chrome = 90): number => Math.max(220, rows * perRow + chrome);
