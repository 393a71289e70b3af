import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import type { Locale } from "@/lib/i18n/config";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getAdminRound } from "@/lib/delphi/get-admin-round";
import { ruleText } from "@/lib/delphi/rule-text";
import { ActionForm } from "@/app/components/action-form";
import { InviteForm } from "@/app/rounds/[roundId]/invite-form";
import { BlockForm } from "@/app/rounds/[roundId]/block-form";
import { RulesForm } from "@/app/rounds/[roundId]/rules-form";
import { StatisticsTable } from "@/app/rounds/statistics-view";
import { Evidence } from "@/app/rounds/evidence";
import { RankingResultsTable } from "@/app/rounds/ranking-results";
import { authorName } from "@/app/rounds/[roundId]/answer/comment-list";
import { AttributionNote, AttributionTable } from "@/app/rounds/[roundId]/attribution-table";
import { day, localised, utc } from "@/app/rounds/format";
import {
  inviteExpertAction, openRoundAction, closeRoundAction, updateRoundAction, createNextRoundAction, configureBlockAction,
  registerRulesAction, addItemAction, removeItemAction, moderateCommentAction,
} from "@/app/rounds/[roundId]/actions";

export const dynamic = "force-dynamic";

type Round = Awaited<ReturnType<typeof getAdminRound>>;
type Translate = Awaited<ReturnType<typeof getTranslations>>;

export default async function RoundPage({ params }: { params: Promise<{ roundId: string }> }) {
  await requirePageViewer(can.manageRounds);
  const { roundId } = await params;
  const round = await getAdminRound(roundId);
  const answered = round.invitations.filter((i) => i.submittedAt).length;
  const draft = round.status === "DRAFT";
  const closed = round.status === "CLOSED";
  const t = await getTranslations("rounds");
  const ts = await getTranslations("status");
  const te = await getTranslations("experts");
  const locale = await requestLocale();
  const facts = [
    t("admin.roundNumber", { number: round.number }),
    round.kind === "RANKING" ? t("admin.kindRanking") : t("admin.kindRating"),
    t("admin.items", { count: round.items.length }),
    ...(round.themeSet ? [t("admin.themeSetVersion", { version: round.themeSet.version })] : []),
    t("admin.minN", { minN: round.minN }),
    t("admin.deadline", { deadline: utc(locale, round.deadline) }),
  ];

  return (
    <>
      <p><Link href={`/studies/${round.study.id}`}>← {round.study.name}</Link></p>
      <h1>
        {round.title || t("roundNumber", { number: round.number })} <span className={`badge ${round.status}`}>{ts(round.status)}</span>
      </h1>
      <p className="muted">{facts.join(" · ")}</p>
      <p className="muted">{t("admin.asks", { questions: round.questions.map((q) => localised(locale, q.label, q.labelZh)).join(t("listSeparatorLong")) })}</p>
      {draft && <ActionForm action={openRoundAction.bind(null, round.id)} submitLabel={t("admin.open")} className="inline" />}
      {round.status === "OPEN" && <ActionForm action={closeRoundAction.bind(null, round.id)} submitLabel={t("admin.close")} pendingLabel={t("admin.closing")} className="inline" />}
      {closed && <p><Link className="button" href={`/rounds/${round.id}/report`}>{t("admin.readReport")}</Link></p>}
      {round.canCreateNext && <NextRound round={round} t={t} />}
      {!closed && <Settings round={round} t={t} />}

      <h2>{t("admin.rules")}</h2>
      <ul data-testid="consensus-rules">{round.rules.map((r) => <li key={r.id}>{ruleText(r.description, locale)}</li>)}</ul>
      {round.rules.length === 0 && <p className="muted">{t("admin.noRules")}</p>}
      {!round.rulesLocked && round.kind === "RATING" && <RulesForm action={registerRulesAction.bind(null, round.study.id, round.id)} questions={round.questions} />}
      {round.rulesLocked && <p className="muted">{t("admin.rulesLocked")}</p>}

      {draft && (
        <>
          <h2>{t("admin.itemBlock")}</h2>
          <BlockForm action={configureBlockAction.bind(null, round.id)} questions={round.questions} off={round.offQuestions} />
        </>
      )}

      <h2>{t("admin.panel", { answered, invited: round.invitations.length })}</h2>
      <AttributionNote roundId={round.id} attribution={round.attribution} />
      <div className="table-scroll">
        <table>
          <thead><tr><th>{t("admin.expert")}</th><th>{t("admin.sector")}</th><th>{t("admin.invitation")}</th><th>{t("admin.answered")}</th></tr></thead>
          <tbody>
            {round.invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.user.name} <span className="muted">{i.user.email}</span></td>
                <td>{i.user.profile ? te(`sectorsLower.${i.user.profile.sector}`) : "—"}</td>
                <td>{t(`admin.invitationStatus.${i.status}`)}</td>
                <td>{i.submittedAt ? t("admin.yes") : t("admin.notYet")}</td>
              </tr>
            ))}
            {round.invitations.length === 0 && <tr><td colSpan={4} className="muted">{t("admin.nobody")}</td></tr>}
          </tbody>
        </table>
      </div>
      {!closed && (
        <div className="card" style={{ marginTop: "1rem" }}>
          <h3 style={{ marginTop: 0 }}>{t("admin.inviteExpert")}</h3>
          <InviteForm action={inviteExpertAction.bind(null, round.id)} />
        </div>
      )}

      {round.rankingResults && (
        <>
          <h2>{t("keyTechnologies")}</h2>
          {round.rankingResults.suppressed ? <p className="muted">{t("admin.rankingWithheld", { rankings: round.rankingResults.rankings ?? 0, minN: round.minN })}</p> : <RankingResultsTable results={round.rankingResults} />}
        </>
      )}

      <h2>{t("admin.itemsTitle")}</h2>
      {round.items.map((item) => <ItemPanel key={item.id} round={round} item={item} t={t} locale={locale} />)}
      {draft && round.kind === "RATING" && <AddItem roundId={round.id} t={t} />}
    </>
  );
}

