import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getRoundReport } from "@/lib/delphi/get-round-report";

export const dynamic = "force-dynamic";

const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? "—" : new Intl.NumberFormat("en", { maximumFractionDigits: digits, useGrouping: false }).format(x);
const pct = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${Math.round(x * 100)} %`);

export default async function ReportPage({ params }: { params: Promise<{ roundId: string }> }) {
  await requirePageViewer(can.viewReports);
  const { roundId } = await params;
  const report = await getRoundReport(roundId);
  const question = report.questions[0];

  return (
    <article>
      <p><Link href={`/studies/${report.study.id}`}>← {report.study.name}</Link></p>
      <h1>Consensus report: {report.title || `round ${report.number}`}</h1>
      {report.status !== "CLOSED" ? (
        <p className="muted">The round is {report.status.toLowerCase()}; results appear when it closes.</p>
      ) : (
        <>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>Summary</h2>
            <p>{report.study.question}</p>
            <p>
              {report.respondents} of {report._count.invitations} invited experts answered. Closed {report.closedAt?.toISOString().slice(0, 10)}.
            </p>
            <p className="muted">
              Method: {question?.label}. Quartiles by Hyndman–Fan type 7; agreement = share of answers in the top band. Consensus rules registered
              before the round: {report.study.consensusRules.map((r) => `${r.kind} ${JSON.stringify(r.params)}`).join("; ")}. Results are withheld
              when fewer than {report.minN} experts answered an item.
            </p>
          </section>
          <table>
            <thead>
              <tr><th>Item</th><th>n</th><th>Median</th><th>Q1–Q3</th><th>IQR</th><th>Agreement</th><th>Importance index</th><th>Outcome</th></tr>
            </thead>
            <tbody>
              {report.items.map((item) => {
                const s = item.statistics.find((x) => x.questionId === question?.id);
                return (
                  <tr key={item.id} data-testid="report-row">
                    <td>{item.title}</td>
                    <td>{s?.n ?? 0}</td>
                    {!s || s.suppressed ? (
                      <td colSpan={5} className="muted">fewer than {report.minN} answers: withheld</td>
                    ) : (
                      <>
                        <td data-testid="median">{fmt(s.median)}</td>
                        <td>{fmt(s.q1)}–{fmt(s.q3)}</td>
                        <td data-testid="iqr">{fmt(s.iqr)}</td>
                        <td data-testid="agreement">{pct(s.agreement)}</td>
                        <td data-testid="importance-index">{fmt(s.importanceIndex, 0)}</td>
                      </>
                    )}
                    <td><span className={`badge ${item.outcome}`}>{item.outcome.toLowerCase().replace("_", " ")}</span></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}
