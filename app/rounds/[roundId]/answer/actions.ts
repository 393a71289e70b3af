"use server";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { runAction, type ActionResult } from "@/lib/action-result";
import { saveAnswers } from "@/lib/delphi/save-answers";
import { addComment } from "@/lib/delphi/add-comment";

/** Form fields are `answer:<itemId>:<questionKey>` with a value or "dont_know"; `intent` is draft or submit. */
export async function saveAnswersAction(roundId: string, _: ActionResult<{ saved: number; submitted: boolean }> | null, form: FormData) {
  return runAction(async () => {
    const viewer = await requireViewer(can.answerRounds);
    const answers = [...form.entries()]
      .filter(([name, value]) => name.startsWith("answer:") && value !== "")
      .map(([name, value]) => {
        const [, itemId, questionKey] = name.split(":");
        return value === "dont_know" ? { itemId, questionKey, dontKnow: true } : { itemId, questionKey, value: Number(value) };
      });
    const submit = form.get("intent") === "submit";
    const { saved } = await saveAnswers(viewer, { roundId, submit, answers });
    revalidatePath(`/rounds/${roundId}/answer`);
    return { saved, submitted: submit };
  });
}

export async function addCommentAction(roundId: string, itemId: string, _: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer(can.answerRounds);
    await addComment(viewer, { itemId, body: String(form.get("body") ?? "") });
    revalidatePath(`/rounds/${roundId}/answer`);
    return null;
  });
}
