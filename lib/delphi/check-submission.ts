// What a submission must hold, checked on the answers as stored after the save (so a revision that
// touches one field is judged as the whole submission): every required question answered for every
// item, and a rationale for every item with an answer outside the previous round's IQR.
import type { Tx } from "@/lib/db";
import { invalid, phrase, type Localised } from "@/lib/errors";
import { parseQuestion, type ParsedQuestion } from "@/lib/delphi/question-config";
import { RATIONALE_KEY } from "@/lib/delphi/default-item-block";
import { getPreviousSpreads } from "@/lib/delphi/get-previous-spreads";
import { missingRationales, outsidePreviousIqr } from "@/lib/delphi/rationale";

const fmt = (x: number) => String(Number(x.toFixed(2)));
const MAX_LISTED = 5;

/** The first five parts, then "and N more", in both languages. */
function listed(parts: Localised[]): Localised {
  const separator = phrase("answers.listSeparator");
  const shown = parts.slice(0, MAX_LISTED);
  const list = { en: shown.map((p) => p.en).join(separator.en), zh: shown.map((p) => p.zh ?? p.en).join(separator.zh ?? separator.en) };
  return parts.length <= MAX_LISTED ? list : phrase("answers.andMore", { list, count: parts.length - MAX_LISTED });
}

const labelOf = (q: { label: string; labelZh: string | null }): Localised => ({ en: q.label, zh: q.labelZh });

export async function checkSubmission(tx: Tx, { roundId, expertId }: { roundId: string; expertId: string }): Promise<void> {
  const [items, storedQuestions, answers, spreads] = await Promise.all([
    tx.item.findMany({ where: { roundId }, orderBy: { position: "asc" }, select: { id: true, position: true, title: true, titleZh: true } }),
    tx.question.findMany({ where: { roundId }, orderBy: { position: "asc" } }),
    tx.answer.findMany({ where: { roundId, expertId }, select: { itemId: true, questionId: true, numeric: true, text: true, dontKnow: true } }),
    getPreviousSpreads(tx, roundId),
  ]);
  const questions = storedQuestions.map(parseQuestion);
  const itemOf = new Map(items.map((i) => [i.id, i]));
  const itemName = (itemId: string) => {
    const item = itemOf.get(itemId) as (typeof items)[number];
    return phrase("answers.itemName", { number: item.position + 1, title: { en: item.title, zh: item.titleZh } });
  };
  const answered = new Set(answers.map((a) => `${a.itemId}:${a.questionId}`));

  for (const q of questions.filter((q) => q.required)) {
    const missing = items.filter((i) => !answered.has(`${i.id}:${q.id}`)).map((i) => itemName(i.id));
    if (missing.length > 0) throw invalid("answers.missing", { question: labelOf(q), missing: listed(missing) });
  }

  const rationale = questions.find((q) => q.key === RATIONALE_KEY && q.kind === "TEXT" && q.config.requiredOutsideIqr);
  if (!rationale || spreads.length === 0) return;
  const keyOf = new Map(questions.map((q) => [q.id, q.key]));
  const questionOf = new Map(questions.map((q) => [q.key, q]));
  const numeric = answers.map((a) => ({ itemId: a.itemId, questionKey: keyOf.get(a.questionId) as string, numeric: a.numeric, dontKnow: a.dontKnow }));
  const explained = new Set(answers.filter((a) => a.questionId === rationale.id && a.text?.trim()).map((a) => a.itemId));
  const missing = missingRationales(outsidePreviousIqr(numeric, spreads), explained);
  if (missing.length === 0) return;
  const parts = missing.map((m) =>
    phrase("answers.outsideIqr", { item: itemName(m.itemId), question: labelOf(questionOf.get(m.questionKey) as ParsedQuestion), value: fmt(m.value), q1: fmt(m.q1), q3: fmt(m.q3) }),
  );
  throw invalid("answers.rationale", { parts: listed(parts) });
}
