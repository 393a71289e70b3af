// A Delphi round's items, statistics and answers as tables. Answers are keyed by the round's
// pseudonyms ("Expert 3", lib/delphi/pseudonyms) and carry nothing else about the expert: no id,
// name, e-mail, organisation, sector or time of submission.
import { db } from "@/lib/db";
import { pseudonyms } from "@/lib/delphi/pseudonyms";
import { visibleStatistic, type StoredConsensus, type StoredStatistic } from "@/lib/delphi/feedback";
import type { CellValue } from "./cells";
import { listCell } from "./cells";
import type { ExportTable } from "./write-table";

const PAGE = 2000;
const table = (name: string, headers: string[], rows: AsyncIterable<CellValue[]>): ExportTable => ({ name, columns: headers.map((header) => ({ header })), rows });

async function* itemRows(roundId: string): AsyncGenerator<CellValue[]> {
  const items = await db().item.findMany({
    where: { roundId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, title: true, titleZh: true, description: true, origin: true, outcome: true, themeId: true, theme: { select: { label: true } }, previous: { select: { round: { select: { number: true } } } } },
  });
  for (const i of items) yield [i.position + 1, i.id, i.title, i.titleZh, i.description, i.origin, i.outcome, i.themeId, i.theme?.label ?? null, i.previous?.round.number ?? null];
}

export function itemsTable(roundId: string): ExportTable {
  return table("items", ["item", "item_id", "title", "title_zh", "description", "origin", "outcome", "theme_id", "theme_label", "carried_over_from_round"], itemRows(roundId));
}

async function* statisticRows(roundId: string): AsyncGenerator<CellValue[]> {
  const [items, questions, rows] = await Promise.all([
    db().item.findMany({ where: { roundId }, select: { id: true, position: true, title: true } }),
    db().question.findMany({ where: { roundId }, select: { id: true, key: true, position: true } }),
    db().itemStatistic.findMany({ where: { roundId } }),
  ]);
  const item = new Map(items.map((i) => [i.id, i]));
  const question = new Map(questions.map((q) => [q.id, q]));
  const order = (s: StoredStatistic) => [item.get(s.itemId)?.position ?? 0, question.get(s.questionId)?.position ?? 0, s.subgroup === "all" ? "" : s.subgroup] as const;
  const sorted = (rows as StoredStatistic[]).sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2], "en", { numeric: true });
  });
  for (const row of sorted) {
    const shown = visibleStatistic(row, "staff");
    if (!shown) continue;
    const i = item.get(row.itemId);
    const head: CellValue[] = [(i?.position ?? 0) + 1, i?.title ?? null, question.get(row.questionId)?.key ?? null, row.subgroup];
    if (shown.suppressed) {
      yield [...head, shown.n ?? null, null, null, null, null, null, null, null, null, null, null, null, true, null, null];
      continue;
    }
    const rules = (shown.consensus as StoredConsensus | undefined)?.rules ?? [];
    yield [
      ...head, shown.n, shown.dontKnow, shown.mean, shown.sd, shown.median, shown.q1, shown.q3, shown.iqr, shown.cv, shown.agreement, shown.importanceIndex,
      shown.quantileMethod, false, JSON.stringify(shown.distribution), listCell(rules.map((r) => `${r.rule}: ${r.verdict}`)),
    ];
  }
}

export function statisticsTable(roundId: string): ExportTable {
  return table(
    "statistics",
    ["item", "item_title", "question", "subgroup", "n", "dont_know", "mean", "sd", "median", "q1", "q3", "iqr", "cv", "agreement", "importance_index", "quantile_method", "withheld", "distribution", "consensus"],
    statisticRows(roundId),
  );
}

async function* answerRows(roundId: string): AsyncGenerator<CellValue[]> {
  const [items, questions, experts] = await Promise.all([
    db().item.findMany({ where: { roundId }, select: { id: true, position: true, title: true } }),
    db().question.findMany({ where: { roundId }, select: { id: true, key: true, position: true } }),
    db().answer.findMany({ where: { roundId, status: "SUBMITTED" }, distinct: ["expertId"], select: { expertId: true } }),
  ]);
  const item = new Map(items.map((i) => [i.id, i]));
  const question = new Map(questions.map((q) => [q.id, q]));
  const names = pseudonyms(roundId, experts.map((e) => e.expertId));
  const labelNumber = (id: string) => Number(names.get(id)?.replace(/\D/g, "") ?? 0);
  // Ordered by pseudonym, never by anything that follows the expert's identity or the order of answering.
  const ordered = [...names.keys()].sort((a, b) => labelNumber(a) - labelNumber(b));
  // About PAGE answers per query: whole experts at a time, so each expert's answers stay together.
  const perBatch = Math.max(1, Math.floor(PAGE / Math.max(1, items.length * questions.length)));
  for (let start = 0; start < ordered.length; start += perBatch) {
    const batch = ordered.slice(start, start + perBatch);
    const answers = await db().answer.findMany({
      where: { roundId, status: "SUBMITTED", expertId: { in: batch } },
      select: { expertId: true, itemId: true, questionId: true, numeric: true, choice: true, choices: true, text: true, dontKnow: true, revision: true },
    });
    answers.sort((a, b) =>
      labelNumber(a.expertId) - labelNumber(b.expertId) ||
      (item.get(a.itemId)?.position ?? 0) - (item.get(b.itemId)?.position ?? 0) ||
      (question.get(a.questionId)?.position ?? 0) - (question.get(b.questionId)?.position ?? 0),
    );
    for (const a of answers) {
      const i = item.get(a.itemId);
      yield [names.get(a.expertId)!, (i?.position ?? 0) + 1, i?.title ?? null, question.get(a.questionId)?.key ?? null, a.numeric, a.choice, listCell(a.choices), a.text, a.dontKnow, a.revision];
    }
  }
}

export function answersTable(roundId: string): ExportTable {
  return table("answers", ["expert", "item", "item_title", "question", "value", "choice", "choices", "text", "dont_know", "revision"], answerRows(roundId));
}
