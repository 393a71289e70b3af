// The themes of the next theme-set version, built from the current version's themes by one accepted
// operation. Pure: the writer (write-theme-set-version.ts) stores them and recomputes their indicators.
import { labelTopic } from "@/lib/topics/label";
import { MEMBERSHIP_THRESHOLD } from "@/lib/scans/describe-themes";
import type { LabelSource } from "@/lib/generated/prisma/enums";

export type TermWeight = { term: string; weight: number };
export type DocumentWeight = { documentId: string; weight: number };

/** A theme of the current version with its stored document weights. */
export type SourceTheme = {
  id: string;
  label: string;
  labelZh: string | null;
  labelSource: LabelSource;
  topTerms: TermWeight[];
  weight: number;
  documentCount: number;
  evidence: Record<string, unknown>;
  documents: DocumentWeight[];
};

export type ThemeDraft = {
  label: string;
  labelZh: string | null;
  labelSource: LabelSource;
  topTerms: TermWeight[];
  /** Share of all tokens. */
  weight: number;
  documentCount: number;
  /** Themes of the parent version this one came from. */
  originIds: string[];
  documents: DocumentWeight[];
  /** Evidence carried over (model version, run, representative documents); figures are recomputed. */
  evidence: Record<string, unknown>;
  /** The parent theme when this is a one-to-one copy (unchanged or relabelled), else null. */
  copyOf: string | null;
};

/** One part of a split, as the splitter found it. */
export type SplitPart = { documents: DocumentWeight[]; topTerms: TermWeight[]; label?: string; labelZh?: string | null };

export type HumanLabel = { label: string; labelZh?: string | null; labelSource: LabelSource };

export type CurationOperation =
  | ({ kind: "RELABEL"; themeId: string } & HumanLabel)
  | { kind: "MERGE"; themeIds: string[]; label?: HumanLabel }
  | { kind: "DELETE"; themeId: string }
  | { kind: "SPLIT"; themeId: string; parts: SplitPart[]; labelSource: LabelSource };

const TOP_TERMS = 20;

export const membersOf = (documents: readonly DocumentWeight[]) => documents.filter((d) => d.weight >= MEMBERSHIP_THRESHOLD).length;

/** Evidence a derived theme keeps from its first parent: where the model came from. */
function provenance(theme: SourceTheme, curation: Record<string, unknown>): Record<string, unknown> {
  const { modelVersion, topicRunId } = theme.evidence as { modelVersion?: unknown; topicRunId?: unknown };
  return { modelVersion: modelVersion ?? null, topicRunId: topicRunId ?? null, curation };
}

export function copyTheme(theme: SourceTheme): ThemeDraft {
  return {
    label: theme.label,
    labelZh: theme.labelZh,
    labelSource: theme.labelSource,
    topTerms: theme.topTerms,
    weight: theme.weight,
    documentCount: theme.documentCount,
    originIds: [theme.id],
    documents: theme.documents,
    evidence: theme.evidence,
    copyOf: theme.id,
  };
}

/**
 * Term weights of a union of themes: each theme's φ weighted by its share of the tokens, over the
 * union of their stored top terms (terms below a theme's top list count as 0 there).
 * @example mergeTerms([{ weight: 0.3, topTerms: [{ term: "a", weight: 0.5 }] }, { weight: 0.1, topTerms: [{ term: "b", weight: 0.4 }] }])
 * // => [{ term: "a", weight: 0.375 }, { term: "b", weight: 0.1 }]
 */
