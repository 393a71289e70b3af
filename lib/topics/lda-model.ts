// A trained LDA model: topic-word and document-topic distributions, inference, and its saved form.
import { z } from "zod";
import type { LdaCounts } from "./lda-counts";
import { foldIn } from "./fold-in";

export const LDA_VERSION = "gibbs-2";

/**
 * The settings a model was trained with. `alpha` is the starting symmetric α per topic; the learned,
 * asymmetric α is `LdaModel.alpha`. The same params and corpus give the same model.
 */
export type LdaParams = {
  k: number;
  alpha: number;
  beta: number;
  seed: number;
  iterations: number;
  threads: number;
  /** α is re-estimated every this many sweeps after `burnIn`; 0 keeps it fixed. */
  optimiseEvery: number;
  burnIn: number;
};
export type TopicWord = { term: string; weight: number };
export type InferOptions = { iterations?: number; seed?: number };

export const inferDefaults = { iterations: 100, seed: 0 } as const;

const ZCount = z.number().int().nonnegative();
const ZParams = z.object({
  k: z.number().int().positive(),
  alpha: z.number().positive(),
  beta: z.number().positive(),
  seed: z.number(),
  iterations: z.number().int().positive(),
  threads: z.number().int().positive(),
  optimiseEvery: z.number().int().nonnegative(),
  burnIn: z.number().int().nonnegative(),
});
const ZLdaJson = z
  .object({
    version: z.literal(LDA_VERSION),
    params: ZParams,
    alpha: z.array(z.number().positive()),
    vocab: z.array(z.string()),
    nwk: z.array(ZCount),
    ndk: z.array(ZCount),
  })
  .refine((m) => m.alpha.length === m.params.k, "alpha must hold k values")
  .refine((m) => m.nwk.length === m.vocab.length * m.params.k, "nwk must hold vocab × k counts")
  .refine((m) => m.ndk.length % m.params.k === 0, "ndk must hold documents × k counts");

/** Models saved before α was learned ("gibbs-1": one symmetric α, one thread). */
const ZLegacyJson = z
  .object({
    version: z.literal("gibbs-1"),
    params: ZParams.pick({ k: true, alpha: true, beta: true, seed: true, iterations: true }),
    vocab: z.array(z.string()),
    nwk: z.array(ZCount),
    ndk: z.array(ZCount),
  })
  .refine((m) => m.nwk.length === m.vocab.length * m.params.k, "nwk must hold vocab × k counts")
  .refine((m) => m.ndk.length % m.params.k === 0, "ndk must hold documents × k counts");

/** The saved form: parameters, learned α, version, vocabulary and the row-major counts (see `LdaCounts`). */
export type LdaJson = z.infer<typeof ZLdaJson>;

export type LdaModelInit = { params: LdaParams; alpha: Float64Array; vocab: readonly string[]; counts: LdaCounts };

export class LdaModel {
  readonly version = LDA_VERSION;
  readonly k: number;
  readonly vocab: readonly string[];
  readonly params: Readonly<LdaParams>;
  /** The Dirichlet prior over each document's topics, learned when `params.optimiseEvery` > 0. */
  readonly alpha: Float64Array;
  readonly documentCount: number;
  /** Gibbs sweeps the counts come from. */
  readonly sweeps: number;
  readonly #counts: LdaCounts;
  #phi: Float64Array | undefined;

  /** Wraps finished counts; train with `trainLda`, restore with `loadLda`. */
  constructor(init: LdaModelInit) {
    this.k = init.params.k;
    this.params = Object.freeze({ ...init.params });
    this.alpha = Float64Array.from(init.alpha);
    this.vocab = Object.freeze([...init.vocab]);
    this.documentCount = init.counts.ndk.length / this.k;
    this.sweeps = init.params.iterations;
    this.#counts = init.counts;
  }

