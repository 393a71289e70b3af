// From a stored proposal to the operation on the current themes; a split re-fits the theme's documents
// here (split-documents.ts), which is the only slow part of accepting a proposal.
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { splitDocuments } from "@/lib/curation/split-documents";
import { ZProposalPayload } from "@/lib/curation/proposal-input";
import type { CurationOperation, SourceTheme } from "@/lib/curation/theme-draft";
import type { LabelSource, ProposalKind } from "@/lib/generated/prisma/enums";

export type StoredProposal = { kind: ProposalKind; themeIds: string[]; payload: unknown; proposerRole: string };

/** An admin's wording is an ADMIN label, a panelist's an EXPERT label; both outlive re-training. */
const labelSourceOf = (role: string): LabelSource => (role === "ADMIN" ? "ADMIN" : "EXPERT");

export async function operationOf(proposal: StoredProposal, themes: readonly SourceTheme[], seed: number): Promise<CurationOperation> {
  const labelSource = labelSourceOf(proposal.proposerRole);
  const [themeId] = proposal.themeIds;
  switch (proposal.kind) {
    case "RELABEL": {
      const { label, labelZh } = ZProposalPayload.RELABEL.parse(proposal.payload);
      return { kind: "RELABEL", themeId, label, labelZh: labelZh ?? null, labelSource };
    }
    case "MERGE": {
      const { label, labelZh } = ZProposalPayload.MERGE.parse(proposal.payload);
      return { kind: "MERGE", themeIds: proposal.themeIds, label: label ? { label, labelZh: labelZh ?? null, labelSource } : undefined };
    }
    case "DELETE":
      return { kind: "DELETE", themeId };
    case "SPLIT": {
      const { parts } = ZProposalPayload.SPLIT.parse(proposal.payload);
      const theme = themes.find((t) => t.id === themeId);
      if (!theme) throw conflict("curation.splitGone");
      const texts = await db().document.findMany({ where: { id: { in: theme.documents.map((d) => d.documentId) } }, select: { id: true, title: true, abstract: true } });
      const textOf = new Map(texts.map((d) => [d.id, `${d.title}. ${d.abstract}`]));
      try {
        const result = splitDocuments(
          theme.documents.map((d) => ({ ...d, text: textOf.get(d.documentId) ?? "" })),
          { parts: parts.length, seed, seedWords: parts.map((p) => p.seedWords) },
        );
        const split = result.parts.map((part, i) => ({ ...part, label: parts[i].label, labelZh: parts[i].labelZh ?? null }));
        return { kind: "SPLIT", themeId, parts: split, labelSource };
      } catch (error) {
        if (error instanceof RangeError) throw conflict("curation.splitImpossible", { reason: error.message });
        throw error;
      }
    }
  }
}
