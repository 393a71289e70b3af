// The forms a panelist or the admin uses to propose a change to one theme, or to merge several.
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/app/components/action-form";
import type { ActionResult } from "@/lib/action-result";

type Propose = (previous: ActionResult<string> | null, form: FormData) => Promise<ActionResult<string>>;
type ThemeOption = { id: string; label: string };

const Reason = ({ label }: { label: string }) => (
  <label>
    {label}
    <textarea name="reason" required minLength={3} rows={2} />
  </label>
);

export async function ThemeProposalForms({ theme, propose }: { theme: ThemeOption; propose: Propose }) {
  const t = await getTranslations("curation");
  return (
    <details>
      <summary>{t("proposeChange")}</summary>
      <h4>{t("relabel")}</h4>
      <ActionForm action={propose} submitLabel={t("proposeLabel")} successMessage={t("proposed")}>
        <input type="hidden" name="kind" value="RELABEL" />
        <input type="hidden" name="themeId" value={theme.id} />
        <label>{t("newLabel")}<input name="label" required maxLength={200} defaultValue={theme.label} /></label>
        <label>{t("chineseOptional")}<input name="labelZh" maxLength={200} /></label>
        <Reason label={t("reason")} />
      </ActionForm>
      <h4>{t("split")}</h4>
      <p className="muted">{t("splitHelp")}</p>
      <ActionForm action={propose} submitLabel={t("proposeSplit")} successMessage={t("proposed")}>
        <input type="hidden" name="kind" value="SPLIT" />
        <input type="hidden" name="themeId" value={theme.id} />
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="inline" style={{ display: "flex", gap: ".5rem", flexWrap: "wrap" }}>
            <label>{t("partLabel", { number: i + 1 })}<input name={`label${i}`} maxLength={200} /></label>
            <label>{t("chinese")}<input name={`labelZh${i}`} maxLength={200} style={{ width: 120 }} /></label>
            <label>{t("seeds")}<input name={`seeds${i}`} placeholder={t("seedsPlaceholder")} /></label>
          </div>
        ))}
        <Reason label={t("reason")} />
      </ActionForm>
      <h4>{t("delete")}</h4>
      <ActionForm action={propose} submitLabel={t("proposeDelete")} successMessage={t("proposed")}>
        <input type="hidden" name="kind" value="DELETE" />
        <input type="hidden" name="themeId" value={theme.id} />
        <Reason label={t("reason")} />
      </ActionForm>
    </details>
  );
}

export async function MergeForm({ themes, propose }: { themes: ThemeOption[]; propose: Propose }) {
  const t = await getTranslations("curation");
  return (
    <ActionForm action={propose} submitLabel={t("proposeMerge")} successMessage={t("proposed")}>
      <input type="hidden" name="kind" value="MERGE" />
      <fieldset>
        <legend>{t("mergeLegend")}</legend>
        {themes.map((theme) => (
          <label key={theme.id} style={{ display: "flex", gap: ".4rem", alignItems: "center" }}>
            <input type="checkbox" name="themeIds" value={theme.id} /> {theme.label}
          </label>
        ))}
      </fieldset>
      <label>{t("mergeLabel")}<input name="label" maxLength={200} /></label>
      <label>{t("chineseOptional")}<input name="labelZh" maxLength={200} /></label>
      <Reason label={t("reason")} />
    </ActionForm>
  );
}
