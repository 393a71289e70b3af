import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/config";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getExpertRound } from "@/lib/delphi/get-expert-round";
import { getRoundAttribution } from "@/lib/delphi/get-round-attribution";
import { ActionForm } from "@/app/components/action-form";
import { AnswerButtons } from "@/app/rounds/[roundId]/answer/answer-buttons";
import { RankingForm } from "@/app/rounds/[roundId]/answer/ranking-form";
import { QuestionField } from "@/app/rounds/[roundId]/answer/question-field";
import { Feedback } from "@/app/rounds/[roundId]/answer/feedback";
import { Evidence } from "@/app/rounds/evidence";
import { RankingResultsTable } from "@/app/rounds/ranking-results";
import { saveAnswersAction, saveRankingAction, addCommentAction } from "@/app/rounds/[roundId]/answer/actions";
import { CommentList } from "@/app/rounds/[roundId]/answer/comment-list";
import { fmt, localised, utc } from "@/app/rounds/format";

export const dynamic = "force-dynamic";

type Round = Awaited<ReturnType<typeof getExpertRound>>;
type Item = Round["items"][number];
type Translate = Awaited<ReturnType<typeof getTranslations>>;

export default async function AnswerPage({ params }: { params: Promise<{ roundId: string }> }) {
  const viewer = await requirePageViewer(can.answerRounds);
  const { roundId } = await params;
  const round = await getExpertRound(viewer, roundId).catch((error: unknown) => {
    // Not invited, or no such round: refused like any page the viewer may not open (not an error page).
    if (error instanceof AppError && (error.code === "forbidden" || error.code === "not_found")) redirect("/?denied=1");
    throw error;
  });
  // After getExpertRound, which refuses anyone not invited: only this round's panel learns it.
  const attribution = await getRoundAttribution(round.id);
  const writable = round.refusal === null;
  const ranking = round.kind === "RANKING";
  const t = await getTranslations("rounds");
  const ts = await getTranslations("status");
  const ta = await getTranslations("anonymitySetting");
  const locale = await requestLocale();

  return (
    <>
      <p><Link href="/rounds">← {t("list.title")}</Link></p>
      <h1>{round.study.name}: {round.title || t("roundNumber", { number: round.number })}</h1>
      {round.study.question && <p>{round.study.question}</p>}
      <p className="muted">
        {t("admin.roundNumber", { number: round.number })} · {ts(round.status)}
        {round.deadline && ` · ${t("admin.deadline", { deadline: utc(locale, round.deadline) })}`}
        {round.submitted && ` · ${t("answer.youSubmitted")}`}
      </p>
      {round.refusal && <p className="error" role="status">{refusal(round, t, locale)}</p>}
      {attribution.round && <p className="card" role="note" data-testid="attribution-notice"><strong>{ta("expertNotice")}</strong></p>}
      {ranking ? (
        <RankingSection round={round} writable={writable} t={t} locale={locale} />
      ) : (
        <>
          <p className="muted">{t("answer.instructions")}</p>
          {round.items.map((item, index) => <ItemCard key={item.id} round={round} item={item} index={index} writable={writable} t={t} locale={locale} />)}
          {writable && <AnswerButtons action={saveAnswersAction.bind(null, round.id)} submitted={round.submitted} />}
        </>
      )}
    </>
  );
}

