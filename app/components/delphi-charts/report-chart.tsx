"use client";
// A Delphi chart of the consensus report (box plots, realisation timeline, technology radar, consensus
// and stability across rounds), drawn by the dashboard's Chart with the same ECharts option the
// downloadable file draws to SVG (lib/reports/chart-options.ts). The words come translated from the
// server; the data table is the report renderer's, so page, file and print show one set of figures.
import { useMemo } from "react";
import { Chart } from "@/app/components/charts/chart";
import type { ChartOption } from "@/app/components/charts/echarts-core";
import { chartHasData, reportChartOption, type ChartId, type ChartSource, type ReportChartLabels } from "@/lib/reports/chart-labels";

type Props = { id: ChartId; source: ChartSource; labels: ReportChartLabels; height: number; tableHtml: string };

export function ReportChart({ id, source, labels, height, tableHtml }: Props) {
  const option = useMemo(() => reportChartOption(source, id, labels) as ChartOption, [source, id, labels]);
  const text = labels[id];
  return (
    <Chart id={`report-${id}`} title={text.title} description={text.description} option={option} height={height} empty={!chartHasData(source, id)} emptyText={text.empty}>
      <div dangerouslySetInnerHTML={{ __html: tableHtml }} />
    </Chart>
  );
}
