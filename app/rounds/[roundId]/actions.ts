"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { runAction, type ActionResult } from "@/lib/action-result";
import { inviteExpert } from "@/lib/delphi/invite-expert";
import { openRound } from "@/lib/delphi/open-round";
import { closeRound } from "@/lib/delphi/close-round";
import { createRound } from "@/lib/delphi/create-round";
import { updateRound } from "@/lib/delphi/update-round";
import { addItem, removeItem } from "@/lib/delphi/add-item";
import { configureItemBlock, type QuestionSettings } from "@/lib/delphi/configure-item-block";
import { moderateComment } from "@/lib/delphi/moderate-comment";
import { registerConsensusRules, type ConsensusRuleInput } from "@/lib/delphi/consensus-rules";

async function baseUrl(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured;
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host")}`;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
const optional = (form: FormData, name: string) => text(form, name) || undefined;
const ticked = (form: FormData, name: string) => form.get(name) === "on";
/** A datetime-local field read as UTC (the page says so). */
const utcDate = (value: string) => (value ? new Date(`${value}Z`) : undefined);

export async function inviteExpertAction(roundId: string, _: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  return runAction(async () => {
    const viewer = await requireViewer(can.inviteExperts);
    const { link } = await inviteExpert({ roundId, email: text(form, "email"), name: optional(form, "name") }, { actorId: viewer.id, baseUrl: await baseUrl() });
    revalidatePath(`/rounds/${roundId}`);
    return link;
  });
}

export async function openRoundAction(roundId: string, _: ActionResult | null): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageRounds);
    await openRound(roundId, viewer.id);
    revalidatePath(`/rounds/${roundId}`);
    return null;
  });
}

export async function closeRoundAction(roundId: string, _: ActionResult | null): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageRounds);
    await closeRound(roundId, viewer.id);
    revalidatePath(`/rounds/${roundId}`);
    return null;
  });
}

export async function updateRoundAction(roundId: string, draft: boolean, _: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageRounds);
    const deadline = ticked(form, "clearDeadline") ? null : utcDate(text(form, "deadline"));
    await updateRound({ roundId, deadline, ...(draft ? { title: optional(form, "title"), minN: optional(form, "minN") } : {}) }, viewer.id);
    revalidatePath(`/rounds/${roundId}`);
    return null;
  });
}

/** Creates the next round (rating or ranking) and goes to it. */
export async function createNextRoundAction(studyId: string, kind: "RATING" | "RANKING", _: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await runAction(async () => {
    const viewer = await requireViewer(can.manageRounds);
    const round = await createRound(
      { studyId, kind, minN: optional(form, "minN"), deadline: utcDate(text(form, "deadline")), ...(kind === "RANKING" ? { maxSelect: optional(form, "maxSelect"), includeUndecided: ticked(form, "includeUndecided") } : {}) },
      viewer.id,
    );
    return round.id;
  });
  if (result.ok) redirect(`/rounds/${result.data}`);
  return result;
}

const numberOrUndefined = (form: FormData, name: string) => optional(form, name);

/** One fieldset per question: `q` lists the keys; `<setting>:<key>` carries each setting. */
export async function configureBlockAction(roundId: string, _: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageRounds);
    const questions = form.getAll("q").map(String).map((key): QuestionSettings => {
      const kind = text(form, `kind:${key}`);
      const settings: QuestionSettings = { key, enabled: ticked(form, `enabled:${key}`), required: ticked(form, `required:${key}`) };
      if (kind !== "TEXT" && kind !== "RANKING") settings.allowDontKnow = ticked(form, `allowDontKnow:${key}`);
      if (kind === "SCALE") {
        settings.agreeBand = [Number(text(form, `agreeLo:${key}`)), Number(text(form, `agreeHi:${key}`))];
        settings.disagreeBand = [Number(text(form, `disagreeLo:${key}`)), Number(text(form, `disagreeHi:${key}`))];
      }
      if (kind === "MULTI_CHOICE") settings.maxSelect = text(form, `maxSelect:${key}`) ? Number(text(form, `maxSelect:${key}`)) : null;
      if (kind === "YEAR") Object.assign(settings, { minYear: numberOrUndefined(form, `minYear:${key}`), maxYear: numberOrUndefined(form, `maxYear:${key}`), allowAlready: ticked(form, `allowAlready:${key}`), allowNever: ticked(form, `allowNever:${key}`) });
      if (kind === "TEXT") settings.requiredOutsideIqr = ticked(form, `requiredOutsideIqr:${key}`);
      if (kind === "RANKING") Object.assign(settings, { enabled: true, required: true, minSelect: numberOrUndefined(form, `minSelect:${key}`), maxSelect: numberOrUndefined(form, `maxSelect:${key}`) });
      return settings;
    });
    await configureItemBlock({ roundId, questions }, viewer.id);
    revalidatePath(`/rounds/${roundId}`);
    return null;
  });
}

export async function registerRulesAction(studyId: string, roundId: string, _: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageRounds);
    const questionKey = text(form, "questionKey") || "importance";
    const rules: ConsensusRuleInput[] = [];
    if (ticked(form, "iqr")) rules.push({ kind: "IQR", questionKey, max: Number(text(form, "iqrMax")) });
    if (ticked(form, "agreement")) rules.push({ kind: "AGREEMENT", questionKey, band: [Number(text(form, "bandLo")), Number(text(form, "bandHi"))], min: Number(text(form, "agreementMin")) / 100 });
    if (ticked(form, "comet")) rules.push({ kind: "COMET_70_15", questionKey });
    if (ticked(form, "cv")) rules.push({ kind: "CV_BAND", questionKey, good: Number(text(form, "cvGood")), fair: Number(text(form, "cvFair")) });
    if (ticked(form, "rand")) rules.push({ kind: "RAND_UCLA", questionKey });
    await registerConsensusRules({ studyId, rules }, viewer.id);
    revalidatePath(`/rounds/${roundId}`);
    return null;
  });
}

export async function addItemAction(roundId: string, _: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageRounds);
    await addItem({ roundId, title: text(form, "title"), titleZh: optional(form, "titleZh"), description: text(form, "description"), descriptionZh: optional(form, "descriptionZh") }, viewer.id);
    revalidatePath(`/rounds/${roundId}`);
    return null;
  });
}

export async function removeItemAction(roundId: string, itemId: string, _: ActionResult | null): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer(can.manageRounds);
    await removeItem(itemId, viewer.id);
    revalidatePath(`/rounds/${roundId}`);
    return null;
  });
}

export async function moderateCommentAction(roundId: string, commentId: string, status: "VISIBLE" | "HIDDEN", _: ActionResult | null): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer(can.moderateComments);
    await moderateComment({ commentId, status }, viewer.id);
    revalidatePath(`/rounds/${roundId}`);
    return null;
  });
}