function ItemCard({ round, item, index, writable, t, locale }: { round: Round; item: Item; index: number; writable: boolean; t: Translate; locale: Locale }) {
  const answerOf = (key: string) => round.answers.find((a) => a.itemId === item.id && a.questionKey === key);
  const spreadOf = (key: string) => item.spreads.find((s) => s.questionKey === key);
  const labelOf = (key: string) => {
    const q = round.questions.find((question) => question.key === key);
    return q ? localised(locale, q.label, q.labelZh) : key;
  };
  const outside = item.spreads.map((s) => `${labelOf(s.questionKey)} ${fmt(locale, s.q1)}–${fmt(locale, s.q3)}`);
  return (
    <section className="card round-item" data-testid="item" aria-labelledby={`title-${item.id}`}>
      <ItemHeading item={item} index={index} locale={locale} />
      <Evidence evidence={item.evidence} />
      {item.previous && <Feedback title={t("answer.groupInRound", { number: item.previous.roundNumber })} statistics={item.previous.statistics} mine={item.previous.mine} comments={item.previous.comments} minN={round.minN} />}
      {item.results.length > 0 && <Feedback title={t("answer.groupThisRound")} statistics={item.results} mine={round.answers.filter((a) => a.itemId === item.id)} comments={[]} minN={round.minN} />}
      {round.questions.map((q) => {
        const spread = spreadOf(q.key);
        const hint = spread
          ? t("answer.middleHalf", { q1: fmt(locale, spread.q1), q3: fmt(locale, spread.q3) })
          : q.kind === "TEXT" && outside.length > 0
            ? t("answer.requiredOutside", { ranges: outside.join(t("listSeparatorLong")) })
            : undefined;
        return <QuestionField key={q.key} itemId={item.id} question={q} answer={answerOf(q.key)} disabled={!writable} hint={hint} />;
      })}
      <h3>{t("comments.title")}</h3>
      <CommentList comments={round.comments.filter((c) => c.itemId === item.id)} />
      {writable && (
        <ActionForm action={addCommentAction.bind(null, round.id, item.id)} submitLabel={t("comments.add")} className="inline" successMessage={t("comments.added")}>
          <label style={{ flex: 1 }}>
            {t("comments.yours")}
            <textarea name="body" rows={2} maxLength={5000} required />
          </label>
        </ActionForm>
      )}
    </section>
  );
}

function ItemHeading({ item, index, locale }: { item: Item; index: number; locale: Locale }) {
  return (
    <>
      <h2 id={`title-${item.id}`}>
        {index + 1}. {localised(locale, item.title, item.titleZh)}
      </h2>
      {(item.description || item.descriptionZh) && <p>{localised(locale, item.description ?? "", item.descriptionZh)}</p>}
    </>
  );
}

function RankingSection({ round, writable, t, locale }: { round: Round; writable: boolean; t: Translate; locale: Locale }) {
  const max = round.rankingConfig && "maxSelect" in round.rankingConfig ? round.rankingConfig.maxSelect : round.items.length;
  const min = round.rankingConfig && "minSelect" in round.rankingConfig ? round.rankingConfig.minSelect : 1;
  const placeOf = (itemId: string) => (round.ranking ? round.ranking.indexOf(itemId) + 1 : 0);
  if (round.rankingResults) {
    return round.rankingResults.suppressed ? <p className="muted">{t("answer.rankingWithheld", { minN: round.minN })}</p> : <RankingResultsTable results={round.rankingResults} />;
  }
  const cards = round.items.map((item, index) => (
    <section className="card round-item" data-testid="item" key={item.id} aria-labelledby={`title-${item.id}`}>
      <ItemHeading item={item} index={index} locale={locale} />
      <Evidence evidence={item.evidence} />
      {item.previous && <Feedback title={t("answer.groupInRound", { number: item.previous.roundNumber })} statistics={item.previous.statistics} mine={item.previous.mine} comments={[]} minN={round.minN} />}
      <label>
        {t("answer.placeFor", { title: localised(locale, item.title, item.titleZh) })}
        <select name={`rank:${item.id}`} defaultValue={placeOf(item.id) || ""} disabled={!writable} style={{ maxWidth: "14rem" }}>
          <option value="">{t("answer.notSelected")}</option>
          {Array.from({ length: max }, (_, i) => i + 1).map((p) => <option key={p} value={p}>{p === 1 ? t("answer.firstPlace", { place: p }) : p}</option>)}
        </select>
      </label>
    </section>
  ));
  return (
    <>
      <p>
        {t("answer.rankingInstructions", { min, max })}
        {round.ranking && <strong> {t("answer.rankingSaved")}</strong>}
      </p>
      {writable ? (
        <RankingForm action={saveRankingAction.bind(null, round.id)}>{cards}</RankingForm>
      ) : (
        cards
      )}
    </>
  );
}

/**
 * Why the page takes no answers, in the reader's language. `round.refusal` (lib/delphi/round-guard.ts)
 * decides that it does not; the same three cases are told here from the round's status and deadline.
 */
function refusal(round: Round, t: Translate, locale: Locale): string {
  const what = round.kind === "RANKING" ? t("answer.refusal.rankings") : t("answer.refusal.answers");
  if (round.status === "CLOSED") return t("answer.refusal.closed", { what });
  if (round.status !== "OPEN" || !round.deadline) return t("answer.refusal.notOpen");
  return t("answer.refusal.deadline", { deadline: utc(locale, round.deadline), what });
}
