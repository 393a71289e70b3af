// The admin's switch for attribution (lib/delphi/anonymity-settings.ts): off by default; on only
// while no round is open; what it changes is said next to it.
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { formatDateTime } from "@/lib/i18n/format";
import { getStudyAnonymity } from "@/lib/delphi/get-study-anonymity";
import { ActionForm } from "@/app/components/action-form";
import { updateAnonymityAction } from "@/app/studies/[studyId]/anonymity-actions";

export async function AnonymityForm({ studyId }: { studyId: string }) {
  const t = await getTranslations("anonymitySetting");
  const locale = await requestLocale();
  const { settings, openRounds } = await getStudyAnonymity(studyId);
  const on = settings.adminAttribution;
  return (
    <details className="card" style={{ marginTop: "1rem" }} data-testid="anonymity-setting">
      <summary>{t("title")}: {on ? t("on") : t("off")}</summary>
      <p>{on ? t("explainOn", { since: formatDateTime(locale, new Date(settings.attributedSince ?? 0)) }) : t("explainOff")}</p>
      <p className="muted">{t("rules")}</p>
      {!on && openRounds.length > 0 && <p className="muted">{t("openRounds", { rounds: openRounds.join(t("listSeparator")) })}</p>}
      <ActionForm action={updateAnonymityAction.bind(null, studyId)} submitLabel={on ? t("switchOff") : t("switchOn")} className="inline" successMessage={t("saved")}>
        <input type="hidden" name="adminAttribution" value={on ? "false" : "true"} />
      </ActionForm>
    </details>
  );
}
