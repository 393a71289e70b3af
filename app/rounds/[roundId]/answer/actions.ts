"use server";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { invalid } from "@/lib/errors";
import { runAction, type ActionResult } from "@/lib/action-result";
import { saveAnswers } from "@/lib/delphi/save-answers";
import { saveRanking } from "@/lib/delphi/save-ranking";
import { addComment } from "@/lib/delphi/add-comment";
import type { AnswerInput } from "@/lib/delphi/answer-values";

type Answer = Partial<AnswerInput> & { itemId: string; questionKey: string };

/**
 * The answers form: `field:<itemId>:<questionKey>` = kind for every question on the page, its value(s)
 * under `answer:…` (radio, checkboxes, year, text) and a year's alternative under `alt:…`. A question
 * left empty is skipped when it cannot be emptied (radios) and cleared otherwise. `intent` is draft
 * or submit.
 */
function answersFrom(form: FormData): Answer[] {
  const answers: Answer[] = [];
  for (const [name, kind] of form.entries()) {
    if (!name.startsWith("field:")) continue;
    const rest = name.slice("field:".length);
    const [itemId, questionKey] = rest.split(":");
    const answer = answerFor(String(kind), form, rest);
    if (answer) answers.push({ itemId, questionKey, ...answer });
  }
  return answers;
}

function answerFor(kind: string, form: FormData, key: string): Partial<AnswerInput> | null {
  const value = form.get(`answer:${key}`);
  const text = typeof value === "string" ? value.trim() : "";
  switch (kind) {
    case "SCALE":
      if (text === "") return null;
      return text === "dont_know" ? { dontKnow: true } : { value: whole(text) };
    case "CHOICE":
      if (text === "") return null;
      return text === "dont_know" ? { dontKnow: true } : { choice: text };
    case "MULTI_CHOICE": {
      const ticked = form.getAll(`answer:${key}`).map(String);
      if (ticked.includes("dont_know")) return { dontKnow: true };
      return ticked.length === 0 ? { clear: true } : { choices: ticked };
    }
    case "YEAR": {
      const alt = String(form.get(`alt:${key}`) ?? "");
      if (alt === "dont_know") return { dontKnow: true };
      if (alt === "already" || alt === "never") return { choice: alt };
      return text === "" ? { clear: true } : { value: whole(text) };
    }
    case "TEXT":
      return text === "" ? { clear: true } : { text };
    default:
      return null;
  }
}

function whole(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n)) throw invalid("answers.notANumber", { text });
  return n;
}

export async function saveAnswersAction(roundId: string, _: ActionResult<{ saved: number; submitted: boolean }> | null, form: FormData) {
  return runAction(async () => {
    const viewer = await requireViewer(can.answerRounds);
    const submit = form.get("intent") === "submit";
    const { saved } = await saveAnswers(viewer, { roundId, submit, answers: answersFrom(form) });
    revalidatePath(`/rounds/${roundId}/answer`);
    return { saved, submitted: submit };
  });
}

/** `rank:<itemId>` = the place (1 first) or empty for an item not selected. */
export async function saveRankingAction(roundId: string, _: ActionResult<number> | null, form: FormData): Promise<ActionResult<number>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.answerRounds);
    const places = [...form.entries()]
      .filter(([name, value]) => name.startsWith("rank:") && value !== "")
      .map(([name, value]) => ({ itemId: name.slice("rank:".length), place: Number(value) }));
    const taken = new Map<number, number>();
    for (const p of places) taken.set(p.place, (taken.get(p.place) ?? 0) + 1);
    const twice = [...taken].filter(([, count]) => count > 1).map(([place]) => place);
    if (twice.length > 0) throw invalid("ranking.placeTwice", { places: twice.join(", ") });
    const itemIds = places.sort((a, b) => a.place - b.place).map((p) => p.itemId);
    const { ranked } = await saveRanking(viewer, { roundId, itemIds });
    revalidatePath(`/rounds/${roundId}/answer`);
    return ranked;
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
