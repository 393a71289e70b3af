// Topic coherence by normalised PMI over sliding windows (Röder, Both & Hinneburg 2015, "Exploring the
// space of topic coherence measures", WSDM: C_NPMI), the measure gensim calls "c_npmi".

export type CoherenceOptions = {
  /** Each topic's top words, best first (the caller decides how many: 10 is usual). */
  topics: readonly (readonly string[])[];
  /** The reference texts as token sequences (usually the training corpus). */
  documents: readonly (readonly string[])[];
  /** Window length in tokens; a document shorter than this is one window. */
  window?: number;
};

export type Coherence = { perTopic: number[]; mean: number };

/** gensim's smoothing of the joint probability, so pairs never seen together score −1, not −∞. */
const EPSILON = 1e-12;

/** Window counts of every top word and of every pair of them. */
function countWindows(targets: Map<string, number>, documents: readonly (readonly string[])[], window: number) {
  const m = targets.size;
  const single = new Float64Array(m);
  const pair = new Float64Array(m * m);
  const stamp = new Int32Array(m).fill(-1);
  const present = new Int32Array(window);
  let windows = 0;
  for (const doc of documents) {
    const ids = doc.map((token) => targets.get(token) ?? -1);
    const starts = Math.max(1, ids.length - window + 1);
    for (let start = 0; start < starts; start++) {
      let n = 0;
      const end = Math.min(ids.length, start + window);
      for (let i = start; i < end; i++) {
        const id = ids[i];
        if (id >= 0 && stamp[id] !== windows) {
          stamp[id] = windows;
          present[n++] = id;
        }
      }
      for (let a = 0; a < n; a++) {
        single[present[a]]++;
        for (let b = 0; b < n; b++) if (a !== b) pair[present[a] * m + present[b]]++;
      }
      windows++;
    }
  }
  return { single, pair, windows, m };
}

/**
 * Mean NPMI over all pairs of each topic's words: NPMI = ln((p(a,b) + ε) / (p(a) p(b))) / −ln(p(a,b) + ε),
 * with p the share of sliding windows containing the word(s), ε = 1e-12 (as gensim's c_npmi). Topic
 * scores lie in [−1, 1]; a word absent from every window scores its pairs −1.
 * @example npmiCoherence({ topics: [["a", "b"]], documents: [["a", "b"], ["c", "d"]], window: 2 }).mean // => 1
 */
export function npmiCoherence(options: CoherenceOptions): Coherence {
  const window = options.window ?? 10;
  if (!Number.isInteger(window) || window < 1) throw new RangeError("window must be a positive integer");
  const targets = new Map<string, number>();
  for (const topic of options.topics) for (const word of topic) if (!targets.has(word)) targets.set(word, targets.size);
  const { single, pair, windows, m } = countWindows(targets, options.documents, window);
  const perTopic = options.topics.map((topic) => {
    const ids = topic.map((word) => targets.get(word)!);
    let sum = 0;
    let pairs = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const pa = single[ids[i]] / windows;
        const pb = single[ids[j]] / windows;
        const pab = pair[ids[i] * m + ids[j]] / windows;
        sum += pa > 0 && pb > 0 ? Math.log((pab + EPSILON) / (pa * pb)) / -Math.log(pab + EPSILON) : -1;
        pairs++;
      }
    }
    return pairs > 0 ? sum / pairs : 0;
  });
  const mean = perTopic.length > 0 ? perTopic.reduce((a, b) => a + b, 0) / perTopic.length : 0;
  return { perTopic, mean };
}
