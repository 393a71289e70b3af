// Least-squares fit of a logistic S-curve y = K / (1 + e^(−r (x − x0))), the classic model of a
// technology's cumulative output (Fisher & Pry 1971; Meyer 1994, "Bi-logistic growth", TFSC 47).
// K enters linearly, so for a given (r, x0) its best value has a closed form and only (ln r, x0) are
// searched: a coarse grid, then Nelder–Mead. That is robust without starting values.

export type Point = { x: number; y: number };

export type LogisticFit = {
  /** K, the saturation level. */
  saturation: number;
  /** r, per unit of x. */
  rate: number;
  /** x0, the inflection point (where y = K / 2). */
  midpoint: number;
  /** Residual sum of squares. */
  sse: number;
  /** 1 − SSE / total sum of squares. */
  r2: number;
  /** K hit the cap: the data show no saturation, and K is only a lower bound. */
  bounded: boolean;
};

export type LogisticFitOptions = {
  /** K may be at most this multiple of the largest y (default 20). */
  maxSaturationRatio?: number;
};

export const logisticValue = (fit: Pick<LogisticFit, "saturation" | "rate" | "midpoint">, x: number) =>
  fit.saturation / (1 + Math.exp(-fit.rate * (x - fit.midpoint)));

type Profile = { sse: number; saturation: number; bounded: boolean };

/** The best K for fixed (r, x0): K = Σ y g / Σ g², clamped to (0, cap]; SSE is quadratic in K. */
function profile(points: readonly Point[], rate: number, midpoint: number, cap: number): Profile {
  let gy = 0;
  let gg = 0;
  const g = points.map((p) => 1 / (1 + Math.exp(-rate * (p.x - midpoint))));
  points.forEach((p, i) => {
    gy += g[i] * p.y;
    gg += g[i] * g[i];
  });
  const free = gg > 0 ? gy / gg : cap;
  const saturation = Math.min(Math.max(free, Number.MIN_VALUE), cap);
  let sse = 0;
  points.forEach((p, i) => (sse += (p.y - saturation * g[i]) ** 2));
  return { sse, saturation, bounded: free >= cap };
}

/** Nelder–Mead on two variables (Lagarias et al. 1998 coefficients), to a tolerance on the simplex size. */
function nelderMead(f: (v: [number, number]) => number, start: [number, number], step: [number, number]): [number, number] {
  let simplex: { v: [number, number]; f: number }[] = [
    start,
    [start[0] + step[0], start[1]],
    [start[0], start[1] + step[1]],
  ].map((v) => ({ v: v as [number, number], f: f(v as [number, number]) }));
  const at = (a: [number, number], b: [number, number], t: number): [number, number] => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  for (let iteration = 0; iteration < 2000; iteration++) {
    simplex.sort((a, b) => a.f - b.f);
    const [best, middle, worst] = simplex;
    const size = Math.max(Math.abs(worst.v[0] - best.v[0]) + Math.abs(middle.v[0] - best.v[0]), Math.abs(worst.v[1] - best.v[1]) + Math.abs(middle.v[1] - best.v[1]));
    if (size < 1e-12) break;
    const centroid: [number, number] = [(best.v[0] + middle.v[0]) / 2, (best.v[1] + middle.v[1]) / 2];
    const reflected = at(centroid, worst.v, -1);
    const fr = f(reflected);
    if (fr < best.f) {
      const expanded = at(centroid, worst.v, -2);
      const fe = f(expanded);
      simplex[2] = fe < fr ? { v: expanded, f: fe } : { v: reflected, f: fr };
    } else if (fr < middle.f) {
      simplex[2] = { v: reflected, f: fr };
    } else {
      const contracted = fr < worst.f ? at(centroid, reflected, 0.5) : at(centroid, worst.v, 0.5);
      const fc = f(contracted);
      if (fc < Math.min(fr, worst.f)) simplex[2] = { v: contracted, f: fc };
      else {
        simplex = simplex.map((s, i) => {
          if (i === 0) return s;
          const v = at(best.v, s.v, 0.5);
          return { v, f: f(v) };
        });
      }
    }
  }
  return simplex.sort((a, b) => a.f - b.f)[0].v;
}

/**
 * Fits a logistic curve to points by least squares.
 * @example fitLogistic([0, 1, 2, 3, 4, 5, 6].map((x) => ({ x, y: 10 / (1 + Math.exp(-(x - 3))) })))
 * // => { saturation: 10, rate: 1, midpoint: 3, r2: 1, … }
 * @returns null for fewer than 4 points or no positive y
 */
export function fitLogistic(points: readonly Point[], options: LogisticFitOptions = {}): LogisticFit | null {
  const yMax = Math.max(...points.map((p) => p.y));
  if (points.length < 4 || !(yMax > 0)) return null;
  const cap = yMax * (options.maxSaturationRatio ?? 20);
  const xs = points.map((p) => p.x);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const span = Math.max(xMax - xMin, 1);
  const objective = ([logRate, midpoint]: [number, number]) => profile(points, Math.exp(logRate), midpoint, cap).sse;

  let start: [number, number] = [0, xMin];
  let bestSse = Infinity;
  for (let i = 0; i <= 40; i++) {
    const logRate = Math.log(0.05 / span) + (i / 40) * Math.log(400);
    for (let j = 0; j <= 60; j++) {
      const midpoint = xMin - span + (j / 60) * 3 * span;
      const sse = objective([logRate, midpoint]);
      if (sse < bestSse) [bestSse, start] = [sse, [logRate, midpoint]];
    }
  }
  const [logRate, midpoint] = nelderMead(objective, start, [0.1, span / 20]);
  const rate = Math.exp(logRate);
  const { sse, saturation, bounded } = profile(points, rate, midpoint, cap);
  const mean = points.reduce((a, p) => a + p.y, 0) / points.length;
  const sst = points.reduce((a, p) => a + (p.y - mean) ** 2, 0);
  return { saturation, rate, midpoint, sse, r2: sst > 0 ? 1 - sse / sst : sse === 0 ? 1 : 0, bounded };
}
