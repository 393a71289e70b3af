import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { formatNumber, formatYear } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import type { StudyBacktestReport } from "@/lib/backtest/study-documents";
import type { SpearmanResult } from "@/lib/backtest/rank-statistics";
import { REPRESENTATIVE_SHOWN, type BacktestDocumentTitle } from "@/lib/backtest/get-study-backtests";
import { BacktestThemesTable } from "./backtest-themes-table";

const BASELINES = ["growth", "shareGrowth", "novelty"] as const;

/** A p-value to three decimals; below 0.001 as "< 0.001". */
export function formatPValue(locale: Locale, p: number): string {
  return p < 0.001 ? `< ${formatNumber(locale, 0.001, 3)}` : formatNumber(locale, p, 3);
}

/** One finished run: agreement of the score with realised growth, its baselines, the corpus and the themes. */
export async function BacktestResult({ report, documents }: { report: StudyBacktestReport; documents: Map<string, BacktestDocumentTitle> }) {
  const t = await getTranslations("backtest");
  const locale = await requestLocale();
  const { parameters: p, corpus, spearman } = report;
  const rho = (s: SpearmanResult) => formatNumber(locale, s.rho, 3);
  // Precision at k over fewer than k themes is over all of them (precisionAtK divides by the smaller).
  const top = Math.min(p.top, spearman.n);
  const firstTest = p.until + 1;
  const lastTest = p.until + p.horizon;
  return (
    <section data-testid="backtest-result">
      <h2>{t("result", { until: formatYear(p.until), horizon: p.horizon })}</h2>
      <div className="card">
        <p>
          <strong>{t("rho")}</strong>{" "}
          <span data-testid="backtest-rho">{rho(spearman)}</span>{" · "}
          {t("pValue")} <span data-testid="backtest-p">{formatPValue(locale, spearman.p)}</span>{" "}
          <span className="muted">({t(`method.${spearman.method}`)}; {t("themesCompared", { count: spearman.n })})</span>
        </p>
        <p>
          <strong>{t("precision", { top })}</strong>{" "}
          <span data-testid="backtest-precision">{formatNumber(locale, report.precisionAtTop, 3)}</span>{" "}
          <span className="muted">{t("precisionHint", { top })}</span>
        </p>
      </div>

      <h3>{t("baselines")}</h3>
      <table data-testid="backtest-baselines">
        <thead><tr><th>{t("forecast")}</th><th>ρ</th><th>{t("pValue")}</th><th>{t("themesColumn")}</th></tr></thead>
        <tbody>
          <tr><td>{t("baseline.score")}</td><td>{rho(spearman)}</td><td>{formatPValue(locale, spearman.p)}</td><td>{spearman.n}</td></tr>
          {BASELINES.map((name) => (
            <tr key={name} data-testid="backtest-baseline" data-baseline={name}>
              <td>{t(`baseline.${name}`)}</td>
              <td>{rho(report.baselines[name])}</td>
              <td>{formatPValue(locale, report.baselines[name].p)}</td>
              <td>{report.baselines[name].n}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t("corpus")}</h3>
      <table data-testid="backtest-corpus">
        <tbody>
          <tr><th>{t("corpusDocuments")}</th><td>{formatNumber(locale, corpus.documents, 0)}</td></tr>
          <tr><th>{t("corpusTrain", { until: formatYear(p.until) })}</th><td>{formatNumber(locale, corpus.train, 0)}</td></tr>
          <tr><th>{t("corpusTest", { from: formatYear(firstTest), to: formatYear(lastTest) })}</th><td>{formatNumber(locale, corpus.test, 0)}</td></tr>
          <tr><th>{t("corpusIgnored")}</th><td>{formatNumber(locale, corpus.ignored, 0)} {corpus.withoutYear > 0 && <span className="muted">({t("withoutYear", { count: corpus.withoutYear })})</span>}</td></tr>
          <tr><th>{t("corpusVocabulary")}</th><td>{formatNumber(locale, corpus.vocabulary, 0)}</td></tr>
          <tr><th>{t("corpusTokens")}</th><td>{formatNumber(locale, corpus.tokens, 0)}</td></tr>
          <tr><th>{t("corpusTestYears")}</th><td>{corpus.testYears.map(formatYear).join(", ")}</td></tr>
        </tbody>
      </table>

      <h3>{t("themes")}</h3>
      <p className="muted">{t("themesHint", { shown: REPRESENTATIVE_SHOWN })}</p>
      <BacktestThemesTable topics={report.topics} documents={documents} />
    </section>
  );
}
