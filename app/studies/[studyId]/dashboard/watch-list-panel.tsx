import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReadyDashboard } from "@/lib/dashboard/get-dashboard";
import { formatDate, formatNumber, formatSignedPercent } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { displayNames, drillHref } from "@/app/components/charts/names";
import { describeReason } from "./reasons";

type Props = { dashboard: ReadyDashboard; locale: Locale };

/** Alerts raised for the study, and the themes crossing the thresholds now with why. */
export async function WatchListPanel({ dashboard, locale }: Props) {
  const t = await getTranslations("dashboard.watch");
  const ts = await getTranslations("dashboard.stage");
  const names = displayNames(dashboard.themes, locale);
  const studyId = dashboard.study.id;
  const th = dashboard.thresholds;
  const rules = [
    th.emergingScoreMin !== null ? t("ruleEmerging", { min: formatNumber(locale, th.emergingScoreMin, 2) }) : t("ruleEmergingOff"),
    th.weakSignal ? t("ruleWeak", { growth: formatSignedPercent(locale, th.weakSignal.growthMin), volume: formatNumber(locale, th.weakSignal.volumeMax, 1) }) : t("ruleWeakOff"),
  ];
  return (
    <>
      <p className="muted">{rules.join(" ")} {t("ruleDisruptive")}</p>
      <table data-testid="watch-list">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr><th scope="col">{t("theme")}</th><th scope="col">{t("flags")}</th><th scope="col">{t("why")}</th><th scope="col">{t("stage")}</th><th scope="col"></th></tr>
        </thead>
        <tbody>
          {dashboard.watchList.map((entry) => (
            <tr key={entry.themeId} data-flags={entry.flags.join(" ")}>
              <th scope="row">{names.get(entry.themeId)}</th>
              <td>{entry.flags.map((f) => <span key={f} className={`badge flag-${f}`}>{t(`flag.${f}`)}</span>)}</td>
              <td>{entry.reasons.map((r) => describeReason(r, t, locale)).join("; ")}</td>
              <td>{entry.stage ? ts(entry.stage) : "—"}</td>
              <td>
                <Link href={drillHref(studyId, { theme: entry.themeId })}>{t("documents")}</Link> · <Link href={`/studies/${studyId}/themes/${entry.themeId}`}>{t("evidence")}</Link>
              </td>
            </tr>
          ))}
          {dashboard.watchList.length === 0 && <tr><td colSpan={5} className="muted">{t("none")}</td></tr>}
        </tbody>
      </table>

      <h3>{t("alertsTitle")}</h3>
      <table data-testid="dashboard-alerts">
        <caption className="sr-only">{t("alertsTitle")}</caption>
        <thead>
          <tr><th scope="col">{t("raised")}</th><th scope="col">{t("theme")}</th><th scope="col">{t("kind")}</th><th scope="col">{t("why")}</th><th scope="col">{t("status")}</th></tr>
        </thead>
        <tbody>
          {dashboard.alerts.map((a) => (
            <tr key={a.id}>
              <td data-testid="alert-date">{formatDate(locale, a.createdAt)}</td>
              <td>{a.themeId ? <Link href={drillHref(studyId, { theme: a.themeId })}>{(locale === "zh" && a.themeLabelZh) || a.themeLabel || a.title}</Link> : a.title}</td>
              <td>{t.has(`alertKind.${a.kind}`) ? t(`alertKind.${a.kind}`) : a.kind}</td>
              <td>{a.crossed.length ? a.crossed.map((c) => describeReason(c, t, locale)).join("; ") : a.message}</td>
              <td><span className={`badge ${a.status}`}>{t(`alertStatus.${a.status}`)}</span></td>
            </tr>
          ))}
          {dashboard.alerts.length === 0 && <tr><td colSpan={5} className="muted">{t("noAlerts")}</td></tr>}
        </tbody>
      </table>
    </>
  );
}