  /** φ, word-major: `phi[w * k + t]` = (n_wt + β) / (n_t + Vβ). */
  #topicWordDistribution(): Float64Array {
    if (this.#phi) return this.#phi;
    const { k, vocab } = this;
    const { nwk, nk } = this.#counts;
    const { beta } = this.params;
    const phi = new Float64Array(nwk.length);
    for (let i = 0; i < nwk.length; i++) phi[i] = (nwk[i] + beta) / (nk[i % k] + vocab.length * beta);
    return (this.#phi = phi);
  }

  /**
   * p(w | topic) for every vocabulary term, in vocabulary order (sums to one).
   * @example model.phi(0) // => Float64Array [0.081, 0.0001, …] (vocab.length values)
   */
  phi(topic: number): Float64Array {
    this.#checkTopic(topic);
    const phi = this.#topicWordDistribution();
    const { k } = this;
    return Float64Array.from({ length: this.vocab.length }, (_, w) => phi[w * k + topic]);
  }

  /**
   * The n most probable terms of a topic with φ, ties broken by vocabulary order.
   * @example model.topicWords(0, 3) // => [{ term: "battery", weight: 0.081 }, …]
   */
  topicWords(topic: number, n: number): TopicWord[] {
    const phi = this.phi(topic);
    return this.vocab
      .map((term, w) => ({ term, weight: phi[w] }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, n);
  }

  /**
   * The n most relevant terms of a topic (Sievert & Shirley 2014, LDAvis):
   * relevance = λ·log φ_tw + (1 − λ)·log(φ_tw / p_w), with p_w the term's corpus frequency. λ = 0.6 is
   * the value their user study found best for interpreting topics; λ = 1 is plain `topicWords`.
   * `weight` stays φ_tw so shares remain comparable.
   */
  relevantWords(topic: number, n: number, lambda = 0.6): TopicWord[] {
    const phi = this.phi(topic);
    const { k, vocab } = this;
    const { nwk } = this.#counts;
    let total = 0;
    for (let i = 0; i < nwk.length; i++) total += nwk[i];
    return vocab
      .map((term, w) => {
        let nw = 0;
        for (let t = 0; t < k; t++) nw += nwk[w * k + t];
        const p = phi[w];
        const pw = (nw + 1) / (total + vocab.length);
        return { term, weight: p, relevance: lambda * Math.log(p) + (1 - lambda) * Math.log(p / pw) };
      })
      .sort((a, b) => b.relevance - a.relevance)
      .slice(0, n)
      .map(({ term, weight }) => ({ term, weight }));
  }

  /**
   * θ of a training document: (n_dt + α_t) / (n_d + Σα).
   * @example model.documentTopics(0) // => Float64Array [0.97, 0.01, 0.01, 0.01]
   */
  documentTopics(d: number): Float64Array {
    if (!Number.isInteger(d) || d < 0 || d >= this.documentCount) throw new RangeError(`no document ${d}`);
    const row = this.#counts.ndk.subarray(d * this.k, (d + 1) * this.k);
    let n = 0;
    let alphaSum = 0;
    for (let t = 0; t < this.k; t++) {
      n += row[t];
      alphaSum += this.alpha[t];
    }
    return Float64Array.from(row, (count, t) => (count + this.alpha[t]) / (n + alphaSum));
  }

  /**
   * θ of a new document (token ids into `vocab`; others are ignored) by fold-in Gibbs sampling with
   * φ and the learned α fixed (see `foldIn`). Deterministic per seed.
   * @example model.infer(Int32Array.of(4, 4, 9)) // => Float64Array [0.02, 0.95, 0.02, 0.01]
   */
  infer(tokens: Int32Array, options: InferOptions = {}): Float64Array {
    const iterations = options.iterations ?? inferDefaults.iterations;
    if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError("iterations must be ≥ 1");
    const known = tokens.filter((w) => w >= 0 && w < this.vocab.length);
    const seed = options.seed ?? inferDefaults.seed;
    return foldIn({ phi: this.#topicWordDistribution(), k: this.k, tokens: known, alpha: this.alpha, iterations, seed });
  }

  /** The model's parts as it was built from them, to move it between threads without a JSON copy. */
  toInit(): LdaModelInit {
    return { params: { ...this.params }, alpha: this.alpha, vocab: this.vocab, counts: this.#counts };
  }

  toJSON(): LdaJson {
    const { nwk, ndk } = this.#counts;
    return { version: LDA_VERSION, params: { ...this.params }, alpha: [...this.alpha], vocab: [...this.vocab], nwk: [...nwk], ndk: [...ndk] };
  }

  #checkTopic(topic: number): void {
    if (!Number.isInteger(topic) || topic < 0 || topic >= this.k) throw new RangeError(`no topic ${topic}`);
  }
}

/**
 * Restores a model saved with `toJSON` (validated: a bad file throws a ZodError). Models saved by the
 * first engine ("gibbs-1") load with their single α for every topic.
 */
export function loadLda(json: unknown): LdaModel {
  const legacy = (json as { version?: unknown } | null)?.version === "gibbs-1";
  const saved = legacy ? upgrade(ZLegacyJson.parse(json)) : ZLdaJson.parse(json);
  const { k } = saved.params;
  const nwk = Int32Array.from(saved.nwk);
  const nk = new Int32Array(k);
  for (let i = 0; i < nwk.length; i++) nk[i % k] += nwk[i];
  const counts = { k, vocabSize: saved.vocab.length, nwk, ndk: Int32Array.from(saved.ndk), nk };
  return new LdaModel({ params: saved.params, alpha: Float64Array.from(saved.alpha), vocab: saved.vocab, counts });
}

function upgrade(saved: z.infer<typeof ZLegacyJson>): LdaJson {
  const params = { ...saved.params, threads: 1, optimiseEvery: 0, burnIn: 0 };
  return { ...saved, version: LDA_VERSION, params, alpha: new Array(params.k).fill(params.alpha) };
}
