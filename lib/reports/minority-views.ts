// Minority views: the technologies closed as dissent (stable without consensus), with what the panel
// wrote about them — board comments and the rationales asked for answers outside the group's range —
// under each round's pseudonyms. NISTEP keeps such forward-looking minority opinions visible in its
// reports (delphi-methods.md §2); a dissent is a finding, not a failure.
import type { ReportInput } from "./report-input";
import type { MinorityView, Note, Technology } from "./report-types";
import { chainRoots, roundsInScope } from "./technologies";

export function buildMinorityViews(input: ReportInput, technologies: readonly Technology[]): MinorityView[] {
  const rounds = roundsInScope(input);
  const numberOf = new Map(rounds.map((r) => [r.id, r.number]));
  const roots = chainRoots(input.rounds);
  return technologies
    .filter((t) => t.outcome === "DISSENT")
    .map((t) => {
      const notes: Note[] = input.notes
        .filter((n) => numberOf.has(n.roundId) && roots.get(n.itemId) === t.key)
        .map((n) => ({ roundNumber: numberOf.get(n.roundId) as number, author: n.author, body: n.body, kind: n.kind }))
        .sort((a, b) => a.roundNumber - b.roundNumber || (a.kind === b.kind ? 0 : a.kind === "rationale" ? -1 : 1));
      return { key: t.key, title: t.title, titleZh: t.titleZh, roundNumber: t.roundNumber, outcome: t.outcome, headline: t.headline, notes };
    });
}
