import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getExpertRounds } from "@/lib/delphi/get-expert-round";
import { utc } from "@/app/rounds/format";

export const dynamic = "force-dynamic";

export default async function MyRoundsPage() {
  const viewer = await requirePageViewer(can.answerRounds);
  const rounds = await getExpertRounds(viewer);
  const t = await getTranslations("rounds.list");
  const tr = await getTranslations("rounds");
  const ts = await getTranslations("status");
  const locale = await requestLocale();
  return (
    <>
      <h1>{t("title")}</h1>
      {rounds.length === 0 && <p className="muted">{t("none")}</p>}
      <div className="table-scroll">
        <table>
          <thead><tr><th>{t("study")}</th><th>{t("round")}</th><th>{t("status")}</th><th>{t("deadline")}</th><th>{t("yourAnswers")}</th><th></th></tr></thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <td>{r.study.name}</td>
                <td>{r.title || tr("roundNumber", { number: r.number })}</td>
                <td><span className={`badge ${r.status}`}>{ts(r.status)}</span></td>
                <td>{r.deadline ? utc(locale, r.deadline) : "—"}</td>
                <td>{r.submitted ? t("submitted") : t("notSubmitted")}</td>
                <td>
                  {r.status === "OPEN" && <Link href={`/rounds/${r.id}/answer`}>{r.submitted ? t("revise") : r.kind === "RANKING" ? t("rank") : t("answer")}</Link>}
                  {r.status === "CLOSED" && <Link href={`/rounds/${r.id}/answer`}>{t("results")}</Link>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
