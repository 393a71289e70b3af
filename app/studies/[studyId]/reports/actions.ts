"use server";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { runAction, type ActionResult } from "@/lib/action-result";
import { saveReportTemplate } from "@/lib/reports/save-report-template";
import { deleteReportTemplate } from "@/lib/reports/delete-report-template";
import { requestReport } from "@/lib/reports/request-report";
import type { SaveReportTemplateInput } from "@/lib/reports/template-input";

const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

/** The template form: one set of fields, of which the kind's own become the params. */
function templateFromForm(studyId: string, form: FormData, id?: string): SaveReportTemplateInput {
  const kind = text(form, "kind") as SaveReportTemplateInput["kind"];
  const params =
    kind === "MONITORING" ? { sinceDays: text(form, "sinceDays") || undefined, themes: text(form, "themes") || undefined } : kind === "ROUND_CONSENSUS" ? { roundId: text(form, "roundId") || null } : {};
  return { id, studyId, kind, name: text(form, "name"), schedule: text(form, "schedule"), params };
}

export async function saveTemplateAction(studyId: string, templateId: string | null, _: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageStudies);
    const template = await saveReportTemplate(templateFromForm(studyId, form, templateId ?? undefined), viewer.id);
    revalidatePath(`/studies/${studyId}/reports`);
    return template.id;
  });
}

export async function deleteTemplateAction(studyId: string, templateId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageStudies);
    await deleteReportTemplate({ studyId, templateId }, viewer.id);
    revalidatePath(`/studies/${studyId}/reports`);
    return null;
  });
}

export async function generateNowAction(studyId: string, templateId: string): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageStudies);
    const issue = await requestReport({ studyId, templateId }, viewer.id);
    revalidatePath(`/studies/${studyId}/reports`);
    return issue.id;
  });
}
