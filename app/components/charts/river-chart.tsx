"use client";
// Theme volumes over time as a stream (river): click a band to read that theme's documents of that year.
import { useMemo } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { River } from "@/lib/dashboard/river";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { Chart, type ChartClick } from "./chart";
import type { ChartOption, EChartsType } from "./echarts-core";
import { displayNames, drillHref, type ThemeName } from "./names";

export function RiverChart({ studyId, river, themes }: { studyId: string; river: River; themes: ThemeName[] }) {
  const t = useTranslations("dashboard.river");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const names = useMemo(() => displayNames(themes, locale), [themes, locale]);

  const option = useMemo((): ChartOption => {
    const data = river.layers.flatMap((l) => l.values.map((v, i) => [river.years[i], Number(v.toFixed(3)), names.get(l.themeId)!]));
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "line" } },
      legend: { type: "scroll", top: 0, data: river.layers.map((l) => names.get(l.themeId)!) },
      singleAxis: { type: "value", min: river.years[0], max: river.years[river.years.length - 1], top: 50, bottom: 40, axisLabel: { formatter: (v: number) => String(v) }, splitNumber: Math.min(10, river.years.length) },
      series: [{ type: "themeRiver", data, label: { show: false }, emphasis: { focus: "self" } }],
    } as ChartOption;
  }, [river, names]);

  // ECharts tags each band with its layer's position (the order the layers first appear in the data,
  // which is river.layers' order) and not with a year, so the year comes from where the click landed.
  const onClick = (event: ChartClick, chart: EChartsType) => {
    const layer = river.layers[event.dataIndex];
    const pointer = event.event as { offsetX?: number; offsetY?: number } | undefined;
    if (!layer || pointer?.offsetX === undefined) return;
    const at = chart.convertFromPixel({ seriesIndex: 0 }, [pointer.offsetX, pointer.offsetY ?? 0]) as number | number[];
    const year = Math.round(Array.isArray(at) ? at[0] : at);
    if (Number.isFinite(year) && year >= river.years[0] && year <= river.years[river.years.length - 1]) router.push(drillHref(studyId, { theme: layer.themeId, year }));
  };

  return (
    <Chart id="river" title={t("title")} description={t("description")} option={option} height={440} empty={river.layers.length === 0} emptyText={t("empty")} onClick={onClick}>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("theme")}</th>
              {river.years.map((y) => <th key={y} scope="col">{y}</th>)}
              <th scope="col">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {river.layers.map((l) => (
              <tr key={l.themeId}>
                <th scope="row"><Link href={drillHref(studyId, { theme: l.themeId })}>{names.get(l.themeId)}</Link></th>
                {l.values.map((v, i) => (
                  <td key={river.years[i]}>{v > 0 ? <Link href={drillHref(studyId, { theme: l.themeId, year: river.years[i] })}>{formatNumber(locale, v, 1)}</Link> : formatNumber(locale, 0)}</td>
                ))}
                <td>{formatNumber(locale, l.total, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Chart>
  );
}
