import { describe, expect, it } from "vitest";
import { optimiseAlpha } from "@/lib/topics/hyperparameters";
import { documentLogLikelihood } from "@/lib/topics/lda-counts";
import { createRandom } from "@/lib/topics/random";
import { categorical, dirichlet } from "./planted-corpus";

/** Document–topic counts drawn from the Dirichlet-multinomial with a known α. */
function sampleCounts(alpha: number[], documents: number, length: number, seed: number): Int32Array {
  const random = createRandom(seed);
  const k = alpha.length;
  const ndk = new Int32Array(documents * k);
  for (let d = 0; d < documents; d++) {
    const theta = dirichlet(alpha, random);
    for (let i = 0; i < length; i++) ndk[d * k + categorical(theta, random)]++;
  }
  return ndk;
}

describe("optimiseAlpha", () => {
  const truth = [2, 0.5, 0.2, 0.1, 0.05];
  const ndk = sampleCounts(truth, 3000, 60, 4);

  it("recovers the α counts were drawn from to within 10 % per topic, from a symmetric start", () => {
    const alpha = new Float64Array(5).fill(0.3);
    const sum = optimiseAlpha(ndk, 5, alpha, { iterations: 1000 });
    alpha.forEach((a, t) => expect(Math.abs(a / truth[t] - 1)).toBeLessThan(0.1));
    expect(sum).toBeCloseTo(alpha.reduce((a, b) => a + b, 0), 10);
  });

  it("raises ln p(z | α) at every step of the fixed point", () => {
    const alpha = new Float64Array(5).fill(1);
    let previous = documentLogLikelihood(ndk, 5, alpha);
    for (let step = 0; step < 10; step++) {
      optimiseAlpha(ndk, 5, alpha, { iterations: 1 });
      const current = documentLogLikelihood(ndk, 5, alpha);
      expect(current).toBeGreaterThanOrEqual(previous - 1e-6);
      previous = current;
    }
  });

  it("keeps a topic no document uses at a small positive α", () => {
    const unused = Int32Array.of(3, 0, 5, 0, 2, 0);
    const alpha = Float64Array.of(0.5, 0.5);
    optimiseAlpha(unused, 2, alpha, { iterations: 200 });
    expect(alpha[1]).toBeGreaterThan(0);
    expect(alpha[1]).toBeLessThan(1e-3);
    expect(alpha[1]).toBeLessThan(alpha[0]);
  });
});

describe("documentLogLikelihood", () => {
  it("matches the Pólya urn: two tokens in topic 0 of two with α = (1, 1) have p = 1/2 · 2/3", () => {
    expect(documentLogLikelihood(Int32Array.of(2, 0), 2, Float64Array.of(1, 1))).toBeCloseTo(Math.log(1 / 3), 12);
  });

  it("matches the Dirichlet-multinomial computed independently with Python's lgamma", () => {
    // Two documents (3, 1) and (0, 2) under α = (0.5, 0.2): Σ_d lnΓ(0.7) − lnΓ(n_d + 0.7) + Σ_t lnΓ(n_dt + α_t) − lnΓ(α_t).
    expect(documentLogLikelihood(Int32Array.of(3, 1, 0, 2), 2, Float64Array.of(0.5, 0.2))).toBeCloseTo(-5.05743681555921, 10);
  });
});
