import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { formatDateTime, formatPercent, formatYear } from "@/lib/i18n/format";
import type { JobStatus } from "@/lib/generated/prisma/enums";

type Run = {
  id: string;
  until: number;
  horizon: number;
  k: number;
  seed: number;
  iterations: number;
  status: JobStatus;
  stage: string;
  progress: number;
  error: string | null;
  createdAt: Date;
  createdBy: { name: string } | null;
};

const STAGES = new Set(["queued", "preparing", "training", "inferring", "done"]);

/** Every run of the study with its parameters and state; a finished one links to its result. */
export async function BacktestRunsTable({ studyId, runs, selectedId }: { studyId: string; runs: Run[]; selectedId: string | null }) {
  const t = await getTranslations("backtest");
  const ts = await getTranslations("status");
  const locale = await requestLocale();
  return (
    <div className="table-scroll">
      <table data-testid="backtest-runs">
        <thead>
          <tr><th>{t("created")}</th><th>{t("by")}</th><th>{t("parameters")}</th><th>{t("status")}</th><th>{t("progress")}</th><th></th></tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-testid="backtest-run" data-run={r.id} data-status={r.status}>
              <td>{formatDateTime(locale, r.createdAt)}</td>
              <td>{r.createdBy?.name ?? "—"}</td>
              <td>{t("parametersValue", { until: formatYear(r.until), horizon: r.horizon, k: r.k, seed: String(r.seed), iterations: r.iterations })}</td>
              <td><span className={`badge ${r.status}`}>{ts(r.status)}</span> {r.error && <span className="error">{r.error}</span>}</td>
              <td>
                {(r.status === "QUEUED" || r.status === "RUNNING") && (
                  <><progress value={r.progress} max={1} /> {formatPercent(locale, r.progress)} · {STAGES.has(r.stage) ? t(`stage.${r.stage}`) : r.stage}</>
                )}
              </td>
              <td>
                {r.status === "SUCCEEDED" && (r.id === selectedId ? <span className="muted">{t("shown")}</span> : <Link href={`/studies/${studyId}/backtest?run=${r.id}`}>{t("show")}</Link>)}
              </td>
            </tr>
          ))}
          {runs.length === 0 && <tr><td colSpan={6} className="muted">{t("noRuns")}</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
