// What a curation proposal may say, checked at the edge: the kind, the themes it acts on, the new
// label or the parts of a split, and always a reason.
import { z } from "zod";
import { formMessage } from "@/lib/errors";

const ZId = z.string().trim().min(1).max(64);
const ZLabel = z.string().trim().min(1, formMessage("newLabel")).max(200);
const ZLabelZh = z.string().trim().max(200).optional().transform((v) => v || undefined);
const ZReason = z.string().trim().min(3, formMessage("reason")).max(4000);
const ZSeedWord = z.string().trim().min(1).max(100);

export const ZSplitPart = z
  .object({
    label: z.string().trim().max(200).optional().transform((v) => v || undefined),
    labelZh: ZLabelZh,
    seedWords: z.array(ZSeedWord).max(30).default([]),
  })
  .strict();

export const ZProposalInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("RELABEL"), themeId: ZId, label: ZLabel, labelZh: ZLabelZh, reason: ZReason }).strict(),
  z
    .object({
      kind: z.literal("MERGE"),
      themeIds: z.array(ZId).min(2, formMessage("mergeTwo")).max(20),
      label: z.string().trim().max(200).optional().transform((v) => v || undefined),
      labelZh: ZLabelZh,
      reason: ZReason,
    })
    .strict()
    .refine((p) => new Set(p.themeIds).size === p.themeIds.length, { message: formMessage("mergeOnce"), path: ["themeIds"] }),
  z
    .object({ kind: z.literal("SPLIT"), themeId: ZId, parts: z.array(ZSplitPart).min(2, formMessage("splitTwo")).max(8), reason: ZReason })
    .strict()
    .refine((p) => p.parts.every((part) => part.seedWords.length > 0) || p.parts.every((part) => part.seedWords.length === 0), {
      message: formMessage("seedWords"),
      path: ["parts"],
    }),
  z.object({ kind: z.literal("DELETE"), themeId: ZId, reason: ZReason }).strict(),
]);
export type ProposalInput = z.input<typeof ZProposalInput>;
export type Proposal = z.output<typeof ZProposalInput>;

/** The stored payload of each kind (curation_proposal.payload). */
export const ZProposalPayload = {
  RELABEL: z.object({ label: z.string(), labelZh: z.string().optional() }),
  MERGE: z.object({ label: z.string().optional(), labelZh: z.string().optional() }),
  SPLIT: z.object({ parts: z.array(z.object({ label: z.string().optional(), labelZh: z.string().optional(), seedWords: z.array(z.string()) })) }),
  DELETE: z.object({}),
} as const;

export function themeIdsOf(proposal: Proposal): string[] {
  return proposal.kind === "MERGE" ? proposal.themeIds : [proposal.themeId];
}

export function payloadOf(proposal: Proposal): Record<string, unknown> {
  switch (proposal.kind) {
    case "RELABEL":
      return { label: proposal.label, ...(proposal.labelZh ? { labelZh: proposal.labelZh } : {}) };
    case "MERGE":
      return { ...(proposal.label ? { label: proposal.label } : {}), ...(proposal.labelZh ? { labelZh: proposal.labelZh } : {}) };
    case "SPLIT":
      return { parts: proposal.parts.map((p) => ({ ...(p.label ? { label: p.label } : {}), ...(p.labelZh ? { labelZh: p.labelZh } : {}), seedWords: p.seedWords })) };
    case "DELETE":
      return {};
  }
}
