// A trained LDA model: topic-word and document-topic distributions, inference, and its saved form.
import { z } from "zod";
import type { LdaCounts } from "./lda-counts";
import { createRandom, sampleCumulative } from "./random";

export const LDA_VERSION = "gibbs-1";

export type LdaParams = { k: number; alpha: number; beta: number; seed: number; iterations: number };
export type TopicWord = { term: string; weight: number };
export type InferOptions = { iterations?: number; seed?: number };

export const inferDefaults = { iterations: 100, seed: 0 } as const;

const ZCount = z.number().int().nonnegative();
const ZLdaJson = z
  .object({
    version: z.literal(LDA_VERSION),
    params: z.object({
      k: z.number().int().positive(),
      alpha: z.number().positive(),
      beta: z.number().positive(),
      seed: z.number(),
      iterations: z.number().int().positive(),
    }),
    vocab: z.array(z.string()),
    nwk: z.array(ZCount),
    ndk: z.array(ZCount),
  })
  .refine((m) => m.nwk.length === m.vocab.length * m.params.k, "nwk must hold vocab × k counts")
  .refine((m) => m.ndk.length % m.params.k === 0, "ndk must hold documents × k counts");

/** The saved form: parameters, version, vocabulary and the row-major counts (see `LdaCounts`). */
export type LdaJson = z.infer<typeof ZLdaJson>;

export class LdaModel {
  readonly version = LDA_VERSION;
  readonly k: number;
  readonly vocab: readonly string[];
  readonly params: Readonly<LdaParams>;
  readonly documentCount: number;
  /** Gibbs sweeps the counts come from. */
  readonly sweeps: number;
  readonly #counts: LdaCounts;
  #phi: Float64Array | undefined;

  /** Wraps finished counts; train with `trainLda`, restore with `loadLda`. */
  constructor(init: { params: LdaParams; vocab: readonly string[]; counts: LdaCounts }) {
    this.k = init.params.k;
    this.params = Object.freeze({ ...init.params });
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
   * The n most probable terms of a topic with φ, ties broken by vocabulary order.
   * @example model.topicWords(0, 3) // => [{ term: "battery", weight: 0.081 }, …]
   */
  topicWords(topic: number, n: number): TopicWord[] {
    this.#checkTopic(topic);
    const phi = this.#topicWordDistribution();
    const { k, vocab } = this;
    return vocab
      .map((term, w) => ({ term, weight: phi[w * k + topic] }))
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
    this.#checkTopic(topic);
    const phi = this.#topicWordDistribution();
    const { k, vocab } = this;
    const { nwk } = this.#counts;
    let total = 0;
    for (let i = 0; i < nwk.length; i++) total += nwk[i];
    return vocab
      .map((term, w) => {
        let nw = 0;
        for (let t = 0; t < k; t++) nw += nwk[w * k + t];
        const p = phi[w * k + topic];
        const pw = (nw + 1) / (total + vocab.length);
        return { term, weight: p, relevance: lambda * Math.log(p) + (1 - lambda) * Math.log(p / pw) };
      })
      .sort((a, b) => b.relevance - a.relevance)
      .slice(0, n)
      .map(({ term, weight }) => ({ term, weight }));
  }

  /**
   * θ of a training document: (n_dt + α) / (n_d + kα).
   * @example model.documentTopics(0) // => Float64Array [0.97, 0.01, 0.01, 0.01]
   */
  documentTopics(d: number): Float64Array {
    if (!Number.isInteger(d) || d < 0 || d >= this.documentCount) throw new RangeError(`no document ${d}`);
    const row = this.#counts.ndk.subarray(d * this.k, (d + 1) * this.k);
    return smoothedShares(row, this.params.alpha);
  }

  /**
   * θ of a new document (token ids into `vocab`; others are ignored) by Gibbs sampling its topics
   * with φ fixed, averaging the counts over the second half of the iterations. Deterministic per seed.
   * @example model.infer(Int32Array.of(4, 4, 9)) // => Float64Array [0.02, 0.95, 0.02, 0.01]
   */
  infer(tokens: Int32Array, options: InferOptions = {}): Float64Array {
    const iterations = options.iterations ?? inferDefaults.iterations;
    const seed = options.seed ?? inferDefaults.seed;
    const { k } = this;
    const { alpha } = this.params;
    const phi = this.#topicWordDistribution();
    const words = tokens.filter((w) => w >= 0 && w < this.vocab.length);
    const random = createRandom(seed);
    const z = words.map(() => random.int(k));
    const counts = new Int32Array(k);
    for (const t of z) counts[t]++;
    const cumulative = new Float64Array(k);
    const sum = new Float64Array(k);
    const burnIn = Math.floor(iterations / 2);
    for (let iteration = 0; iteration < iterations; iteration++) {
      words.forEach((w, i) => {
        counts[z[i]]--;
        let total = 0;
        for (let t = 0; t < k; t++) {
          total += phi[w * k + t] * (counts[t] + alpha);
          cumulative[t] = total;
        }
        z[i] = sampleCumulative(cumulative, k, random);
        counts[z[i]]++;
      });
      if (iteration >= burnIn) for (let t = 0; t < k; t++) sum[t] += counts[t] / (iterations - burnIn);
    }
    return smoothedShares(sum, alpha);
  }

  toJSON(): LdaJson {
    const { nwk, ndk } = this.#counts;
    return { version: LDA_VERSION, params: { ...this.params }, vocab: [...this.vocab], nwk: [...nwk], ndk: [...ndk] };
  }

  #checkTopic(topic: number): void {
    if (!Number.isInteger(topic) || topic < 0 || topic >= this.k) throw new RangeError(`no topic ${topic}`);
  }
}

/** (c_t + α) / (Σc + kα). */
function smoothedShares(counts: ArrayLike<number>, alpha: number): Float64Array {
  let total = 0;
  for (let t = 0; t < counts.length; t++) total += counts[t];
  const shares = new Float64Array(counts.length);
  for (let t = 0; t < counts.length; t++) shares[t] = (counts[t] + alpha) / (total + counts.length * alpha);
  return shares;
}

/** Restores a model saved with `toJSON` (validated: a bad file throws a ZodError). */
export function loadLda(json: unknown): LdaModel {
  const saved = ZLdaJson.parse(json);
  const { k } = saved.params;
  const nwk = Int32Array.from(saved.nwk);
  const nk = new Int32Array(k);
  for (let i = 0; i < nwk.length; i++) nk[i % k] += nwk[i];
  const counts = { k, vocabSize: saved.vocab.length, nwk, ndk: Int32Array.from(saved.ndk), nk };
  return new LdaModel({ params: saved.params, vocab: saved.vocab, counts });
}
