"use client";
// Links between themes as a network on a circle (deterministic), edge width by strength.
import { useMemo } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { Network } from "@/lib/dashboard/network";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { Chart, type ChartClick } from "./chart";
import type { ChartOption } from "./echarts-core";
import { displayNames, drillHref, type ThemeName } from "./names";

export function NetworkChart({ studyId, network, themes }: { studyId: string; network: Network; themes: ThemeName[] }) {
  const t = useTranslations("dashboard.network");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const names = useMemo(() => displayNames(themes, locale), [themes, locale]);
  const maxVolume = Math.max(1e-9, ...network.nodes.map((n) => n.volume));
  const maxWeight = Math.max(1e-9, ...network.edges.map((e) => e.weight));

  const option = useMemo((): ChartOption => ({
    tooltip: { trigger: "item" },
    series: [
      {
        type: "graph",
        name: t("title"),
        layout: "circular",
        circular: { rotateLabel: false },
        roam: false,
        label: { show: true, position: "right", fontSize: 11, formatter: (p: { name: string }) => p.name.split(" · ")[0] },
        lineStyle: { color: "source", curveness: 0.2, opacity: 0.7 },
        emphasis: { focus: "adjacency", lineStyle: { width: 6 } },
        data: network.nodes.map((n) => ({ id: n.themeId, name: names.get(n.themeId)!, value: Number(n.volume.toFixed(3)), symbolSize: 12 + 30 * Math.sqrt(n.volume / maxVolume) })),
        links: network.edges.map((e) => ({ source: e.source, target: e.target, value: Number(e.weight.toFixed(4)), lineStyle: { width: 1 + 7 * (e.weight / maxWeight) } })),
      },
    ],
  }) as ChartOption, [network, names, maxVolume, maxWeight, t]);

  const onClick = (event: ChartClick) => {
    if (event.dataType !== "node") return;
    const id = (event.data as { id?: string } | undefined)?.id;
    if (id) router.push(drillHref(studyId, { theme: id }));
  };

  const description = network.basis === "links" ? t("description.links") : t("description.similarity", { threshold: formatPercent(locale, network.threshold ?? 0) });
  return (
    <Chart id="network" title={t("title")} description={description} option={option} height={440} empty={network.nodes.length === 0} emptyText={t("empty")} onClick={onClick}>
      {network.edges.length === 0 ? (
        <p className="muted">{t("noEdges")}</p>
      ) : (
        <table>
          <caption className="sr-only">{t("title")}</caption>
          <thead><tr><th scope="col">{t("from")}</th><th scope="col">{t("to")}</th><th scope="col">{t("strength")}</th></tr></thead>
          <tbody>
            {network.edges.map((e) => (
              <tr key={`${e.source}-${e.target}`}>
                <td><Link href={drillHref(studyId, { theme: e.source })}>{names.get(e.source)}</Link></td>
                <td><Link href={drillHref(studyId, { theme: e.target })}>{names.get(e.target)}</Link></td>
                <td>{formatNumber(locale, e.weight, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Chart>
  );
}
