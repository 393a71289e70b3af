// What the admin sees of who said what, only for rounds the study's attribution covers
// (lib/delphi/anonymity-settings.ts): a note on the panel, and per item each expert's answers,
// ranking place and comments under their name.
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import type { ParsedQuestion } from "@/lib/delphi/question-config";
import type { AttributedExpert } from "@/lib/delphi/get-attributed-answers";
import type { RoundAttribution } from "@/lib/delphi/get-round-attribution";
import { describeAnswer } from "@/app/rounds/[roundId]/answer/describe";
import { day, localised } from "@/app/rounds/format";

/** Whether this round is attributed, with the per-expert download when it is. */
export async function AttributionNote({ roundId, attribution }: { roundId: string; attribution: RoundAttribution }) {
  const t = await getTranslations("anonymitySetting");
  if (attribution.round) {
    return (
      <p className="muted" data-testid="attribution-note">
        {t("roundAttributed")} <a href={`/rounds/${roundId}/answers-by-expert`} download>{t("downloadCsv")}</a>
      </p>
    );
  }
  return <p className="muted" data-testid="attribution-note">{attribution.study ? t("roundBeforeSwitch") : t("roundAnonymous")}</p>;
}

export async function AttributionTable({ experts, questions }: { experts: AttributedExpert[]; questions: ParsedQuestion[] }) {
  const t = await getTranslations("anonymitySetting");
  const tr = await getTranslations("rounds");
  const locale = await requestLocale();
  const words = { dontKnow: tr("dontKnow"), already: tr("year.already"), never: tr("year.never"), listSeparator: tr("listSeparator") };
  const asked = questions.filter((q) => q.kind !== "RANKING");
  const ranked = experts.some((e) => e.place !== null);
  if (experts.length === 0) return <p className="muted">{t("nobodyYet")}</p>;
  return (
    <details data-testid="answers-by-expert">
      <summary>{t("byExpert", { count: experts.length })}</summary>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("expert")}</th>
              {asked.map((q) => <th key={q.key} scope="col">{localised(locale, q.label, q.labelZh)}</th>)}
              {ranked && <th scope="col">{t("place")}</th>}
              <th scope="col">{t("comments")}</th>
            </tr>
          </thead>
          <tbody>
            {experts.map((e) => (
              <tr key={e.email} data-testid="expert-row">
                <th scope="row">{e.name} <span className="muted">{e.email}</span></th>
                {asked.map((q) => <td key={q.key}>{describeAnswer(q, e.answers.find((a) => a.questionKey === q.key), locale, words)}</td>)}
                {ranked && <td>{e.place ?? "—"}</td>}
                <td>
                  {e.comments.map((c, i) => (
                    <p key={i} className={c.status} style={{ margin: 0 }}>
                      <span className="muted">{day(locale, c.date)}</span> {c.body} {c.status === "HIDDEN" && <span className="badge">{tr("comments.hidden")}</span>}
                    </p>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
