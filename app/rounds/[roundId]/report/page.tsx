import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/config";
import { STABLE_PERCENT_CHANGE, WILCOXON_ALPHA } from "@/lib/delphi/item-outcome";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getRoundReport } from "@/lib/delphi/get-round-report";
import { ruleText } from "@/lib/delphi/rule-text";
import type { ParsedQuestion } from "@/lib/delphi/question-config";
import type { StoredConsensus, VisibleStatistic } from "@/lib/delphi/feedback";
import { Distribution, StatisticsTable } from "@/app/rounds/statistics-view";
import { RankingResultsTable } from "@/app/rounds/ranking-results";
import { day, fmt, fmtYear, localised, pct } from "@/app/rounds/format";

export const dynamic = "force-dynamic";

type Report = Awaited<ReturnType<typeof getRoundReport>>;
type Item = Report["items"][number];
type Row = Item["statistics"][number];
type Translate = Awaited<ReturnType<typeof getTranslations>>;
type Context = { t: Translate; locale: Locale };

export default async function ReportPage({ params }: { params: Promise<{ roundId: string }> }) {
  await requirePageViewer(can.viewReports);
  const { roundId } = await params;
  const report = await getRoundReport(roundId);
  const closed = report.status === "CLOSED";
  const t = await getTranslations("rounds");
  const ts = await getTranslations("status");
  const locale = await requestLocale();
  const c: Context = { t, locale };

  return (
    <article>
      <p><Link href={`/studies/${report.study.id}`}>← {report.study.name}</Link></p>
      <h1>{t("report.title", { round: report.title || t("roundNumber", { number: report.number }) })}</h1>
      {!closed ? (
        <p className="muted">{t("report.notClosed", { status: ts(report.status) })}</p>
      ) : (
        <>
          <Summary report={report} c={c} />
          {report.kind === "RANKING" ? <Ranking report={report} c={c} /> : <Rating report={report} c={c} />}
        </>
      )}
    </article>
  );
}

function Summary({ report, c: { t, locale } }: { report: Report; c: Context }) {
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>{t("report.summary")}</h2>
      {report.study.question && <p>{report.study.question}</p>}
      <p>
        {t("report.answered", { respondents: report.respondents, invited: report._count.invitations })}{" "}
        <span data-testid="closed-at">{t("report.closed", { date: day(locale, report.closedAt) })}</span>
      </p>
      <p className="muted">
        {t("report.method", {
          rules: report.rules.map((r) => ruleText(r, locale)).join(t("listSeparatorLong")) || t("report.noRules"),
          change: pct(locale, STABLE_PERCENT_CHANGE),
          alpha: fmt(locale, WILCOXON_ALPHA, 3),
          minN: report.method.minN,
        })}
      </p>
      <p><a href={`/rounds/${report.id}/report/json`}>{t("report.json")}</a></p>
    </section>
  );
}

function Ranking({ report, c: { t } }: { report: Report; c: Context }) {
  if (!report.ranking) return <p className="muted">{t("report.noRankings")}</p>;
  if (report.ranking.suppressed) return <p className="muted">{t("report.rankingWithheld", { rankings: report.ranking.rankings ?? 0, minN: report.minN })}</p>;
  return (
    <>
      <h2>{t("keyTechnologies")}</h2>
      <RankingResultsTable results={report.ranking} />
    </>
  );
}

const headlineOf = (item: Item, key: string | undefined) => item.statistics.find((s) => s.questionKey === key);

