"use client";
// Areas and their themes as a tree (left to right); a theme leaf opens its documents.
import { useMemo } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { Hierarchy, TreeNode } from "@/lib/dashboard/hierarchy";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { Chart, type ChartClick } from "./chart";
import type { ChartOption } from "./echarts-core";
import { displayNames, drillHref, type ThemeName } from "./names";

type EChartsTreeNode = { name: string; value: number; themeId?: string; children?: EChartsTreeNode[] };

export function HierarchyChart({ studyId, hierarchy, themes, rootName }: { studyId: string; hierarchy: Hierarchy; themes: ThemeName[]; rootName: string }) {
  const t = useTranslations("dashboard.hierarchy");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const names = useMemo(() => displayNames(themes, locale), [themes, locale]);
  const nodeName = (node: TreeNode) => (node.themeId ? names.get(node.themeId) ?? node.name : locale === "zh" && node.nameZh ? node.nameZh : node.key === "unassigned" ? t("unassigned") : node.name);

  const option = useMemo((): ChartOption => {
    const convert = (node: TreeNode): EChartsTreeNode => ({
      name: node.key === "root" ? rootName : nodeName(node),
      value: Number(node.value.toFixed(3)),
      ...(node.themeId ? { themeId: node.themeId } : {}),
      ...(node.children ? { children: node.children.map(convert) } : {}),
    });
    return {
      tooltip: { trigger: "item", formatter: (p: { name: string; value: number }) => `${p.name}<br/>${t("volume")}: ${formatNumber(locale, p.value, 1)}` },
      series: [
        {
          type: "tree",
          name: t("title"),
          data: [convert(hierarchy.root)],
          orient: "LR",
          top: 20, bottom: 20, left: 120, right: 260,
          initialTreeDepth: 2,
          expandAndCollapse: false,
          symbolSize: 9,
          label: { position: "left", verticalAlign: "middle", align: "right", fontSize: 11 },
          leaves: { label: { position: "right", verticalAlign: "middle", align: "left" } },
        },
      ],
    } as ChartOption;
  }, [hierarchy, names, locale, rootName, t]);

  const onClick = (event: ChartClick) => {
    const id = (event.data as { themeId?: string } | undefined)?.themeId;
    if (id) router.push(drillHref(studyId, { theme: id }));
  };

  const leaves = hierarchy.root.children?.reduce((n, area) => n + countLeaves(area), 0) ?? 0;
  return (
    <Chart id="hierarchy" title={t("title")} description={t(`description.${hierarchy.basis}`, { areas: hierarchy.areaCount })} option={option} height={Math.max(320, 26 * leaves)} empty={leaves === 0} emptyText={t("empty")} onClick={onClick}>
      <table>
        <caption className="sr-only">{t("title")}</caption>
        <thead><tr><th scope="col">{t("area")}</th><th scope="col">{t("theme")}</th><th scope="col">{t("volume")}</th></tr></thead>
        <tbody>
          {(hierarchy.root.children ?? []).flatMap((area) =>
            leafRows(area).map(({ leaf, path }) => (
              <tr key={`${area.key}-${leaf.key}`}>
                <td>{path.map(nodeName).join(" › ")}</td>
                <th scope="row"><Link href={drillHref(studyId, { theme: leaf.themeId })}>{nodeName(leaf)}</Link></th>
                <td>{formatNumber(locale, leaf.value, 1)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </Chart>
  );
}

function countLeaves(node: TreeNode): number {
  return node.children ? node.children.reduce((n, c) => n + countLeaves(c), 0) : node.themeId ? 1 : 0;
}

function leafRows(node: TreeNode, path: TreeNode[] = []): { leaf: TreeNode; path: TreeNode[] }[] {
  if (!node.children) return node.themeId ? [{ leaf: node, path }] : [];
  return node.children.flatMap((c) => leafRows(c, [...path, node]));
}
