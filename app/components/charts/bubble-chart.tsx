"use client";
// Growth speed against volume, coloured by quadrant, with the two thresholds drawn as lines.
import { useMemo } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { Bubbles, Quadrant } from "@/lib/dashboard/bubbles";
import { formatNumber, formatSignedPercent } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { Chart, type ChartClick } from "./chart";
import type { ChartOption } from "./echarts-core";
import { displayNames, drillHref, QUADRANT_COLOUR, type ThemeName } from "./names";

const QUADRANTS: Quadrant[] = ["emerging", "growing", "mature", "declining"];

export function BubbleChart({ studyId, bubbles, themes }: { studyId: string; bubbles: Bubbles; themes: ThemeName[] }) {
  const t = useTranslations("dashboard.bubbles");
  const tq = useTranslations("dashboard.quadrant");
  const ts = useTranslations("dashboard.stage");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const names = useMemo(() => displayNames(themes, locale), [themes, locale]);
  const maxDocs = Math.max(1, ...bubbles.points.map((p) => p.documentCount));

  const option = useMemo((): ChartOption => {
    const { thresholds } = bubbles;
    return {
      tooltip: {
        trigger: "item",
        formatter: (p: { data: [number, number, number, string, string] }) =>
          `${p.data[3]}<br/>${t("volume")}: ${formatNumber(locale, p.data[0], 1)}<br/>${t("growth")}: ${formatSignedPercent(locale, p.data[1])}<br/>${t("documents")}: ${formatNumber(locale, p.data[2], 0)}`,
      },
      legend: { top: 0, data: QUADRANTS.map((q) => tq(q)) },
      grid: { left: 70, right: 30, top: 50, bottom: 60 },
      xAxis: { type: "value", name: t("volume"), nameLocation: "middle", nameGap: 30, axisLabel: { formatter: (v: number) => formatNumber(locale, v, 0) } },
      yAxis: { type: "value", name: t("growth"), nameLocation: "middle", nameGap: 50, axisLabel: { formatter: (v: number) => formatSignedPercent(locale, v) } },
      series: QUADRANTS.map((q, i) => ({
        type: "scatter",
        name: tq(q),
        itemStyle: { color: QUADRANT_COLOUR[q], opacity: 0.8 },
        symbolSize: (value: number[]) => 12 + 38 * Math.sqrt(value[2] / maxDocs),
        label: { show: true, position: "top", formatter: (p: { data: [number, number, number, string] }) => p.data[3].split(" · ")[0], fontSize: 11 },
        data: bubbles.points.filter((p) => p.quadrant === q).map((p) => [Number(p.volume.toFixed(3)), Number(p.growth.toFixed(4)), p.documentCount, names.get(p.themeId)!, p.themeId]),
        ...(i === 0
          ? { markLine: { silent: true, symbol: "none", lineStyle: { type: "dashed", color: "#5b6675" }, label: { position: "insideEndTop", formatter: (m: { value: number; name: string }) => m.name }, data: [{ xAxis: thresholds.volume, name: t("volumeLine") }, { yAxis: thresholds.growth, name: t("growthLine") }] } }
          : {}),
      })),
    } as unknown as ChartOption;
  }, [bubbles, names, locale, maxDocs, t, tq]);

  const onClick = (event: ChartClick) => {
    const data = event.data as unknown[] | undefined;
    if (Array.isArray(data) && typeof data[4] === "string") router.push(drillHref(studyId, { theme: data[4] }));
  };

  const growthRule = t(`growthRule.${bubbles.thresholds.growthRule}`, { growth: formatSignedPercent(locale, bubbles.thresholds.growth) });
  return (
    <Chart
      id="bubbles"
      title={t("title")}
      description={`${t("description")} ${t("thresholds", { volume: formatNumber(locale, bubbles.thresholds.volume, 1) })} ${growthRule}`}
      option={option}
      height={440}
      empty={bubbles.points.length === 0}
      emptyText={t("empty")}
      onClick={onClick}
    >
      <table>
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr><th scope="col">{t("theme")}</th><th scope="col">{t("volume")}</th><th scope="col">{t("growth")}</th><th scope="col">{t("documents")}</th><th scope="col">{t("quadrantColumn")}</th><th scope="col">{t("stage")}</th><th scope="col">{t("emergingScore")}</th></tr>
        </thead>
        <tbody>
          {bubbles.points.map((p) => (
            <tr key={p.themeId} data-quadrant={p.quadrant}>
              <th scope="row"><Link href={drillHref(studyId, { theme: p.themeId })}>{names.get(p.themeId)}</Link></th>
              <td>{formatNumber(locale, p.volume, 1)}</td>
              <td>{formatSignedPercent(locale, p.growth)}</td>
              <td>{formatNumber(locale, p.documentCount, 0)}</td>
              <td>{tq(p.quadrant)}</td>
              <td>{p.stage ? ts(p.stage) : "—"}</td>
              <td>{formatNumber(locale, p.emergingScore, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}
