// What a submission must hold, checked on the answers as stored after the save (so a revision that
// touches one field is judged as the whole submission): every required question answered for every
// item, and a rationale for every item with an answer outside the previous round's IQR.
import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { parseQuestion } from "@/lib/delphi/question-config";
import { RATIONALE_KEY } from "@/lib/delphi/default-item-block";
import { getPreviousSpreads } from "@/lib/delphi/get-previous-spreads";
import { missingRationales, outsidePreviousIqr } from "@/lib/delphi/rationale";

const fmt = (x: number) => String(Number(x.toFixed(2)));
const MAX_LISTED = 5;

function listed(parts: string[]): string {
  return parts.length <= MAX_LISTED ? parts.join("; ") : `${parts.slice(0, MAX_LISTED).join("; ")}; and ${parts.length - MAX_LISTED} more`;
}

export async function checkSubmission(tx: Tx, { roundId, expertId }: { roundId: string; expertId: string }): Promise<void> {
  const [items, storedQuestions, answers, spreads] = await Promise.all([
    tx.item.findMany({ where: { roundId }, orderBy: { position: "asc" }, select: { id: true, position: true, title: true } }),
    tx.question.findMany({ where: { roundId }, orderBy: { position: "asc" } }),
    tx.answer.findMany({ where: { roundId, expertId }, select: { itemId: true, questionId: true, numeric: true, text: true, dontKnow: true } }),
    getPreviousSpreads(tx, roundId),
  ]);
  const questions = storedQuestions.map(parseQuestion);
  const itemName = new Map(items.map((i) => [i.id, `item ${i.position + 1} "${i.title}"`]));
  const answered = new Set(answers.map((a) => `${a.itemId}:${a.questionId}`));

  for (const q of questions.filter((q) => q.required)) {
    const missing = items.filter((i) => !answered.has(`${i.id}:${q.id}`)).map((i) => itemName.get(i.id) as string);
    if (missing.length > 0) throw invalid(`Answer "${q.label}" for every item before submitting (missing: ${listed(missing)})`);
  }

  const rationale = questions.find((q) => q.key === RATIONALE_KEY && q.kind === "TEXT" && q.config.requiredOutsideIqr);
  if (!rationale || spreads.length === 0) return;
  const keyOf = new Map(questions.map((q) => [q.id, q.key]));
  const labelOf = new Map(questions.map((q) => [q.key, q.label]));
  const numeric = answers.map((a) => ({ itemId: a.itemId, questionKey: keyOf.get(a.questionId) as string, numeric: a.numeric, dontKnow: a.dontKnow }));
  const explained = new Set(answers.filter((a) => a.questionId === rationale.id && a.text?.trim()).map((a) => a.itemId));
  const missing = missingRationales(outsidePreviousIqr(numeric, spreads), explained);
  if (missing.length === 0) return;
  const parts = missing.map((m) => `${itemName.get(m.itemId)}: "${labelOf.get(m.questionKey)}" ${fmt(m.value)} lies outside the group's range ${fmt(m.q1)}–${fmt(m.q3)}`);
  throw invalid(`Give a rationale where your answer lies outside the previous round's interquartile range (${listed(parts)})`);
}
