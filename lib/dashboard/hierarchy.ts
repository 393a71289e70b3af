// Areas → themes for the tree chart: the set's ThemeArea tree when it has one, else areas found by
// clustering the themes on their similarity (clustering.ts), each named after its largest themes.
import { averageLinkage, cutTree, defaultAreaCount } from "./clustering";
import { uniqueNames } from "./river";
import type { Similarity } from "./similarity";
import type { AreaRow, DashboardTheme } from "./types";

export type TreeNode = {
  /** "area:<id>", "cluster:<n>", "theme:<id>", "root" or "unassigned". */
  key: string;
  name: string;
  nameZh: string | null;
  /** Σ volume of the themes below. */
  value: number;
  themeId?: string;
  children?: TreeNode[];
};
export type Hierarchy = { basis: "areas" | "clustering"; root: TreeNode; areaCount: number };

const volumeOf = (t: DashboardTheme) => t.indicators?.volume ?? 0;
const byValue = (a: TreeNode, b: TreeNode) => b.value - a.value || (a.key < b.key ? -1 : 1);

/** The first term of a theme label ("solid state · battery · …" → "solid state"). */
const headTerm = (label: string) => label.split(" · ")[0].trim();

function themeNode(t: DashboardTheme, name: string): TreeNode {
  return { key: `theme:${t.id}`, name, nameZh: t.labelZh, value: volumeOf(t), themeId: t.id };
}

function fromAreas(themes: readonly DashboardTheme[], areas: readonly AreaRow[], names: Map<string, string>): TreeNode[] {
  const known = new Set(areas.map((a) => a.id));
  const nodes = new Map<string, TreeNode>(areas.map((a) => [a.id, { key: `area:${a.id}`, name: a.label, nameZh: a.labelZh, value: 0, children: [] }]));
  for (const t of themes) {
    if (t.areaId && known.has(t.areaId)) nodes.get(t.areaId)!.children!.push(themeNode(t, names.get(t.id)!));
  }
  const tops: TreeNode[] = [];
  for (const a of areas) {
    const node = nodes.get(a.id)!;
    if (a.parentId && known.has(a.parentId) && a.parentId !== a.id) nodes.get(a.parentId)!.children!.push(node);
    else tops.push(node);
  }
  const unassigned = themes.filter((t) => !t.areaId || !known.has(t.areaId));
  if (unassigned.length) tops.push({ key: "unassigned", name: "Unassigned", nameZh: "未归类", value: 0, children: unassigned.map((t) => themeNode(t, names.get(t.id)!)) });
  for (const top of tops) total(top);
  return tops.sort(byValue);
}

/** Fills in each node's value from its leaves and orders children by value; guards against cycles. */
function total(node: TreeNode, seen = new Set<TreeNode>()): number {
  if (!node.children || seen.has(node)) return node.value;
  seen.add(node);
  node.value = node.children.reduce((sum, c) => sum + total(c, seen), 0);
  node.children.sort(byValue);
  return node.value;
}

function fromClustering(themes: readonly DashboardTheme[], similarity: Similarity, names: Map<string, string>, areaCount: number): TreeNode[] {
  const position = new Map(similarity.ids.map((id, i) => [id, i]));
  const present = themes.filter((t) => position.has(t.id));
  const matrix = present.map((a) => present.map((b) => similarity.matrix[position.get(a.id)!][position.get(b.id)!]));
  const clusters = cutTree(averageLinkage(matrix), present.length, areaCount);
  const groups = new Map<number, DashboardTheme[]>();
  present.forEach((t, i) => groups.set(clusters[i], [...(groups.get(clusters[i]) ?? []), t]));
  return [...groups.entries()]
    .map(([cluster, members]): TreeNode => {
      const children = members.map((t) => themeNode(t, names.get(t.id)!)).sort(byValue);
      const value = children.reduce((sum, c) => sum + c.value, 0);
      const heads = [...new Set(children.slice(0, 3).map((c) => headTerm(c.name)))];
      const zh = members.filter((m) => m.labelZh).map((m) => headTerm(m.labelZh!));
      return { key: `cluster:${cluster}`, name: heads.join(" / "), nameZh: zh.length ? [...new Set(zh)].slice(0, 3).join(" / ") : null, value, children };
    })
    .sort(byValue);
}

export function hierarchy(themes: readonly DashboardTheme[], areas: readonly AreaRow[], similarity: Similarity, options: { areaCount?: number } = {}): Hierarchy {
  const names = uniqueNames(themes);
  const basis = areas.length > 0 ? "areas" : "clustering";
  const children = basis === "areas" ? fromAreas(themes, areas, names) : fromClustering(themes, similarity, names, options.areaCount ?? defaultAreaCount(themes.length));
  const root: TreeNode = { key: "root", name: "", nameZh: null, value: children.reduce((s, c) => s + c.value, 0), children };
  return { basis, root, areaCount: children.length };
}
