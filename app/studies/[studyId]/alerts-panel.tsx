import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { formatDate, formatNumber, formatPercent } from "@/lib/i18n/format";
import { describeReason } from "@/app/studies/[studyId]/dashboard/reasons";
import type { getStudyAlerts } from "@/lib/alerts/get-study-alerts";
import type { Crossing } from "@/lib/alerts/crossed-thresholds";
import { ActionForm } from "@/app/components/action-form";
import { setAlertStatusAction, updateAlertThresholdsAction, watchStudyAction } from "@/app/studies/[studyId]/alert-actions";

type Props = { studyId: string; admin: boolean } & Awaited<ReturnType<typeof getStudyAlerts>>;

/** Early-warning alerts: why each theme was flagged; watchers acknowledge or dismiss; admins set thresholds. */
export async function AlertsPanel({ studyId, admin, alerts, watching, watchers, thresholds }: Props) {
  const t = await getTranslations("alerts");
  const tw = await getTranslations("dashboard.watch");
  const locale = await requestLocale();
  const weak = thresholds.weakSignal;
  return (
    <section data-testid="alerts">
      <div className="inline" style={{ display: "flex", gap: "1rem", alignItems: "center", flexWrap: "wrap" }}>
        <span className="muted">
          {t("rules", { watchers, score: thresholds.emergingScoreMin === null ? t("off") : formatNumber(locale, thresholds.emergingScoreMin, 2) })}
          {weak ? t("weak", { growth: formatPercent(locale, weak.growthMin), volume: formatNumber(locale, weak.volumeMax, 1) }) : t("weakOff")}
        </span>
        <ActionForm action={watchStudyAction.bind(null, studyId, !watching)} submitLabel={watching ? t("unwatch") : t("watch")} className="inline" />
      </div>
      <table>
        <thead><tr><th>{t("raised")}</th><th>{t("alert")}</th><th>{t("why")}</th><th>{t("status")}</th><th></th></tr></thead>
        <tbody>
          {alerts.map((a) => {
            const crossed = ((a.data as { crossed?: Crossing[] }).crossed ?? []).map((c) => describeReason(c, tw, locale));
            return (
              <tr key={a.id} data-testid="alert-row">
                <td>{formatDate(locale, a.createdAt)}</td>
                <td>{a.theme ? <Link href={`/studies/${studyId}/themes/${a.theme.id}`}>{a.title}</Link> : a.title}</td>
                <td>{crossed.length ? crossed.join("; ") : a.message}</td>
                <td><span className={`badge ${a.status}`}>{tw(`alertStatus.${a.status}`)}</span></td>
                <td>
                  {watching && (
                    <div style={{ display: "flex", gap: ".4rem" }}>
                      {a.status === "OPEN" && <ActionForm action={setAlertStatusAction.bind(null, studyId, a.id, "ACKNOWLEDGED")} submitLabel={t("acknowledge")} className="inline" />}
                      <ActionForm action={setAlertStatusAction.bind(null, studyId, a.id, "DISMISSED")} submitLabel={t("dismiss")} className="inline" />
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
          {alerts.length === 0 && <tr><td colSpan={5} className="muted">{t("none")}</td></tr>}
        </tbody>
      </table>
      {admin && (
        <details style={{ marginTop: ".75rem" }}>
          <summary>{t("thresholds")}</summary>
          <ActionForm action={updateAlertThresholdsAction.bind(null, studyId)} submitLabel={t("save")} className="inline" successMessage={t("saved")}>
            <label>
              {t("scoreMin")}
              <input name="emergingScoreMin" type="number" step="0.1" min="0.1" defaultValue={thresholds.emergingScoreMin ?? ""} style={{ width: 110 }} />
            </label>
            <label>
              {t("growthMin")}
              <input name="growthMinPercent" type="number" step="1" defaultValue={weak ? Math.round(weak.growthMin * 100) : ""} style={{ width: 110 }} />
            </label>
            <label>
              {t("volumeMax")}
              <input name="volumeMax" type="number" step="1" min="1" defaultValue={weak?.volumeMax ?? ""} style={{ width: 110 }} />
            </label>
          </ActionForm>
          <p className="muted">{t("help")}</p>
        </details>
      )}
    </section>
  );
}
