import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getStudyOverview } from "@/lib/studies/get-study-overview";
import { ActionForm } from "@/app/components/action-form";
import { ActivityPoller } from "@/app/components/activity-poller";
import { UploadForm } from "@/app/studies/[studyId]/upload-form";
import { FORMATS } from "@/lib/ingest/formats";
import { ImportsTable } from "@/app/studies/[studyId]/imports-table";
import { ThemesList } from "@/app/studies/[studyId]/themes-list";
import { ThemeIndicatorsTable } from "@/app/studies/[studyId]/theme-indicators-table";
import { AlertsPanel } from "@/app/studies/[studyId]/alerts-panel";
import { getStudyAlerts } from "@/lib/alerts/get-study-alerts";
import { launchScanAction, createRoundAction } from "@/app/studies/[studyId]/actions";
import { getModelSelection } from "@/lib/scans/get-model-selection";
import { ModelSelectionTable } from "@/app/studies/[studyId]/model-selection-table";
import { AnonymityForm } from "@/app/studies/[studyId]/anonymity-form";

export const dynamic = "force-dynamic";

export default async function StudyPage({ params }: { params: Promise<{ studyId: string }> }) {
  const viewer = await requirePageViewer(can.viewStudy);
  const { studyId } = await params;
  const { study, themeSet, documents } = await getStudyOverview(studyId);
  const admin = can.manageStudies(viewer);
  const alerts = await getStudyAlerts(studyId, viewer.id);
  const selection = await getModelSelection(studyId);
  const t = await getTranslations("study");
  const tr = await getTranslations("report");
  const tb = await getTranslations("backtest");
  const ts = await getTranslations("status");
  const locale = await requestLocale();
  const openAlerts = alerts.alerts.filter((a) => a.status === "OPEN").length;
  const running = study.imports.some((i) => i.status === "QUEUED" || i.status === "RUNNING") || study.scans.some((s) => s.status === "QUEUED" || s.status === "RUNNING");

  return (
    <>
      <h1>{study.name}</h1>
      {study.question && <p>{study.question}</p>}
      <p className="muted">
        {t("documents", { count: study._count.documents, formatted: formatNumber(locale, study._count.documents, 0) })}
        {study.horizonYear ? ` · ${t("horizon", { year: String(study.horizonYear) })}` : ""}
        {study.homeCountry ? ` · ${t("homeCountry", { country: study.homeCountry })}` : ""}
      </p>
      <p>
        <Link href={`/studies/${study.id}/dashboard`} className="button" data-testid="dashboard-link">{t("openDashboard")}</Link>{" "}
        <Link href={`/studies/${study.id}/themes`} className="button">{t("curateThemes")}</Link>{" "}
        <Link href={`/studies/${study.id}/report`} className="button" data-testid="report-link">{tr("page.metaTitle")}</Link>{" "}
        <Link href={`/studies/${study.id}/reports`} className="button" data-testid="template-reports-link">{tr("page.templateReports")}</Link>{" "}
        <Link href={`/studies/${study.id}/backtest`} className="button" data-testid="backtest-link">{tb("link")}</Link>
      </p>
      <ActivityPoller studyId={study.id} active={running} />

      <h2>{t("data")}</h2>
      {admin && <UploadForm studyId={study.id} formats={FORMATS.map((f) => ({ id: f.id, label: f.label }))} />}
      <ImportsTable imports={study.imports} />

      <h2>{t("scans")}</h2>
      {admin && (
        <ActionForm action={launchScanAction.bind(null, study.id)} submitLabel={t("launchScan")} pendingLabel={t("queuing")} className="inline">
          <label>
            {t("k")}
            <input name="k" type="number" min={2} max={500} defaultValue={8} style={{ width: 90 }} />
          </label>
          <label>
            {t("kTo")}
            <input name="kTo" type="number" min={2} max={500} style={{ width: 90 }} />
          </label>
          <label>
            {t("kStep")}
            <input name="kStep" type="number" min={1} max={500} placeholder="5" style={{ width: 70 }} />
          </label>
          <label>
            {t("iterations")}
            <input name="iterations" type="number" min={10} max={5000} defaultValue={300} style={{ width: 100 }} />
          </label>
          <label>
            {t("seed")}
            <input name="seed" type="number" min={0} defaultValue={42} style={{ width: 90 }} />
          </label>
        </ActionForm>
      )}
      <table>
        <thead>
          <tr><th>{t("started")}</th><th>{t("parameters")}</th><th>{t("status")}</th><th>{t("progress")}</th></tr>
        </thead>
        <tbody>
          {study.scans.map((s) => (
            <tr key={s.id} data-testid="scan-row">
              <td>{formatDateTime(locale, s.createdAt)}</td>
              <td>{Object.entries(s.parameters as Record<string, unknown>).map(([k, v]) => `${k} ${v}`).join(", ")}</td>
              <td><span className={`badge ${s.status}`}>{ts(s.status)}</span> {s.error && <span className="error">{s.error}</span>}</td>
              <td>{s.status === "RUNNING" || s.status === "QUEUED" ? <><progress value={s.progress} max={1} /> {s.stage}</> : s.message ?? ""}</td>
            </tr>
          ))}
          {study.scans.length === 0 && <tr><td colSpan={4} className="muted">{t("noScans")}</td></tr>}
        </tbody>
      </table>
      {selection && selection.rows.length > 0 && <ModelSelectionTable rows={selection.rows} />}

      <h2>{themeSet ? t("themesVersion", { version: themeSet.version }) : t("themes")}</h2>
      {themeSet && <ThemeIndicatorsTable studyId={study.id} themes={themeSet.themes} />}
      {themeSet ? <ThemesList themes={themeSet.themes} documents={documents} studyId={study.id} /> : <p className="muted">{t("noThemes")}</p>}

      <h2>{openAlerts ? t("alertsOpen", { count: openAlerts }) : t("alerts")}</h2>
      <AlertsPanel studyId={study.id} admin={admin} {...alerts} />

      <h2>{t("rounds")}</h2>
      <table>
        <thead>
          <tr><th>{t("round")}</th><th>{t("status")}</th><th>{t("items")}</th><th>{t("invited")}</th><th></th></tr>
        </thead>
        <tbody>
          {study.rounds.map((r) => (
            <tr key={r.id}>
              <td>{r.title || t("roundNumber", { number: r.number })}</td>
              <td><span className={`badge ${r.status}`}>{ts(r.status)}</span></td>
              <td>{r._count.items}</td>
              <td>{r._count.invitations}</td>
              <td>
                {admin && <Link href={`/rounds/${r.id}`}>{t("manage")}</Link>} {r.status === "CLOSED" && <Link href={`/rounds/${r.id}/report`}>{t("report")}</Link>}
              </td>
            </tr>
          ))}
          {study.rounds.length === 0 && <tr><td colSpan={5} className="muted">{t("noRounds")}</td></tr>}
        </tbody>
      </table>
      {admin && themeSet && !study.rounds.some((r) => r.status !== "CLOSED") && (
        <div className="card" style={{ marginTop: "1rem" }}>
          <ActionForm action={createRoundAction.bind(null, study.id)} submitLabel={t("createRound", { number: study.rounds.length + 1 })} className="inline">
            <label>
              {t("minN")}
              <input name="minN" type="number" min={1} max={100} defaultValue={5} style={{ width: 90 }} />
            </label>
          </ActionForm>
        </div>
      )}
      {admin && <AnonymityForm studyId={study.id} />}
    </>
  );
}
