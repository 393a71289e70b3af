// One evaluation for every engine, from the files it wrote: NPMI coherence of each topic's top 10
// words (sliding window of 10 over the training texts) and held-out perplexity by document completion.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { npmiCoherence } from "@/lib/topics/coherence";
import { documentCompletion } from "@/lib/topics/perplexity";

const ZPhiFile = z.object({ vocab: z.array(z.string()), phi: z.array(z.array(z.number())) });
const ZOutFile = z.object({ train_seconds: z.number(), sweeps: z.number(), topics: z.array(z.array(z.string())) });

export type Evaluation = { trainSeconds: number; sweeps: number; npmi: number; perplexity: number; topics: string[][] };

/** Symmetric α for folding in held-out halves, the same for every engine (MALLET's starting Σα = 5 at k = 50). */
export const EVALUATION_ALPHA = 0.1;
const TOP_WORDS = 10;

export function readTokens(file: string): string[][] {
  return readFileSync(file, "utf8").split("\n").filter((line) => line !== "").map((line) => line.split(" "));
}

export function evaluateModel(options: { out: string; train: string[][]; heldOut: string[][] }): Evaluation {
  const out = ZOutFile.parse(JSON.parse(readFileSync(options.out, "utf8")));
  const { vocab, phi: rows } = ZPhiFile.parse(JSON.parse(readFileSync(`${options.out}.phi.json`, "utf8")));
  const k = rows.length;
  const v = vocab.length;
  const phi = new Float64Array(v * k);
  rows.forEach((row, t) => {
    if (row.length !== v) throw new Error(`${options.out}.phi.json: topic ${t} has ${row.length} probabilities for ${v} terms`);
    row.forEach((p, w) => (phi[w * k + t] = p));
  });
  const topics = rows.map((row) =>
    row
      .map((p, w) => ({ p, w }))
      .sort((a, b) => b.p - a.p || a.w - b.w)
      .slice(0, TOP_WORDS)
      .map(({ w }) => vocab[w]),
  );
  const npmi = npmiCoherence({ topics, documents: options.train, window: 10 }).mean;
  const index = new Map(vocab.map((term, id) => [term, id]));
  const documents = options.heldOut.map((doc) => {
    const ids = doc.map((term) => index.get(term));
    if (ids.some((id) => id === undefined)) throw new Error(`${options.out}: a held-out token is missing from the model's vocabulary`);
    return Int32Array.from(ids as number[]);
  });
  const alpha = new Float64Array(k).fill(EVALUATION_ALPHA);
  const { perplexity } = documentCompletion({ phi, k, documents, alpha, iterations: 100, seed: 1 });
  return { trainSeconds: out.train_seconds, sweeps: out.sweeps, npmi, perplexity, topics };
}
