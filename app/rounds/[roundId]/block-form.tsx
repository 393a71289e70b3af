// The item block of a draft round: one fieldset per question with its switch and settings.
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import type { ParsedQuestion, QuestionConfig } from "@/lib/delphi/question-config";
import type { QuestionTemplate } from "@/lib/delphi/default-item-block";
import { ActionForm } from "@/app/components/action-form";
import type { ActionResult } from "@/lib/action-result";
import { localised } from "@/app/rounds/format";

type Entry = { key: string; kind: string; label: string; labelZh: string | null; required: boolean; config: QuestionConfig; asked: boolean };
type Translate = Awaited<ReturnType<typeof getTranslations>>;
type Props = { action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>; questions: ParsedQuestion[]; off: QuestionTemplate[] };

export async function BlockForm({ action, questions, off }: Props) {
  const t = await getTranslations("rounds.block");
  const label = localised.bind(null, await requestLocale());
  const entries: Entry[] = [
    ...questions.map((q) => ({ ...q, kind: q.kind as string, asked: true })),
    ...off.map((q) => ({ ...q, kind: q.kind as string, asked: false })),
  ];
  return (
    <ActionForm action={action} submitLabel={t("save")} className="stack wide" successMessage={t("saved")}>
      <div className="settings-grid">
        {entries.map((q) => <QuestionSettingsFields key={q.key} q={q} t={t} label={label(q.label, q.labelZh)} />)}
      </div>
    </ActionForm>
  );
}

function QuestionSettingsFields({ q, t, label }: { q: Entry; t: Translate; label: string }) {
  const c = q.config as Record<string, unknown>;
  const checkbox = (name: string, label: string, checked: boolean) => (
    <label style={{ display: "flex", gap: ".4rem", alignItems: "center" }}>
      <input type="checkbox" name={`${name}:${q.key}`} defaultChecked={checked} /> {label}
    </label>
  );
  const number = (name: string, label: string, value: unknown) => (
    <label>
      {label}
      <input type="number" name={`${name}:${q.key}`} defaultValue={value === undefined || value === null ? "" : String(value)} style={{ width: "7rem" }} />
    </label>
  );
  const kind = q.key === "ranking" ? "RANKING" : q.kind;
  return (
    <fieldset data-testid="block-question" data-key={q.key}>
      <legend>{label}</legend>
      <input type="hidden" name="q" value={q.key} />
      <input type="hidden" name={`kind:${q.key}`} value={kind} />
      {kind !== "RANKING" && checkbox("enabled", t("ask"), q.asked)}
      {kind !== "RANKING" && checkbox("required", t("required"), q.required)}
      {kind !== "TEXT" && kind !== "RANKING" && checkbox("allowDontKnow", t("allowDontKnow"), Boolean(c.allowDontKnow))}
      {kind === "SCALE" && (
        <>
          <p className="muted" style={{ margin: 0 }}>{t("scale", { min: String(c.min), max: String(c.max) })}</p>
          {number("agreeLo", t("agreeFrom"), (c.agreeBand as number[])[0])}
          {number("agreeHi", t("agreeTo"), (c.agreeBand as number[])[1])}
          {number("disagreeLo", t("disagreeFrom"), (c.disagreeBand as number[])[0])}
          {number("disagreeHi", t("disagreeTo"), (c.disagreeBand as number[])[1])}
        </>
      )}
      {kind === "MULTI_CHOICE" && number("maxSelect", t("maxTicks"), c.maxSelect)}
      {kind === "YEAR" && (
        <>
          {number("minYear", t("firstYear"), c.minYear)}
          {number("maxYear", t("lastYear"), c.maxYear)}
          {checkbox("allowAlready", t("allowAlready"), Boolean(c.allowAlready))}
          {checkbox("allowNever", t("allowNever"), Boolean(c.allowNever))}
        </>
      )}
      {kind === "TEXT" && checkbox("requiredOutsideIqr", t("requiredOutsideIqr"), Boolean(c.requiredOutsideIqr))}
      {kind === "RANKING" && (
        <>
          {number("minSelect", t("minSelect"), c.minSelect)}
          {number("maxSelect", t("maxSelect"), c.maxSelect)}
        </>
      )}
    </fieldset>
  );
}
