// One question's statistics for one item (overall and per subgroup) as a table, the same on the
// expert, admin and report pages; withheld rows say so and show nothing else.
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/config";
import type { ParsedQuestion } from "@/lib/delphi/question-config";
import type { QuestionStatistics, VisibleStatistic } from "@/lib/delphi/feedback";
import { fmt, fmtYear, localised, pct } from "@/app/rounds/format";

type Props = { question: ParsedQuestion; statistics: QuestionStatistics; minN: number; caption?: string };
type Translate = Awaited<ReturnType<typeof getTranslations>>;

export async function StatisticsTable({ question, statistics, minN, caption }: Props) {
  const t = await getTranslations("rounds");
  const locale = await requestLocale();
  const rows = [statistics.overall, ...statistics.subgroups];
  const head = columns(question, t);
  return (
    <div className="table-scroll">
      <table>
        {caption && <caption style={{ textAlign: "left", fontWeight: 600 }}>{caption}</caption>}
        <thead>
          <tr><th scope="col">{t("stats.group")}</th><th scope="col">n</th>{head.map((h) => <th scope="col" key={h}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.subgroup} data-testid="statistic-row" data-subgroup={s.subgroup}>
              <th scope="row">{subgroupName(s.subgroup, t)}</th>
              <td>{s.suppressed ? (s.n ?? "—") : s.n}</td>
              {s.suppressed ? <td colSpan={head.length} className="muted">{t("withheldAnswers", { minN })}</td> : cells(question, s, locale)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "all", "sector:ACADEMIA" or "familiarity:4" in words. */
export function subgroupName(subgroup: string, t: Translate): string {
  if (subgroup === "all") return t("subgroup.all");
  const [family, value] = subgroup.split(":");
  if (family === "sector" && ["ACADEMIA", "INDUSTRY", "GOVERNMENT", "OTHER"].includes(value)) return t(`subgroup.sector.${value}`);
  if (family === "familiarity" && ["1", "2", "3", "4"].includes(value)) return t("subgroup.familiarity", { level: value, name: t(`subgroup.familiarityLevel.${value}`) });
  return subgroup;
}

function columns(q: ParsedQuestion, t: Translate): string[] {
  switch (q.kind) {
    case "SCALE":
      return [t("stats.dontKnow"), t("stats.median"), t("stats.quartiles"), t("stats.iqr"), t("stats.meanSd"), t("stats.cv"), t("stats.agreement"), t("stats.importanceIndex"), t("stats.distribution")];
    case "YEAR":
      return [t("stats.dontKnow"), t("stats.medianYear"), t("stats.quartiles"), t("stats.distribution")];
    default:
      return [t("stats.dontKnow"), t("stats.distribution")];
  }
}

function cells(q: ParsedQuestion, s: Extract<VisibleStatistic, { suppressed: false }>, locale: Locale) {
  const dist = <Distribution question={q} distribution={s.distribution} />;
  if (q.kind === "SCALE") {
    return (
      <>
        <td>{s.dontKnow}</td>
        <td data-testid="stat-median">{fmt(locale, s.median)}</td>
        <td>{fmt(locale, s.q1)}–{fmt(locale, s.q3)}</td>
        <td data-testid="stat-iqr">{fmt(locale, s.iqr)}</td>
        <td>{fmt(locale, s.mean)} ({fmt(locale, s.sd)})</td>
        <td>{fmt(locale, s.cv)}</td>
        <td>{pct(locale, s.agreement)}</td>
        <td>{fmt(locale, s.importanceIndex, 0)}</td>
        <td>{dist}</td>
      </>
    );
  }
  if (q.kind === "YEAR") {
    return (
      <>
        <td>{s.dontKnow}</td>
        <td>{fmtYear(locale, s.median)}</td>
        <td>{fmtYear(locale, s.q1)}–{fmtYear(locale, s.q3)}</td>
        <td>{dist}</td>
      </>
    );
  }
  return (
    <>
      <td>{s.dontKnow}</td>
      <td>{dist}</td>
    </>
  );
}

/** Counts per category in the question's own order, with its labels. */
export async function Distribution({ question, distribution }: { question: ParsedQuestion; distribution: Record<string, number> }) {
  const t = await getTranslations("rounds");
  const locale = await requestLocale();
  const entries = labelled(question, distribution, locale, t);
  return (
    <span className="dist">
      {entries.map(([label, count]) => (
        <span key={label}>{label}: <strong>{count}</strong></span>
      ))}
    </span>
  );
}

function labelled(q: ParsedQuestion, d: Record<string, number>, locale: Locale, t: Translate): [string, number][] {
  switch (q.kind) {
    case "SCALE":
      return Object.keys(d).sort((a, b) => Number(a) - Number(b)).map((k) => {
        const label = localised(locale, q.config.labels[k] ?? "", q.config.labelsZh[k]);
        return [`${k}${label ? ` ${label}` : ""}`, d[k]];
      });
    case "CHOICE":
    case "MULTI_CHOICE":
      return q.config.options.map((o) => [localised(locale, o.label, o.labelZh), d[o.key] ?? 0]);
    case "YEAR": {
      const years = Object.keys(d).filter((k) => /^\d+$/.test(k)).sort();
      return [...years.map((y): [string, number] => [y, d[y]]), [t("year.alreadyShort"), d.already ?? 0], [t("year.neverShort"), d.never ?? 0]];
    }
    default:
      return Object.entries(d);
  }
}
