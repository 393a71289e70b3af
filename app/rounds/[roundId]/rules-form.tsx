// The study's consensus rules, registered before round 1 opens; several may apply at once and an
// item reaches consensus only when every one agrees (lib/delphi/item-outcome.ts).
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { localised } from "@/app/rounds/format";
import type { ParsedQuestion } from "@/lib/delphi/question-config";
import { ActionForm } from "@/app/components/action-form";
import type { ActionResult } from "@/lib/action-result";

type Props = { action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>; questions: ParsedQuestion[] };

export async function RulesForm({ action, questions }: Props) {
  const t = await getTranslations("rounds.rules");
  const locale = await requestLocale();
  const scales = questions.filter((q) => q.kind === "SCALE");
  const band = scales.find((q) => q.key === "importance")?.config.agreeBand ?? [4, 5];
  const rule = (name: string, label: React.ReactNode, checked = false) => (
    <label style={{ display: "flex", gap: ".4rem", alignItems: "center", flexWrap: "wrap" }}>
      <input type="checkbox" name={name} defaultChecked={checked} /> {label}
    </label>
  );
  const num = (name: string, value: number, step = "any", label?: string) => (
    <input type="number" name={name} defaultValue={value} step={step} style={{ width: "5.5rem" }} aria-label={label ?? name} />
  );
  return (
    <details className="card">
      <summary>{t("register")}</summary>
      <ActionForm action={action} submitLabel={t("submit")} successMessage={t("registered")} className="stack wide">
        <label>
          {t("judgedOn")}
          <select name="questionKey" defaultValue="importance">{scales.map((q) => <option key={q.key} value={q.key}>{localised(locale, q.label, q.labelZh)}</option>)}</select>
        </label>
        {rule("iqr", t.rich("iqr", { max: () => num("iqrMax", 1, "any", t("iqrMax")) }), true)}
        {rule("agreement", t.rich("agreement", { min: () => num("agreementMin", 70, "1", t("agreementMin")), from: () => num("bandLo", band[0], "1", t("bandFrom")), to: () => num("bandHi", band[1], "1", t("bandTo")) }))}
        {rule("comet", t("comet"), true)}
        {rule("cv", t.rich("cv", { good: () => num("cvGood", 0.5, "any", t("cvGood")), fair: () => num("cvFair", 0.8, "any", t("cvFair")) }))}
        {rule("rand", t("rand"))}
      </ActionForm>
    </details>
  );
}
