// The prioritised list of key technologies. With a closed ranking round in scope it is that round's
// result as stored at close (selections, mean rank, Kendall's W), ordered as the round report orders
// it; withheld as a whole when fewer experts ranked than the round's minimum n. Without one, the
// technologies are ordered by the importance index of their last round (those accepted, when any
// were), which is how NISTEP ranks topics.
import type { StoredConsensus } from "@/lib/delphi/feedback";
import { shown } from "./figures";
import type { InputRound, ReportInput } from "./report-input";
import type { KeyTechnologies, KeyTechnology, Technology } from "./report-types";
import { chainRoots, roundsInScope } from "./technologies";

function entry(t: Technology | undefined, notes: ReadonlyMap<string, number>): Omit<KeyTechnology, "place" | "key" | "title" | "titleZh" | "selected" | "meanRank"> {
  const h = t ? shown(t.headline) : null;
  return {
    importanceIndex: h?.importanceIndex ?? null,
    agreement: h?.agreement ?? null,
    disagreement: h?.disagreement ?? null,
    realisationMedian: t ? (shown(t.realisation)?.median ?? null) : null,
    outcome: t?.outcome ?? null,
    evidence: t?.evidence ?? null,
    dissentNotes: t ? (notes.get(t.key) ?? 0) : 0,
  };
}

/** Minority notes per technology (chain root), for the "dissent" column. */
export function notesPerTechnology(input: ReportInput): Map<string, number> {
  const roots = chainRoots(input.rounds);
  const counts = new Map<string, number>();
  for (const note of input.notes) {
    const root = roots.get(note.itemId);
    if (root) counts.set(root, (counts.get(root) ?? 0) + 1);
  }
  return counts;
}

function fromRanking(input: ReportInput, round: InputRound, technologies: readonly Technology[]): KeyTechnologies {
  const question = round.questions.find((q) => q.key === "ranking");
  const rows = input.statistics.filter((s) => s.questionId === question?.id && s.subgroup === "all");
  const consensus = (rows[0]?.consensus ?? {}) as StoredConsensus;
  if (rows.length === 0 || rows[0].suppressed) return { basis: "ranking_withheld", roundNumber: round.number, rankings: consensus.rankings ?? null, minN: round.minN };
  const roots = chainRoots(input.rounds);
  const byKey = new Map(technologies.map((t) => [t.key, t]));
  const notes = notesPerTechnology(input);
  const items = new Map(round.items.map((i) => [i.id, i]));
  const ordered = rows
    .filter((r) => items.has(r.itemId))
    .sort((a, b) => b.n - a.n || (a.mean ?? Infinity) - (b.mean ?? Infinity) || (items.get(a.itemId)?.position ?? 0) - (items.get(b.itemId)?.position ?? 0));
  const w = consensus.kendallW;
  return {
    basis: "ranking",
    roundNumber: round.number,
    rankings: consensus.rankings ?? 0,
    kendallW: w ? { w: w.w, chiSquare: w.chiSquare, df: w.df, p: w.p } : null,
    items: ordered.map((row, i) => {
      const item = items.get(row.itemId)!;
      const key = roots.get(item.id) as string;
      return { place: i + 1, key, title: item.title, titleZh: item.titleZh, selected: row.n, meanRank: row.mean, ...entry(byKey.get(key), notes) };
    }),
  };
}

function byImportance(input: ReportInput, technologies: readonly Technology[]): KeyTechnologies {
  const rated = technologies.filter((t) => (shown(t.headline)?.importanceIndex ?? null) !== null);
  if (rated.length === 0) return { basis: "none" };
  const accepted = rated.filter((t) => t.outcome === "ACCEPTED");
  const pool = accepted.length > 0 ? accepted : rated;
  const notes = notesPerTechnology(input);
  const index = (t: Technology) => shown(t.headline)?.importanceIndex ?? -Infinity;
  const agreement = (t: Technology) => shown(t.headline)?.agreement ?? -Infinity;
  const ordered = [...pool].sort((a, b) => index(b) - index(a) || agreement(b) - agreement(a) || a.title.localeCompare(b.title));
  return {
    basis: "importance",
    items: ordered.map((t, i) => ({ place: i + 1, key: t.key, title: t.title, titleZh: t.titleZh, selected: null, meanRank: null, ...entry(t, notes) })),
  };
}

export function buildKeyTechnologies(input: ReportInput, technologies: readonly Technology[]): KeyTechnologies {
  const ranking = roundsInScope(input)
    .filter((r) => r.kind === "RANKING" && r.status === "CLOSED")
    .at(-1);
  return ranking ? fromRanking(input, ranking, technologies) : byImportance(input, technologies);
}
