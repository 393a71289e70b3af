"use server";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { runAction, type ActionResult } from "@/lib/action-result";
import { startBacktest } from "@/lib/backtest/start-backtest";

export async function startBacktestAction(studyId: string, _: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.runBacktest);
    const field = (name: string) => form.get(name) ?? undefined;
    const run = await startBacktest({ studyId, until: field("until"), horizon: field("horizon"), k: field("k"), seed: field("seed"), iterations: field("iterations") }, viewer.id);
    revalidatePath(`/studies/${studyId}/backtest`);
    return run.id;
  });
}
