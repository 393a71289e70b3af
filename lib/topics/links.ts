// Links between topics: how much they share documents. The weight is the cosine of the two topics'
// document-weight vectors (θ columns as stored in document_theme), the same measure the dashboard
// falls back on (lib/dashboard/similarity.ts), so stored links and the dashboard's map agree.

export type TopicLink = { from: number; to: number; weight: number };
export type TopicDocuments = readonly { documentId: string; weight: number }[];

/** Pairs whose cosine reaches this: in the demo set about the strongest third (lib/dashboard/network.ts). */
export const LINK_THRESHOLD = 0.05;
/**
 * A topic's strongest links kept; a pair stays when it is among the strongest of either of its topics.
 * On corpora where every topic shares documents with every other (short abstracts, few topics: all
 * 45 pairs of a 10-topic NeurIPS model pass the threshold) the network keeps its structure instead
 * of becoming a complete graph.
 */
export const LINKS_PER_TOPIC = 3;

/**
 * One link per unordered pair of topics (from < to) whose document-weight cosine reaches `threshold`
 * and is among the `perTopic` strongest of at least one of the two topics, strongest first (ties by index).
 * @example topicLinks([[{ documentId: "a", weight: 1 }], [{ documentId: "a", weight: 1 }], []])
 * // => [{ from: 0, to: 1, weight: 1 }]
 */
export function topicLinks(topics: readonly TopicDocuments[], options: { threshold?: number; perTopic?: number } = {}): TopicLink[] {
  const threshold = options.threshold ?? LINK_THRESHOLD;
  const perTopic = options.perTopic ?? LINKS_PER_TOPIC;
  const vectors = topics.map((docs) => new Map(docs.map((d) => [d.documentId, d.weight])));
  const norms = vectors.map((v) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0)));
  const links: TopicLink[] = [];
  for (let i = 0; i < topics.length; i++) {
    for (let j = i + 1; j < topics.length; j++) {
      if (norms[i] === 0 || norms[j] === 0) continue;
      const [small, large] = vectors[i].size <= vectors[j].size ? [vectors[i], vectors[j]] : [vectors[j], vectors[i]];
      let dot = 0;
      for (const [id, w] of small) dot += w * (large.get(id) ?? 0);
      const weight = Math.min(1, dot / (norms[i] * norms[j]));
      if (weight >= threshold) links.push({ from: i, to: j, weight });
    }
  }
  links.sort((a, b) => b.weight - a.weight || a.from - b.from || a.to - b.to);
  // Strongest first, so each topic's first `perTopic` links are its strongest.
  const kept = new Array<number>(topics.length).fill(0);
  const strongest = new Set<TopicLink>();
  for (const link of links) {
    if (kept[link.from] < perTopic || kept[link.to] < perTopic) strongest.add(link);
    kept[link.from]++;
    kept[link.to]++;
  }
  return links.filter((l) => strongest.has(l));
}
