// The benchmark corpus: NeurIPS abstracts through the scan pipeline's text steps, split into training
// and held-out documents, written as token files so that every engine sees exactly the same tokens.
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import { tokenise } from "@/lib/text/tokenise";
import { applyPhrases, buildCorpus, detectPhrases, encodeTokens, vocabularyIndex } from "@/lib/text/vocabulary";
import { createRandom } from "@/lib/topics/random";

export type BenchData = {
  dir: string;
  train: string;
  heldOut: string;
  meta: { documents: number; trainDocuments: number; heldOutDocuments: number; trainTokens: number; heldOutTokens: number; vocabulary: number };
};

const ZRecord = z.object({ text: z.string() });
/** A held-out document needs tokens in both halves for document completion. */
const MIN_HELD_OUT_TOKENS = 4;

async function readTexts(file: string): Promise<string[]> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const texts: string[] = [];
  for await (const line of lines) if (line.trim()) texts.push(ZRecord.parse(JSON.parse(line)).text);
  return texts;
}

/** A seeded Fisher–Yates shuffle of 0 … n − 1. */
function shuffled(n: number, seed: number): number[] {
  const random = createRandom(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * Tokenises (English + Chinese), holds out `heldOutShare` of the documents (seeded), finds phrases and
 * builds the vocabulary on the training documents only, with prepareCorpus's settings (lib/scans), and
 * encodes the held-out documents with that vocabulary. Prepared afresh on every run (a few seconds),
 * so a change to the text pipeline is never hidden by an old file.
 */
export async function prepareBenchData(options: { source: string; dir: string; heldOutShare?: number; seed?: number }): Promise<BenchData> {
  const { source, dir, heldOutShare = 0.1, seed = 2024 } = options;
  const train = path.join(dir, "train.tokens");
  const heldOut = path.join(dir, "heldout.tokens");
  mkdirSync(dir, { recursive: true });
  const texts = await readTexts(source);
  const tokens = texts.map((text) => tokenise(text, { language: "auto" }));
  const order = shuffled(tokens.length, seed);
  const heldOutCount = Math.round(tokens.length * heldOutShare);
  const heldOutIds = new Set(order.slice(0, heldOutCount));
  const trainTokens = tokens.filter((_, i) => !heldOutIds.has(i));
  const phrases = detectPhrases(trainTokens, { minCount: 5 });
  const corpus = buildCorpus(trainTokens.map((t) => applyPhrases(t, phrases)), { minDf: 3, maxDfRatio: 0.5 });
  const index = vocabularyIndex(corpus.vocab);
  const asLine = (ids: Int32Array) => Array.from(ids, (id) => corpus.vocab[id]).join(" ");
  const trainLines = corpus.docs.filter((doc) => doc.length > 0).map(asLine);
  const heldOutLines = tokens
    .filter((_, i) => heldOutIds.has(i))
    .map((t) => encodeTokens(applyPhrases(t, phrases), index))
    .filter((doc) => doc.length >= MIN_HELD_OUT_TOKENS)
    .map(asLine);
  writeFileSync(train, `${trainLines.join("\n")}\n`);
  writeFileSync(heldOut, `${heldOutLines.join("\n")}\n`);
  const count = (lines: string[]) => lines.reduce((n, line) => n + line.split(" ").length, 0);
  const meta = {
    documents: texts.length,
    trainDocuments: trainLines.length,
    heldOutDocuments: heldOutLines.length,
    trainTokens: count(trainLines),
    heldOutTokens: count(heldOutLines),
    vocabulary: corpus.vocab.length,
  };
  writeFileSync(path.join(dir, "meta.json"), JSON.stringify(meta, null, 2));
  return { dir, train, heldOut, meta };
}
