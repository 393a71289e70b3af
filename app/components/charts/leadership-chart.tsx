"use client";
// Country shares per theme as stacked bars (the countries that lead somewhere, the rest as "other"),
// with the home country's position in the table: leading / alongside / following (领跑 / 并跑 / 跟跑).
import { useMemo } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { Leadership } from "@/lib/dashboard/leadership";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { Chart, type ChartClick } from "./chart";
import type { ChartOption } from "./echarts-core";
import { displayNames, drillHref, type ThemeName } from "./names";

const SHOWN_COUNTRIES = 6;

export function LeadershipChart({ studyId, leadership, themes }: { studyId: string; leadership: Leadership; themes: ThemeName[] }) {
  const t = useTranslations("dashboard.leadership");
  const tp = useTranslations("dashboard.position");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const names = useMemo(() => displayNames(themes, locale), [themes, locale]);
  const home = leadership.homeCountry;
  const countries = useMemo(() => {
    const shown = leadership.countries.slice(0, SHOWN_COUNTRIES);
    return home && !shown.includes(home) && leadership.countries.includes(home) ? [...shown.slice(0, SHOWN_COUNTRIES - 1), home] : shown;
  }, [leadership, home]);
  const regionName = useMemo(() => {
    const display = new Intl.DisplayNames([locale === "zh" ? "zh-CN" : "en-GB"], { type: "region" });
    return (code: string) => {
      try {
        return display.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale]);

  const option = useMemo((): ChartOption => {
    const rows = [...leadership.rows].reverse();
    const shareOf = (row: (typeof rows)[number], country: string) => row.top.find((s) => s.country === country)?.share ?? 0;
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: number) => formatPercent(locale, v, 1) },
      legend: { top: 0, data: [...countries.map(regionName), t("other")] },
      grid: { left: 180, right: 30, top: 40, bottom: 40 },
      xAxis: { type: "value", max: 1, axisLabel: { formatter: (v: number) => formatPercent(locale, v) } },
      yAxis: { type: "category", data: rows.map((r) => names.get(r.themeId)!), axisLabel: { width: 170, overflow: "truncate" } },
      series: [
        ...countries.map((country) => ({
          type: "bar",
          name: regionName(country),
          stack: "share",
          data: rows.map((r) => ({ value: Number(shareOf(r, country).toFixed(4)), themeId: r.themeId, country })),
          ...(country === home ? { itemStyle: { borderColor: "#b3261e", borderWidth: 2 } } : {}),
        })),
        {
          type: "bar",
          name: t("other"),
          stack: "share",
          itemStyle: { color: "#ced4da" },
          data: rows.map((r) => ({ value: Number(Math.max(0, 1 - countries.reduce((sum, c) => sum + shareOf(r, c), 0)).toFixed(4)), themeId: r.themeId, country: null })),
        },
      ],
    } as ChartOption;
  }, [leadership, countries, names, locale, regionName, home, t]);

  const onClick = (event: ChartClick) => {
    const data = event.data as { themeId?: string; country?: string | null } | undefined;
    if (data?.themeId) router.push(drillHref(studyId, { theme: data.themeId, country: data.country ?? undefined }));
  };

  const description = home ? t("descriptionHome", { country: regionName(home) }) : t("description");
  return (
    <Chart id="leadership" title={t("title")} description={description} option={option} height={Math.max(300, 34 * leadership.rows.length + 80)} empty={leadership.rows.length === 0} emptyText={t("empty")} onClick={onClick}>
      <table>
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("theme")}</th><th scope="col">{t("leader")}</th>
            {home && <><th scope="col">{t("homeShare", { country: home })}</th><th scope="col">{t("homeRank")}</th><th scope="col">{t("homePosition")}</th></>}
            <th scope="col">{t("topCountries")}</th>
          </tr>
        </thead>
        <tbody>
          {leadership.rows.map((r) => (
            <tr key={r.themeId} data-position={r.home?.position ?? ""}>
              <th scope="row"><Link href={drillHref(studyId, { theme: r.themeId })}>{names.get(r.themeId)}</Link></th>
              <td>{r.leader ? `${regionName(r.leader.country)} (${formatPercent(locale, r.leader.share)})` : "—"}</td>
              {home && (
                <>
                  <td>{formatPercent(locale, r.home?.share, 1)}</td>
                  <td>{r.home?.rank ? formatNumber(locale, r.home.rank, 0) : "—"}</td>
                  <td>{r.home ? tp(r.home.position) : "—"}</td>
                </>
              )}
              <td>
                {r.top.map((s, i) => (
                  <span key={s.country}>
                    {i > 0 && ", "}
                    <Link href={drillHref(studyId, { theme: r.themeId, country: s.country })}>{s.country}</Link> {formatPercent(locale, s.share)}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}
