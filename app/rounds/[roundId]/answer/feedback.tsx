// The group's answers beside an item (PRODUCT.md §4, feedback between rounds): per question the
// median, the middle half and the distribution, the expert's own answer, the anonymised comments,
// and the subgroups in a disclosure. Withheld statistics say so.
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/config";
import type { ParsedQuestion } from "@/lib/delphi/question-config";
import type { OwnAnswer, PreviousFeedback, ShownComment } from "@/lib/delphi/get-expert-round";
import { Distribution, StatisticsTable } from "@/app/rounds/statistics-view";
import { describeAnswer } from "@/app/rounds/[roundId]/answer/describe";
import { CommentList } from "@/app/rounds/[roundId]/answer/comment-list";
import { fmt, fmtYear, localised } from "@/app/rounds/format";

type Props = { title: string; statistics: PreviousFeedback["statistics"]; mine: OwnAnswer[]; comments: ShownComment[]; minN: number };
type Translate = Awaited<ReturnType<typeof getTranslations>>;

export async function Feedback({ title, statistics, mine, comments, minN }: Props) {
  const t = await getTranslations("rounds");
  const locale = await requestLocale();
  const words = { dontKnow: t("dontKnow"), already: t("year.already"), never: t("year.never"), listSeparator: t("listSeparator") };
  const shown = statistics.filter((s) => s.question.kind !== "RANKING");
  const withSubgroups = shown.filter((s) => s.subgroups.length > 0);
  const label = (q: ParsedQuestion) => localised(locale, q.label, q.labelZh);
  return (
    <div className="feedback" data-testid="feedback">
      <h3>{title}</h3>
      <div className="table-scroll">
        <table>
          <thead>
            <tr><th scope="col">{t("feedback.question")}</th><th scope="col">{t("feedback.group")}</th><th scope="col">{t("feedback.answers")}</th><th scope="col">{t("feedback.yourAnswer")}</th></tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.questionId} data-testid="feedback-row" data-question={s.questionKey}>
                <th scope="row">{label(s.question)}</th>
                {s.overall.suppressed ? (
                  <td colSpan={2} className="muted">{t("withheldAnswers", { minN })}</td>
                ) : (
                  <>
                    <td>{summary(s.question, s.overall, locale, t)}</td>
                    <td><Distribution question={s.question} distribution={s.overall.distribution} /></td>
                  </>
                )}
                <td data-testid="own-answer">{describeAnswer(s.question, mine.find((a) => a.questionKey === s.questionKey), locale, words)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {withSubgroups.length > 0 && (
        <details>
          <summary>{t("feedback.bySubgroup")}</summary>
          {withSubgroups.map((s) => <StatisticsTable key={s.questionId} question={s.question} statistics={s} minN={minN} caption={label(s.question)} />)}
        </details>
      )}
      {comments.length > 0 && (
        <>
          <h4 style={{ margin: ".5rem 0 0" }}>{t("comments.title")}</h4>
          <CommentList comments={comments} />
        </>
      )}
    </div>
  );
}

function summary(q: ParsedQuestion, s: { n: number; median: number | null; q1: number | null; q3: number | null; dontKnow: number }, locale: Locale, t: Translate) {
  const n = s.dontKnow ? t("feedback.nDontKnow", { n: s.n, dontKnow: s.dontKnow }) : t("feedback.n", { n: s.n });
  if (q.kind === "SCALE" || q.kind === "YEAR") {
    const number = q.kind === "YEAR" ? fmtYear : (l: Locale, x: number | null) => fmt(l, x, 1);
    return (
      <span>
        {t.rich("feedback.median", {
          median: number(locale, s.median),
          q1: number(locale, s.q1),
          q3: number(locale, s.q3),
          n,
          strong: (chunks) => <strong data-testid="feedback-median">{chunks}</strong>,
        })}
      </span>
    );
  }
  return <span>{n}</span>;
}
