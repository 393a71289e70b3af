// What each simulated expert answers: fixed by expert and item number, so the run knows exactly which
// values must be stored. Every revision changes the importance of every item and nothing else.
import type { AnswerField } from "./http";

const FAMILIARITY = ["very_familiar", "familiar", "somewhat", "unfamiliar"];
const POSITION = ["leading", "alongside", "following"];

export function importanceOf(expert: number, item: number, revision: number): number {
  return 1 + ((expert * 7 + item * 3 + revision) % 5);
}

export function answersOf(expert: number, itemIds: string[], revision: number): AnswerField[] {
  return itemIds.flatMap((itemId, i) => [
    { itemId, questionKey: "familiarity", kind: "CHOICE" as const, value: FAMILIARITY[(expert + i) % FAMILIARITY.length] },
    { itemId, questionKey: "importance", kind: "SCALE" as const, value: String(importanceOf(expert, i, revision)) },
    { itemId, questionKey: "rd_position", kind: "CHOICE" as const, value: POSITION[(expert + 2 * i) % POSITION.length] },
  ]);
}

/** p-th percentile (nearest rank) of unsorted values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `tasks` with at most `limit` in flight; results in task order. */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
