// The topic map: themes placed in 2-D so that similar themes sit close, sized by volume. Distances
// are the chord distance between unit vectors, d = √(2(1 − s)) for cosine similarity s, which is
// Euclidean. Classical MDS gives the starting layout and SMACOF then lowers its stress (mds.ts), so
// a single strong pair does not squeeze every other theme into a corner.
import { classicalMds, smacof } from "./mds";
import { uniqueNames } from "./river";
import type { Similarity } from "./similarity";
import type { DashboardTheme } from "./types";

export type MapPoint = {
  themeId: string;
  name: string;
  x: number;
  y: number;
  volume: number;
  documentCount: number;
  /** The most similar other theme: what the map says about this theme, for readers who cannot see it. */
  nearest: { themeId: string; similarity: number } | null;
};
export type TopicMap = { points: MapPoint[]; basis: Similarity["basis"] };

export const chordDistance = (similarity: number) => Math.sqrt(Math.max(0, 2 * (1 - similarity)));

export function topicMap(themes: readonly DashboardTheme[], similarity: Similarity): TopicMap {
  const names = uniqueNames(themes);
  const position = new Map(similarity.ids.map((id, i) => [id, i]));
  const order = themes.map((t) => position.get(t.id)).filter((i): i is number => i !== undefined);
  const distances = order.map((i) => order.map((j) => chordDistance(similarity.matrix[i][j])));
  const coordinates = smacof(distances, classicalMds(distances, 2));
  const present = themes.filter((t) => position.has(t.id));
  const nearest = (k: number): MapPoint["nearest"] => {
    let best: MapPoint["nearest"] = null;
    order.forEach((j, m) => {
      const s = similarity.matrix[order[k]][j];
      if (m !== k && (!best || s > best.similarity)) best = { themeId: present[m].id, similarity: round(s) };
    });
    return best;
  };
  return {
    basis: similarity.basis,
    points: present.map((t, k) => ({
      themeId: t.id,
      name: names.get(t.id)!,
      x: round(coordinates[k][0]),
      y: round(coordinates[k][1]),
      volume: t.indicators?.volume ?? 0,
      documentCount: t.indicators?.documentCount ?? t.documentCount,
      nearest: nearest(k),
    })),
  };
}

/** Six decimals: enough for a chart, and the same output on every platform. */
const round = (x: number) => Math.round(x * 1e6) / 1e6 + 0;
