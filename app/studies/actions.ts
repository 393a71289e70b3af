"use server";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { runAction, type ActionResult } from "@/lib/action-result";
import { createStudy } from "@/lib/studies/create-study";

export async function createStudyAction(_: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await runAction(async () => {
    const viewer = await requireViewer(can.manageStudies);
    const text = (key: string) => String(form.get(key) ?? "").trim() || undefined;
    const study = await createStudy(
      { name: text("name") ?? "", question: text("question"), horizonYear: text("horizonYear"), homeCountry: text("homeCountry") },
      viewer.id,
    );
    return study.id;
  });
  if (result.ok) redirect(`/studies/${result.data}`);
  return result;
}
