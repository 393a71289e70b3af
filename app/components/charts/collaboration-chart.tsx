"use client";
// Open-innovation profile per theme on a radar: international and cross-sector collaboration, and
// how many countries, institutions and sources take part. The largest themes are shown first; the
// legend turns the others on.
import { useMemo } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { Collaboration } from "@/lib/dashboard/collaboration";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { Chart } from "./chart";
import type { ChartOption } from "./echarts-core";
import { displayNames, drillHref, type ThemeName } from "./names";

const SHOWN = 4;
const AXES = ["international", "crossSector", "countries", "institutions", "sources"] as const;

export function CollaborationChart({ studyId, collaboration, themes, order }: { studyId: string; collaboration: Collaboration; themes: ThemeName[]; order: string[] }) {
  const t = useTranslations("dashboard.collaboration");
  const locale = useLocale() as Locale;
  const names = useMemo(() => displayNames(themes, locale), [themes, locale]);

  const option = useMemo((): ChartOption => {
    const max = Object.fromEntries(AXES.map((a) => [a, Math.max(a === "international" || a === "crossSector" ? 0.05 : 1, ...collaboration.rows.map((r) => r[a] ?? 0)) * 1.1]));
    const ranked = [...collaboration.rows].sort((a, b) => order.indexOf(a.themeId) - order.indexOf(b.themeId));
    const selected = Object.fromEntries(ranked.map((r, i) => [names.get(r.themeId)!, i < SHOWN]));
    return {
      tooltip: { trigger: "item" },
      legend: { type: "scroll", bottom: 0, data: ranked.map((r) => names.get(r.themeId)!), selected },
      radar: { indicator: AXES.map((a) => ({ name: t(`axis.${a}`), max: Number(max[a].toFixed(4)) })), radius: "62%", center: ["50%", "48%"] },
      series: [
        {
          type: "radar",
          name: t("title"),
          data: ranked.map((r) => ({ name: names.get(r.themeId)!, value: AXES.map((a) => Number((r[a] ?? 0).toFixed(4))) })),
        },
      ],
    } as ChartOption;
  }, [collaboration, names, order, t]);

  const { study } = collaboration;
  return (
    <Chart
      id="collaboration"
      title={t("title")}
      description={t("description", { international: formatPercent(locale, study.international), crossSector: formatPercent(locale, study.crossSector) })}
      option={option}
      height={440}
      empty={collaboration.rows.length === 0}
      emptyText={t("empty")}
    >
      <table>
        <caption className="sr-only">{t("title")}</caption>
        <thead><tr><th scope="col">{t("theme")}</th>{AXES.map((a) => <th key={a} scope="col">{t(`axis.${a}`)}</th>)}</tr></thead>
        <tbody>
          {collaboration.rows.map((r) => (
            <tr key={r.themeId}>
              <th scope="row"><Link href={drillHref(studyId, { theme: r.themeId })}>{names.get(r.themeId)}</Link></th>
              <td>{formatPercent(locale, r.international)}</td>
              <td>{formatPercent(locale, r.crossSector)}</td>
              <td>{formatNumber(locale, r.countries, 1)}</td>
              <td>{formatNumber(locale, r.institutions, 1)}</td>
              <td>{formatNumber(locale, r.sources, 1)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("study")}</th>
            <td>{formatPercent(locale, study.international)}</td>
            <td>{formatPercent(locale, study.crossSector)}</td>
            <td colSpan={3}></td>
          </tr>
        </tbody>
      </table>
    </Chart>
  );
}
