"use server";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { runAction, type ActionResult } from "@/lib/action-result";
import { proposeChange } from "@/lib/curation/propose-change";
import { voteOnProposal } from "@/lib/curation/vote-on-proposal";
import { acceptProposal, rejectProposal, withdrawProposal } from "@/lib/curation/decide-proposal";
import { updateCurationSettings } from "@/lib/curation/update-curation-settings";
import type { ProposalInput } from "@/lib/curation/proposal-input";

const SPLIT_ROWS = 4;
const text = (form: FormData, key: string) => String(form.get(key) ?? "");
const words = (value: string) => value.split(/[,;，；、\n]/).map((w) => w.trim()).filter(Boolean);

/** The proposal forms: one field set per kind; a split has up to four part rows, the first two always used. */
function proposalFromForm(form: FormData): ProposalInput {
  const kind = text(form, "kind");
  const reason = text(form, "reason");
  switch (kind) {
    case "MERGE":
      return { kind, themeIds: form.getAll("themeIds").map(String), label: text(form, "label"), labelZh: text(form, "labelZh"), reason };
    case "SPLIT": {
      const parts = Array.from({ length: SPLIT_ROWS }, (_, i) => ({ label: text(form, `label${i}`), labelZh: text(form, `labelZh${i}`), seedWords: words(text(form, `seeds${i}`)) }));
      return { kind, themeId: text(form, "themeId"), parts: parts.filter((p, i) => i < 2 || p.label || p.labelZh || p.seedWords.length), reason };
    }
    case "RELABEL":
      return { kind, themeId: text(form, "themeId"), label: text(form, "label"), labelZh: text(form, "labelZh"), reason };
    default:
      return { kind: "DELETE", themeId: text(form, "themeId"), reason };
  }
}

export async function proposeAction(studyId: string, _: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.proposeCuration);
    const proposal = await proposeChange(viewer, studyId, proposalFromForm(form));
    revalidatePath(`/studies/${studyId}/themes`);
    return proposal.id;
  });
}

export async function voteAction(studyId: string, proposalId: string, support: boolean): Promise<ActionResult<boolean>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.voteOnProposals);
    const { accepted } = await voteOnProposal(viewer, { proposalId, support });
    revalidatePath(`/studies/${studyId}/themes`);
    return accepted;
  });
}

export async function acceptAction(studyId: string, proposalId: string): Promise<ActionResult<number>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.decideProposals);
    const set = await acceptProposal(viewer, proposalId);
    revalidatePath(`/studies/${studyId}/themes`);
    revalidatePath(`/studies/${studyId}`);
    return set.version;
  });
}

export async function rejectAction(studyId: string, proposalId: string, _: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.decideProposals);
    const result = await rejectProposal(viewer, proposalId, text(form, "note") || undefined);
    revalidatePath(`/studies/${studyId}/themes`);
    return result.status;
  });
}

export async function withdrawAction(studyId: string, proposalId: string): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.proposeCuration);
    const result = await withdrawProposal(viewer, proposalId);
    revalidatePath(`/studies/${studyId}/themes`);
    return result.status;
  });
}

export async function curationSettingsAction(studyId: string, _: ActionResult<number> | null, form: FormData): Promise<ActionResult<number>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageStudies);
    const { accepted } = await updateCurationSettings(viewer, studyId, Object.fromEntries(form));
    revalidatePath(`/studies/${studyId}/themes`);
    return accepted;
  });
}
