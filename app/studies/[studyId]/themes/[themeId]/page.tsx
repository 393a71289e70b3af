import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { requestLocale } from "@/lib/i18n/request";
import { getThemeEvidence } from "@/lib/indicators/get-theme-evidence";
import { PHASES } from "@/lib/indicators/kind-mix";
import { indicatorFormat } from "@/app/studies/[studyId]/indicator-format";
import { YearTable } from "./year-table";
import { ForecastTable } from "./forecast-table";
import { ThemeCurationPanel } from "@/app/studies/[studyId]/themes/theme-curation-panel";

export const dynamic = "force-dynamic";

export default async function ThemeEvidencePage({ params }: { params: Promise<{ studyId: string; themeId: string }> }) {
  await requirePageViewer(can.viewStudy);
  const { studyId, themeId } = await params;
  const found = await getThemeEvidence(studyId, themeId);
  if (!found) notFound();
  const { theme, evidence, indicators: ind, forecast, years } = found;
  const run = theme.themeSet.topicRun;
  const terms = (theme.topTerms as { term: string; weight: number }[]).slice(0, 20);
  const locale = await requestLocale();
  const t = await getTranslations("evidence");
  const tk = await getTranslations("kind");
  const { fmt, pct } = indicatorFormat(locale);
  const label = locale === "zh" && theme.labelZh ? theme.labelZh : theme.label;

  return (
    <article>
      <p><Link href={`/studies/${studyId}`}>← {theme.themeSet.study.name}</Link></p>
      <h1>{label}</h1>
      <div className="terms">{terms.map((x) => <span key={x.term} title={t("weight", { weight: fmt(x.weight, 4) })}>{x.term.replace(/_/g, " ")}</span>)}</div>

      {!ind ? (
        <p className="muted">{t("notStored")}</p>
      ) : (
        <>
          <section className="card" data-testid="theme-summary">
            <p>
              <strong>{t("volume")}</strong> {t("volumeText", { volume: fmt(ind.volume, 1), share: pct(ind.volumeShare, 1) })} ·{" "}
              <strong>{ind.documentCount}</strong> {t("documentsText", { threshold: pct(evidence.basis?.membershipThreshold ?? 0.2) })} ·{" "}
              <strong>{t("growth")}</strong> {t("growthText", { growth: pct(ind.growth), year: String(ind.untilYear) })}
            </p>
            <p>
              <strong>{t("emerging")}</strong> {fmt(ind.emerging?.score)}{" "}
              {ind.emerging && (
                <span className="muted">
                  {t("emergingText", { novelty: fmt(ind.emerging.novelty), shareGrowth: pct(ind.emerging.shareGrowth), boost: fmt(1 + 0.5 * ind.emerging.weakSignal) })}
                </span>
              )}
            </p>
            <p>
              <strong>{t("stage")}</strong> {ind.lifeCycle.stage ? t(`stages.${ind.lifeCycle.stage}`) : t("notDetermined")}{" "}
              <span className="muted">
                {ind.lifeCycle.position !== null && t("position", { position: pct(ind.lifeCycle.position) })}
                {ind.lifeCycle.inflectionYear !== null && t("inflection", { year: fmt(ind.lifeCycle.inflectionYear, 1) })}
                {ind.lifeCycle.fit && t("fit", { r2: fmt(ind.lifeCycle.fit.r2, 3) })}
                {ind.lifeCycle.reason && ` — ${ind.lifeCycle.reason}`}
              </span>
            </p>
            <p>
              <strong>{t("leader")}</strong> {ind.countries.leader ? t("leaderText", { country: ind.countries.leader.country, share: pct(ind.countries.leader.share), rca: fmt(ind.countries.leader.rca) }) : "—"}{" "}
              <span className="muted">{t("coverage", { share: pct(ind.countries.coverage) })}</span>
            </p>
          </section>

          <h2>{t("representative")}</h2>
          <ol>
            {theme.documents.map(({ weight, document: d }) => (
              <li key={d.id}>
                {d.title} <span className="muted">{t("documentMeta", { kind: tk(d.kind), year: d.year ?? t("noDate"), countries: d.countries.length ? `, ${d.countries.join(" ")}` : "", share: pct(weight) })}</span>
              </li>
            ))}
          </ol>

          <h2>{t("byYear")}</h2>
          <YearTable years={years} locale={locale} />

          <h2>{t("forecast.heading")}</h2>
          <ForecastTable forecast={forecast} locale={locale} />

          <h2>{t("countries")}</h2>
          <table data-testid="country-shares">
            <thead><tr><th>{t("country")}</th><th>{t("shareFractional")}</th><th>RCA</th></tr></thead>
            <tbody>
              {ind.countries.shares.slice(0, 15).map((c) => (
                <tr key={c.country}><td>{c.country}</td><td>{pct(c.share, 1)}</td><td>{fmt(c.rca)}</td></tr>
              ))}
              {ind.countries.shares.length === 0 && <tr><td colSpan={3} className="muted">{t("noCountry")}</td></tr>}
            </tbody>
          </table>
          <p className="muted">{t("rcaHelp")}</p>

          <h2>{t("phases")}</h2>
          {ind.kindMix ? (
            <table>
              <thead><tr><th>{t("phase")}</th><th>{t("share")}</th><th>{t("vsCorpus")}</th><th>{t("meanYear")}</th></tr></thead>
              <tbody>
                {PHASES.filter((p) => ind.kindMix!.shares[p] > 0).map((p) => (
                  <tr key={p}><td>{t(`phaseNames.${p}`)}{p === ind.kindMix!.leading ? t("leads") : ""}</td><td>{pct(ind.kindMix!.shares[p])}</td><td>{fmt(ind.kindMix!.relative[p])}×</td><td>{fmt(ind.kindMix!.meanYear[p], 1)}</td></tr>
                ))}
              </tbody>
            </table>
          ) : <p className="muted">{t("noDocuments")}</p>}

          <h2>{t("collaboration")}</h2>
          <table>
            <thead><tr><th>{t("measure")}</th><th>{t("value")}</th><th>{t("basedOn")}</th></tr></thead>
            <tbody>
              <tr><td>{t("international")}</td><td>{pct(ind.collaboration.international.share)}</td><td>{t("withCountry", { count: fmt(ind.collaboration.international.eligible, 1) })}</td></tr>
              <tr><td>{t("crossSector")}</td><td>{pct(ind.collaboration.crossSector.share)}</td><td>{t("withSector", { count: fmt(ind.collaboration.crossSector.eligible, 1) })}</td></tr>
              {(["countries", "institutions", "sources"] as const).map((key) => {
                const d = ind.diversity[key];
                return (
                  <tr key={key}>
                    <td>{t(`diversity.${key}`)}</td>
                    <td>{d ? t("ofCategories", { effective: fmt(d.effective, 1), categories: d.categories }) : "—"}</td>
                    <td>{d ? t("entropy", { h: fmt(d.entropy, 3), evenness: fmt(d.evenness) }) : t("noData")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}

      {theme.alerts.length > 0 && (
        <>
          <h2>{t("alerts")}</h2>
          <ul>{theme.alerts.map((a) => <li key={a.id}><span className={`badge ${a.status}`}>{t(`alertStatus.${a.status}`)}</span> {a.message}</li>)}</ul>
        </>
      )}

      <ThemeCurationPanel studyId={studyId} themeId={theme.id} />

      <h2>{t("provenance")}</h2>
      <p className="muted" data-testid="provenance">
        {t("provenanceText", { index: theme.index, version: theme.themeSet.version, origin: t(`origins.${theme.themeSet.origin}`), model: evidence.modelVersion ?? run?.modelVersion ?? "?" })}
        {run && t("run", { algorithm: run.algorithm, k: run.k, seed: run.seed, documents: run.documentCount, terms: run.vocabularySize, id: run.id })}
        {t("end")}
        {evidence.basis && t("basis", { count: theme._count.documents, table: evidence.basis.table, min: String(evidence.basis.minWeight) })}
      </p>
    </article>
  );
}