function NextRound({ round, t }: { round: Round; t: Translate }) {
  const fields = (
    <>
      <label>{t("admin.minNField")}<input name="minN" type="number" min={1} max={100} defaultValue={round.minN} style={{ width: 90 }} /></label>
      <label>{t("admin.deadlineOptional")}<input name="deadline" type="datetime-local" /></label>
    </>
  );
  return (
    <div className="card">
      <h2 style={{ marginTop: 0 }}>{t("admin.nextRound")}</h2>
      {round.kind === "RATING" && (
        <ActionForm action={createNextRoundAction.bind(null, round.study.id, "RATING")} submitLabel={t("admin.createCarried", { number: round.number + 1 })} className="inline">
          {fields}
        </ActionForm>
      )}
      <ActionForm action={createNextRoundAction.bind(null, round.study.id, "RANKING")} submitLabel={t("admin.createRanking")} className="inline">
        {fields}
        <label>{t("admin.ranksAtMost")}<input name="maxSelect" type="number" min={2} max={100} defaultValue={10} style={{ width: 90 }} /></label>
        <label style={{ display: "flex", gap: ".4rem", alignItems: "center" }}><input type="checkbox" name="includeUndecided" /> {t("admin.includeUndecided")}</label>
      </ActionForm>
    </div>
  );
}

function Settings({ round, t }: { round: Round; t: Translate }) {
  const draft = round.status === "DRAFT";
  return (
    <details className="card">
      <summary>{t("admin.settings")}</summary>
      <ActionForm action={updateRoundAction.bind(null, round.id, draft)} submitLabel={t("admin.saveSettings")} className="inline" successMessage={t("admin.saved")}>
        {draft && <label>{t("admin.title")}<input name="title" defaultValue={round.title} /></label>}
        {draft && <label>{t("admin.minNField")}<input name="minN" type="number" min={1} max={100} defaultValue={round.minN} style={{ width: 90 }} /></label>}
        <label>{t("admin.deadlineUtc")}<input name="deadline" type="datetime-local" defaultValue={round.deadline?.toISOString().slice(0, 16) ?? ""} /></label>
        <label style={{ display: "flex", gap: ".4rem", alignItems: "center" }}><input type="checkbox" name="clearDeadline" /> {t("admin.noDeadline")}</label>
      </ActionForm>
    </details>
  );
}

