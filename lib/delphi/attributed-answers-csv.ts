// A round's answers and comments with each expert's name, as CSV, for the admins of a study with
// attribution on; null when attribution does not cover the round. One row per answer, ranking place
// and comment; experts by name, then items in order, answers in question order.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { toCsv } from "@/lib/csv-export";
import { listCell } from "@/lib/exports/cells";
import { getAttributedAnswers, type AttributedExpert } from "@/lib/delphi/get-attributed-answers";

export const ATTRIBUTED_COLUMNS = ["expert", "email", "item", "item_title", "question", "value", "choice", "choices", "text", "dont_know", "revision", "comment_status", "date"] as const;

type Row = (string | number | boolean | null)[];
type Item = { position: number; title: string };

export async function attributedAnswersCsv(roundId: string): Promise<{ fileName: string; csv: string } | null> {
  const round = await db().round.findUnique({ where: { id: roundId }, select: { number: true, items: { orderBy: { position: "asc" }, select: { id: true, position: true, title: true } } } });
  if (!round) throw notFound("round");
  const attributed = await getAttributedAnswers(roundId);
  if (!attributed) return null;
  const experts = new Map<string, { name: string; email: string; rows: Row[] }>();
  for (const item of round.items) {
    for (const e of attributed.get(item.id) ?? []) {
      const mine = experts.get(e.email) ?? { name: e.name, email: e.email, rows: [] };
      experts.set(e.email, mine);
      mine.rows.push(...rowsOf(e, item));
    }
  }
  const ordered = [...experts.values()].sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  return { fileName: `round-${round.number}-answers-by-expert.csv`, csv: toCsv(ATTRIBUTED_COLUMNS, ordered.flatMap((e) => e.rows)) };
}

function rowsOf(e: AttributedExpert, item: Item): Row[] {
  const head = [e.name, e.email, item.position + 1, item.title];
  return [
    ...e.answers.map((a) => [...head, a.questionKey, a.value, a.choice, listCell(a.choices), a.text, a.dontKnow, a.revision, null, null]),
    ...(e.place === null ? [] : [[...head, "rank", e.place, null, "", null, false, null, null, null]]),
    ...e.comments.map((c) => [...head, "comment", null, null, "", c.body, false, null, c.status, c.date]),
  ];
}
