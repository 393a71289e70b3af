// Links between themes for the network chart: the set's stored ThemeLink rows when it has any, else
// the pairs whose similarity reaches a threshold (default 0.05: in the demo set that keeps about the
// strongest third of the pairs; below it a link means a handful of shared documents).
import { uniqueNames } from "./river";
import type { Similarity } from "./similarity";
import type { DashboardTheme, LinkRow } from "./types";

export const LINK_THRESHOLD = 0.05;

export type NetworkNode = { themeId: string; name: string; volume: number; degree: number };
export type NetworkEdge = { source: string; target: string; weight: number };
export type Network = { nodes: NetworkNode[]; edges: NetworkEdge[]; basis: "links" | Similarity["basis"]; threshold: number | null };

export function network(themes: readonly DashboardTheme[], links: readonly LinkRow[], similarity: Similarity, options: { threshold?: number } = {}): Network {
  const ids = new Set(themes.map((t) => t.id));
  let edges: NetworkEdge[];
  let basis: Network["basis"];
  let threshold: number | null = null;
  const stored = links.filter((l) => ids.has(l.fromId) && ids.has(l.toId) && l.fromId !== l.toId);
  if (stored.length > 0) {
    basis = "links";
    // A link stored both ways is one edge, with the larger weight.
    const byPair = new Map<string, NetworkEdge>();
    for (const l of stored) {
      const [source, target] = l.fromId < l.toId ? [l.fromId, l.toId] : [l.toId, l.fromId];
      const key = `${source} ${target}`;
      const previous = byPair.get(key);
      if (!previous || l.weight > previous.weight) byPair.set(key, { source, target, weight: l.weight });
    }
    edges = [...byPair.values()];
  } else {
    basis = similarity.basis;
    threshold = options.threshold ?? LINK_THRESHOLD;
    edges = [];
    const { ids: order, matrix } = similarity;
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        if (!ids.has(order[i]) || !ids.has(order[j]) || !(matrix[i][j] >= threshold)) continue;
        const [source, target] = order[i] < order[j] ? [order[i], order[j]] : [order[j], order[i]];
        edges.push({ source, target, weight: matrix[i][j] });
      }
    }
  }
  edges.sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1));
  const degree = new Map<string, number>();
  for (const e of edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const names = uniqueNames(themes);
  const nodes = themes.map((t) => ({ themeId: t.id, name: names.get(t.id)!, volume: t.indicators?.volume ?? 0, degree: degree.get(t.id) ?? 0 }));
  return { nodes, edges, basis, threshold };
}
