"use client";
// The topic map: themes placed by similarity (classical MDS), sized by volume.
import { useMemo } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { TopicMap } from "@/lib/dashboard/topic-map";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { Chart, type ChartClick } from "./chart";
import type { ChartOption } from "./echarts-core";
import { displayNames, drillHref, type ThemeName } from "./names";

export function TopicMapChart({ studyId, map, themes }: { studyId: string; map: TopicMap; themes: ThemeName[] }) {
  const t = useTranslations("dashboard.topicMap");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const names = useMemo(() => displayNames(themes, locale), [themes, locale]);
  const maxVolume = Math.max(1e-9, ...map.points.map((p) => p.volume));

  const option = useMemo((): ChartOption => ({
    tooltip: { trigger: "item", formatter: (p: { data: [number, number, number, string] }) => `${p.data[3]}<br/>${t("volume")}: ${formatNumber(locale, p.data[2], 1)}` },
    grid: { left: 20, right: 20, top: 20, bottom: 20 },
    xAxis: { type: "value", show: false, scale: true },
    yAxis: { type: "value", show: false, scale: true },
    series: [
      {
        type: "scatter",
        name: t("title"),
        symbolSize: (value: number[]) => 14 + 46 * Math.sqrt(value[2] / maxVolume),
        itemStyle: { color: "#1d5fbf", opacity: 0.65, borderColor: "#fff" },
        label: { show: true, position: "right", formatter: (p: { data: [number, number, number, string] }) => p.data[3].split(" · ")[0], fontSize: 11, color: "#1b2330" },
        data: map.points.map((p) => [p.x, p.y, Number(p.volume.toFixed(3)), names.get(p.themeId)!, p.themeId]),
      },
    ],
  }) as unknown as ChartOption, [map, names, locale, maxVolume, t]);

  const onClick = (event: ChartClick) => {
    const data = event.data as unknown[] | undefined;
    if (Array.isArray(data) && typeof data[4] === "string") router.push(drillHref(studyId, { theme: data[4] }));
  };

  return (
    <Chart id="topic-map" title={t("title")} description={t(`description.${map.basis}`)} option={option} height={420} empty={map.points.length === 0} emptyText={t("empty")} onClick={onClick}>
      <table>
        <caption className="sr-only">{t("title")}</caption>
        <thead><tr><th scope="col">{t("theme")}</th><th scope="col">{t("volume")}</th><th scope="col">{t("nearest")}</th><th scope="col">{t("similarity")}</th></tr></thead>
        <tbody>
          {map.points.map((p) => (
            <tr key={p.themeId}>
              <th scope="row"><Link href={drillHref(studyId, { theme: p.themeId })}>{names.get(p.themeId)}</Link></th>
              <td>{formatNumber(locale, p.volume, 1)}</td>
              <td>{p.nearest ? names.get(p.nearest.themeId) : "—"}</td>
              <td>{p.nearest ? formatPercent(locale, p.nearest.similarity, 1) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}
