"use client";
// The experts' importance ratings of the latest closed round as box plots, one per item.
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ImportanceBox } from "@/lib/dashboard/importance";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { Chart } from "./chart";
import type { ChartOption } from "./echarts-core";

type Props = { boxes: ImportanceBox[]; roundLabel: string | null; minN: number | null; scale: [number, number] };

export function ImportanceChart({ boxes, roundLabel, minN, scale }: Props) {
  const t = useTranslations("dashboard.importance");
  const locale = useLocale() as Locale;
  const title = (b: ImportanceBox) => (locale === "zh" && b.titleZh ? b.titleZh : b.title);
  const shown = useMemo(() => boxes.filter((b) => b.box), [boxes]);

  const option = useMemo((): ChartOption => ({
    tooltip: { trigger: "item" },
    grid: { left: 200, right: 30, top: 20, bottom: 40 },
    xAxis: { type: "value", min: scale[0], max: scale[1], interval: 1, name: t("axis"), nameLocation: "middle", nameGap: 26 },
    yAxis: { type: "category", data: shown.map(title).reverse(), axisLabel: { width: 190, overflow: "truncate" } },
    series: [{ type: "boxplot", name: t("title"), data: [...shown].reverse().map((b) => b.box!) }],
  }) as ChartOption, [shown, scale, t, locale]);

  return (
    <Chart
      id="importance"
      title={t("title")}
      description={roundLabel ? t("description", { round: roundLabel, minN: minN ?? 0 }) : t("noRound")}
      option={option}
      height={Math.max(260, 30 * shown.length + 80)}
      empty={shown.length === 0}
      emptyText={roundLabel ? t("allWithheld") : t("noRound")}
    >
      <table>
        <caption className="sr-only">{t("title")}</caption>
        <thead><tr><th scope="col">{t("item")}</th><th scope="col">n</th><th scope="col">{t("min")}</th><th scope="col">Q1</th><th scope="col">{t("median")}</th><th scope="col">Q3</th><th scope="col">{t("max")}</th></tr></thead>
        <tbody>
          {boxes.map((b) => (
            <tr key={b.itemId}>
              <th scope="row">{title(b)}</th>
              <td>{formatNumber(locale, b.n, 0)}</td>
              {b.box ? b.box.map((v, i) => <td key={i}>{formatNumber(locale, v, 2)}</td>) : <td colSpan={5} className="muted">{b.withheld ? t("withheld", { minN: minN ?? 0 }) : t("noAnswers")}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}
