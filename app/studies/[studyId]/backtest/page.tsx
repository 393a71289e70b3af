import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getStudyBacktests } from "@/lib/backtest/get-study-backtests";
import { getBacktestDefaults } from "@/lib/backtest/get-backtest-defaults";
import { notFoundOnAppError } from "@/app/studies/[studyId]/dashboard/not-found-on";
import { BacktestForm } from "./backtest-form";
import { BacktestRunsTable } from "./backtest-runs-table";
import { BacktestResult } from "./backtest-result";
import { RefreshWhileRunning } from "./refresh-while-running";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("backtest");
  return { title: `${t("metaTitle")} · Foresight` };
}

/** Back-tests of the emerging score on the study's own documents: start one, follow it, read any finished one. */
export default async function BacktestPage({ params, searchParams }: { params: Promise<{ studyId: string }>; searchParams: Promise<{ run?: string | string[] }> }) {
  const viewer = await requirePageViewer(can.viewStudy);
  const { studyId } = await params;
  const { run } = await searchParams;
  const { study, runs, running, selected } = await getStudyBacktests(studyId, typeof run === "string" ? run : undefined).catch(notFoundOnAppError);
  const t = await getTranslations("backtest");

  return (
    <>
      <p><Link href={`/studies/${study.id}`}>← {study.name}</Link></p>
      <h1>{t("heading", { study: study.name })}</h1>
      <p className="muted">{t("intro")}</p>

      {can.runBacktest(viewer) && (
        <>
          <h2>{t("start")}</h2>
          <BacktestForm studyId={study.id} defaults={await getBacktestDefaults(study.id)} />
        </>
      )}

      <h2>{t("runs")}</h2>
      <RefreshWhileRunning active={running} />
      <BacktestRunsTable studyId={study.id} runs={runs} selectedId={selected?.id ?? null} />

      {selected ? <BacktestResult report={selected.report} documents={selected.documents} /> : <p className="muted">{t("noResult")}</p>}
    </>
  );
}