function Rating({ report, c }: { report: Report; c: Context }) {
  const { t, locale } = c;
  const label = (q: ParsedQuestion) => localised(locale, q.label, q.labelZh);
  const title = (item: Item) => localised(locale, item.title, item.titleZh);
  const headline = report.questions.find((q) => q.kind === "SCALE");
  const years = report.questions.filter((q) => q.kind === "YEAR");
  const choices = report.questions.filter((q) => q.kind === "CHOICE" || q.kind === "MULTI_CHOICE");
  const withheld = <td colSpan={6} className="muted">{t("withheldAnswers", { minN: report.minN })}</td>;
  return (
    <>
      <h2>{headline ? label(headline) : t("report.items")}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr><th>{t("report.item")}</th><th>n</th><th>{t("stats.median")}</th><th>{t("stats.quartiles")}</th><th>{t("stats.iqr")}</th><th>{t("stats.agreement")}</th><th>{t("stats.importanceIndex")}</th><th>{t("report.change")}</th><th>{t("report.outcome")}</th></tr>
          </thead>
          <tbody>
            {report.items.map((item) => {
              const s = headlineOf(item, headline?.key);
              return (
                <tr key={item.id} data-testid="report-row">
                  <td>{title(item)}</td>
                  <td>{s?.n ?? 0}</td>
                  {!s || s.suppressed ? withheld : (
                    <>
                      <td data-testid="median">{fmt(locale, s.median)}</td>
                      <td>{fmt(locale, s.q1)}–{fmt(locale, s.q3)}</td>
                      <td data-testid="iqr">{fmt(locale, s.iqr)}</td>
                      <td data-testid="agreement">{pct(locale, s.agreement)}</td>
                      <td data-testid="importance-index">{fmt(locale, s.importanceIndex, 0)}</td>
                      <td>{stability(s, c)}</td>
                    </>
                  )}
                  <td><span className={`badge ${item.outcome}`} data-testid="outcome">{t(`outcome.${item.outcome}`)}</span></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {years.length > 0 && (
        <>
          <h2>{t("report.timeline")}</h2>
          <div className="table-scroll">
            <table>
              <thead><tr><th>{t("report.item")}</th>{years.map((q) => <th key={q.key}>{t("report.yearColumn", { question: label(q) })}</th>)}</tr></thead>
              <tbody>
                {report.items.map((item) => (
                  <tr key={item.id} data-testid="timeline-row">
                    <td>{title(item)}</td>
                    {years.map((q) => <td key={q.key}>{yearCell(headlineOf(item, q.key), report.minN, c)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {choices.length > 0 && (
        <>
          <h2>{t("report.choices")}</h2>
          <div className="table-scroll">
            <table>
              <thead><tr><th>{t("report.item")}</th>{choices.map((q) => <th key={q.key}>{label(q)}</th>)}</tr></thead>
              <tbody>
                {report.items.map((item) => (
                  <tr key={item.id}>
                    <td>{title(item)}</td>
                    {choices.map((q) => <td key={q.key}>{choiceCell(q, headlineOf(item, q.key), report.minN, c)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>{t("report.everyQuestion")}</h2>
      {report.items.map((item) => (
        <details key={item.id} className="card">
          <summary>{title(item)} <span className={`badge ${item.outcome}`}>{t(`outcome.${item.outcome}`)}</span> · {t("commentCount", { count: item.comments })}{item.previousRound ? ` · ${t("carriedFrom", { number: item.previousRound })}` : ""}</summary>
          {item.statistics.map((s) => {
            const question = report.questions.find((q) => q.key === s.questionKey);
            if (!question) return null;
            return (
              <div key={s.questionId}>
                <StatisticsTable question={question} statistics={{ questionId: s.questionId, overall: s, subgroups: s.subgroups }} minN={report.minN} caption={label(question)} />
                <Verdicts row={s} t={t} />
              </div>
            );
          })}
        </details>
      ))}
    </>
  );
}

function stability(s: Extract<VisibleStatistic, { suppressed: false }>, { t, locale }: Context) {
  const st = s.consensus?.stability;
  if (!st) return <span className="muted">—</span>;
  return <>{pct(locale, st.percentChange)}{st.wilcoxonP !== null && <span className="muted"> {t("report.wilcoxon", { p: fmt(locale, st.wilcoxonP, 3) })}</span>}</>;
}

function yearCell(s: Row | undefined, minN: number, { t, locale }: Context) {
  if (!s) return "—";
  if (s.suppressed) return <span className="muted">{t("report.withheldShort", { minN })}</span>;
  const d = s.distribution;
  return <>{fmtYear(locale, s.median)} ({fmtYear(locale, s.q1)}–{fmtYear(locale, s.q3)}) <span className="muted">· {t("report.yearCounts", { already: d.already ?? 0, never: d.never ?? 0, dontKnow: s.dontKnow })}</span></>;
}

function choiceCell(q: ParsedQuestion, s: Row | undefined, minN: number, { t }: Context) {
  if (!s) return "—";
  if (s.suppressed) return <span className="muted">{t("report.withheldShort", { minN })}</span>;
  return <Distribution question={q} distribution={s.distribution} />;
}

function Verdicts({ row, t }: { row: Row; t: Translate }) {
  if (row.suppressed) return null;
  const rules = (row.consensus as StoredConsensus | undefined)?.rules ?? [];
  if (rules.length === 0) return null;
  return (
    <ul className="muted">
      {rules.map((v, i) => (
        <li key={i}>
          {t(`ruleName.${v.rule}`)}: {t(`verdict.${v.verdict}`)} — {v.text ? t(`verdictDetail.${v.text.key}`, v.text.values) : v.detail}
        </li>
      ))}
    </ul>
  );
}