export function mergeTerms(themes: readonly Pick<SourceTheme, "weight" | "topTerms">[], n = TOP_TERMS): TermWeight[] {
  const total = themes.reduce((a, t) => a + t.weight, 0);
  const share = (t: Pick<SourceTheme, "weight">) => (total > 0 ? t.weight / total : 1 / themes.length);
  const terms = new Map<string, number>();
  for (const theme of themes) for (const { term, weight } of theme.topTerms) terms.set(term, (terms.get(term) ?? 0) + share(theme) * weight);
  return [...terms]
    .map(([term, weight]) => ({ term, weight }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
    .slice(0, n);
}

/** Per document, the sum of its weights in the given themes, heaviest first. */
export function sumDocumentWeights(lists: readonly (readonly DocumentWeight[])[]): DocumentWeight[] {
  const sums = new Map<string, number>();
  for (const list of lists) for (const { documentId, weight } of list) sums.set(documentId, (sums.get(documentId) ?? 0) + weight);
  return [...sums].map(([documentId, weight]) => ({ documentId, weight })).sort(byWeight);
}

const byWeight = (a: DocumentWeight, b: DocumentWeight) => b.weight - a.weight || (a.documentId < b.documentId ? -1 : 1);

function mergeDraft(themes: SourceTheme[], label: HumanLabel | undefined): ThemeDraft {
  const topTerms = mergeTerms(themes);
  const documents = sumDocumentWeights(themes.map((t) => t.documents));
  return {
    label: label?.label ?? labelTopic(topTerms),
    labelZh: label?.labelZh ?? null,
    labelSource: label?.labelSource ?? "MACHINE",
    topTerms,
    weight: themes.reduce((a, t) => a + t.weight, 0),
    documentCount: membersOf(documents),
    originIds: themes.map((t) => t.id),
    documents,
    evidence: provenance(themes[0], { kind: "MERGE", from: themes.map((t) => t.id) }),
    copyOf: null,
  };
}

function splitDrafts(theme: SourceTheme, parts: readonly SplitPart[], labelSource: LabelSource): ThemeDraft[] {
  const volumes = parts.map((p) => p.documents.reduce((a, d) => a + d.weight, 0));
  const total = volumes.reduce((a, b) => a + b, 0);
  return parts.map((part, i) => ({
    label: part.label ?? labelTopic(part.topTerms),
    labelZh: part.labelZh ?? null,
    labelSource: part.label ? labelSource : "MACHINE",
    topTerms: part.topTerms,
    weight: total > 0 ? (theme.weight * volumes[i]) / total : theme.weight / parts.length,
    documentCount: membersOf(part.documents),
    originIds: [theme.id],
    documents: [...part.documents].sort(byWeight),
    evidence: provenance(theme, { kind: "SPLIT", from: [theme.id], part: i + 1, of: parts.length }),
    copyOf: null,
  }));
}

/**
 * The next version's themes: every theme copied in order, except those the operation acts on. A merged
 * theme takes the place of the first theme named; the parts of a split take the place of the theme.
 * @throws Error when the operation names a theme that is not in `themes`
 */
export function applyOperation(themes: readonly SourceTheme[], operation: CurationOperation): ThemeDraft[] {
  const byId = new Map(themes.map((t) => [t.id, t]));
  const acted = operation.kind === "MERGE" ? [...new Set(operation.themeIds)] : [operation.themeId];
  for (const id of acted) if (!byId.has(id)) throw new Error(`theme ${id} is not in the current version`);
  if (operation.kind === "MERGE" && acted.length < 2) throw new Error("a merge needs at least two different themes");
  const drafts: ThemeDraft[] = [];
  for (const theme of themes) {
    if (!acted.includes(theme.id)) {
      drafts.push(copyTheme(theme));
      continue;
    }
    switch (operation.kind) {
      case "RELABEL":
        drafts.push({ ...copyTheme(theme), label: operation.label, labelZh: operation.labelZh ?? null, labelSource: operation.labelSource });
        break;
      case "MERGE":
        if (theme.id === acted[0]) drafts.push(mergeDraft(acted.map((id) => byId.get(id)!), operation.label));
        break;
      case "SPLIT":
        drafts.push(...splitDrafts(theme, operation.parts, operation.labelSource));
        break;
      case "DELETE":
        break;
    }
  }
  return drafts;
}