function ItemPanel({ round, item, t, locale }: { round: Round; item: Round["items"][number]; t: Translate; locale: Locale }) {
  const open = round.status !== "CLOSED";
  return (
    <section className="card round-item" data-testid="admin-item">
      <h3 style={{ marginTop: 0 }}>
        {item.position + 1}. {localised(locale, item.title, item.titleZh)} <OtherLanguage locale={locale} en={item.title} zh={item.titleZh} />{" "}
        {round.status === "CLOSED" && round.kind === "RATING" && <span className={`badge ${item.outcome}`} data-testid="outcome">{t(`outcome.${item.outcome}`)}</span>}
      </h3>
      <p className="muted">
        {item.origin === "ADMIN" ? t("admin.originAdmin") : t("admin.originTheme")}
        {item.previousRound && ` · ${t("carriedFrom", { number: item.previousRound })}`} · {t("commentCount", { count: item.comments.length })}
      </p>
      {(item.description || item.descriptionZh) && <p>{localised(locale, item.description, item.descriptionZh)}</p>}
      {locale === "zh" && item.descriptionZh && item.description && <p className="muted" lang="en">{item.description}</p>}
      {locale === "en" && item.descriptionZh && <p className="zh" lang="zh">{item.descriptionZh}</p>}
      <Evidence evidence={item.evidence} />
      {item.byExpert && <AttributionTable experts={item.byExpert} questions={round.questions} />}
      {round.status === "DRAFT" && <ActionForm action={removeItemAction.bind(null, round.id, item.id)} submitLabel={t("admin.removeItem")} className="inline" />}
      {item.statistics.map((s) => {
        const question = round.questions.find((q) => q.id === s.questionId);
        return question && question.kind !== "RANKING" ? <StatisticsTable key={s.questionId} question={question} statistics={s} minN={round.minN} caption={localised(locale, question.label, question.labelZh)} /> : null;
      })}
      {item.comments.length > 0 && (
        <ul className="comment-board" aria-label={t("comments.board")}>
          {item.comments.map((c) => (
            <li key={c.id} className={c.status}>
              <strong>{authorName(c.author, t)}</strong> <span className="muted">{day(locale, c.date)}</span>: {c.body} {c.status === "HIDDEN" && <span className="badge">{t("comments.hidden")}</span>}
              {open && (
                <ActionForm action={moderateCommentAction.bind(null, round.id, c.id, c.status === "HIDDEN" ? "VISIBLE" : "HIDDEN")} submitLabel={c.status === "HIDDEN" ? t("comments.show") : t("comments.hide")} className="inline" />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AddItem({ roundId, t }: { roundId: string; t: Translate }) {
  return (
    <div className="card">
      <h3 style={{ marginTop: 0 }}>{t("admin.addItem")}</h3>
      <ActionForm action={addItemAction.bind(null, roundId)} submitLabel={t("admin.addItemSubmit")} successMessage={t("admin.itemAdded")}>
        <label>{t("admin.title")}<input name="title" required maxLength={300} /></label>
        <label>{t("admin.titleZh")}<input name="titleZh" maxLength={300} lang="zh" /></label>
        <label>{t("admin.description")}<textarea name="description" rows={2} maxLength={5000} /></label>
        <label>{t("admin.descriptionZh")}<textarea name="descriptionZh" rows={2} maxLength={5000} lang="zh" /></label>
      </ActionForm>
    </div>
  );
}

/** The item's title in the other language, for the office that keeps both (nothing when it has none). */
function OtherLanguage({ locale, en, zh }: { locale: Locale; en: string; zh: string | null }) {
  if (locale === "zh") return zh ? <span className="muted" lang="en">{en}</span> : null;
  return zh ? <span className="zh" lang="zh">{zh}</span> : null;
}
