// The tensor maths against plain-JS reference values: topic metrics, the map's MDS, trend forecasts.
import { describe, expect, it } from "vitest";
import { loadTensorflow } from "@/lib/tensor/backend";
import { cosineMatrix, jensenShannonMatrix } from "@/lib/tensor/topic-metrics";
import { classicalMds } from "@/lib/tensor/embedding";
import { forecastTrends, studentTQuantile } from "@/lib/tensor/forecast";
import { divergenceMatrix } from "@/lib/topics/areas";
import { createRandom } from "@/lib/topics/random";

const F32 = 4; // decimal places float32 arithmetic keeps

function randomDistributions(k: number, v: number, seed: number): Float64Array[] {
  const random = createRandom(seed);
  return Array.from({ length: k }, () => {
    // Sparse-ish like φ: some exact zeros.
    const row = Float64Array.from({ length: v }, () => (random.next() < 0.3 ? 0 : random.next() ** 3));
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((x) => x / sum);
  });
}

function plainCosine(a: Float64Array, b: Float64Array): number {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

describe("the backend", () => {
  it("loads once and says which", async () => {
    const lines: string[] = [];
    const first = await loadTensorflow((l) => lines.push(l));
    const second = await loadTensorflow((l) => lines.push(l));
    expect(second).toBe(first);
    expect(["tensorflow", "wasm", "cpu"]).toContain(first.backend);
    expect(first.tf.getBackend()).toBe(first.backend === "tensorflow" ? "tensorflow" : first.backend);
  });
});

describe("topic metrics", () => {
  const phis = randomDistributions(6, 300, 9);
  it("cosine similarity matches plain JS", async () => {
    const m = await cosineMatrix(phis);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) expect(m[i][j]).toBeCloseTo(plainCosine(phis[i], phis[j]), F32);
  });
  it("Jensen–Shannon divergence matches lib/topics/areas", async () => {
    const m = await jensenShannonMatrix(phis);
    const reference = divergenceMatrix(phis);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) expect(m[i][j]).toBeCloseTo(reference[i][j], F32);
    expect((await jensenShannonMatrix([Float64Array.of(1, 0), Float64Array.of(0, 1)]))[0][1]).toBeCloseTo(1, F32);
  });
});

describe("classical MDS", () => {
  it("places points that really are in the plane at their true distances", async () => {
    const points = [[0, 0], [3, 0], [0, 4], [5, 5], [-2, 1], [1, -3]];
    const d = points.map((p) => points.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1])));
    const xy = await classicalMds(d);
    for (let i = 0; i < points.length; i++) {
      for (let j = 0; j < points.length; j++) expect(Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1])).toBeCloseTo(d[i][j], 2);
    }
    // Centred, and the first axis carries the larger spread.
    expect(xy.reduce((s, p) => s + p[0], 0)).toBeCloseTo(0, 3);
    const spread = (a: number) => xy.reduce((s, p) => s + p[a] ** 2, 0);
    expect(spread(0)).toBeGreaterThanOrEqual(spread(1));
    expect(await classicalMds(d)).toEqual(xy);
  });
  it("gives a 1-D configuration a zero second axis", async () => {
    const xs = [0, 1, 3, 7];
    const xy = await classicalMds(xs.map((a) => xs.map((b) => Math.abs(a - b))));
    xy.forEach((p, i) => {
      expect(Math.abs(p[1])).toBeLessThan(1e-2);
      expect(Math.abs(p[0] - xy[0][0])).toBeCloseTo(xs[i], 2);
    });
  });
});

describe("trend forecasts", () => {
  it("uses the Student t quantiles of the tables", () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentTQuantile(0.95, 3)).toBeCloseTo(2.353, 3);
  });
  it("fits ln(1 + volume) on year as plain least squares does, with its prediction interval", async () => {
    const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021];
    const series = [[3, 5, 9, 14, 30, 55, 90], [20, 18, 21, 19, 22, 20, 21], [0, 0, 1, 0, 2, 1, 3]];
    const fits = await forecastTrends({ years, series, horizon: [2022, 2025], level: 0.95 });
    series.forEach((s, t) => {
      // Plain JS reference.
      const y = s.map(Math.log1p);
      const n = years.length;
      const mx = years.reduce((a, b) => a + b, 0) / n;
      const my = y.reduce((a, b) => a + b, 0) / n;
      const sxx = years.reduce((a, x) => a + (x - mx) ** 2, 0);
      const slope = years.reduce((a, x, i) => a + (x - mx) * (y[i] - my), 0) / sxx;
      const sse = years.reduce((a, x, i) => a + (y[i] - (my + slope * (x - mx))) ** 2, 0);
      const sigma = Math.sqrt(sse / (n - 2));
      expect(fits[t].slope).toBeCloseTo(slope, F32);
      expect(fits[t].intercept).toBeCloseTo(my, 3);
      expect(fits[t].sigma).toBeCloseTo(sigma, 3);
      const x0 = 2025 - mx;
      const half = 2.5706 * sigma * Math.sqrt(1 + 1 / n + (x0 * x0) / sxx);
      const point = fits[t].forecast[1];
      expect(point.value).toBeCloseTo(Math.expm1(my + slope * x0), 1);
      expect(point.upper).toBeCloseTo(Math.expm1(my + slope * x0 + half), 0);
      expect(point.lower).toBeLessThanOrEqual(point.value);
    });
    expect(fits[0].growth).toBeGreaterThan(0.5);
    expect(Math.abs(fits[1].growth)).toBeLessThan(0.05);
  });
  it("refuses too short or ragged series", async () => {
    await expect(forecastTrends({ years: [2020, 2021], series: [[1, 2]], horizon: [2022] })).rejects.toThrow(RangeError);
    await expect(forecastTrends({ years: [2020, 2021, 2022], series: [[1, 2]], horizon: [2023] })).rejects.toThrow(RangeError);
  });
});
