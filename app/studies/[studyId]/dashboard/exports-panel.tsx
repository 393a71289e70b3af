import { getTranslations } from "next-intl/server";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";

type Props = { dashboard: Dashboard; admin: boolean };

const href = (studyId: string, dataset: string, format: "csv" | "xlsx", extra: Record<string, string | number> = {}) =>
  `/api/studies/${studyId}/exports/${dataset}?${new URLSearchParams({ format, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) })}`;

function Downloads({ label, url }: { label: string; url: (format: "csv" | "xlsx") => string }) {
  return (
    <li>
      {label}: <a href={url("csv")} download>CSV</a> · <a href={url("xlsx")} download>Excel (.xlsx)</a>
    </li>
  );
}

/** Downloads of the study's documents, themes and rounds; the route handlers re-check every right. */
export async function ExportsPanel({ dashboard, admin }: Props) {
  const t = await getTranslations("dashboard.exports");
  const studyId = dashboard.study.id;
  const version: Record<string, number> = dashboard.themeSet ? { version: dashboard.themeSet.version } : {};
  return (
    <div className="card" data-testid="exports">
      <ul>
        <Downloads label={t("documents")} url={(f) => href(studyId, "documents", f, version)} />
        {dashboard.themeSet && <Downloads label={t("themes")} url={(f) => href(studyId, "themes", f, version)} />}
        {dashboard.themeSet && <Downloads label={t("themeYears")} url={(f) => href(studyId, "theme-years", f, version)} />}
      </ul>
      {dashboard.rounds.length > 0 && (
        <table>
          <caption className="sr-only">{t("rounds")}</caption>
          <thead><tr><th scope="col">{t("round")}</th><th scope="col">{t("items")}</th><th scope="col">{t("statistics")}</th><th scope="col">{t("answers")}</th></tr></thead>
          <tbody>
            {dashboard.rounds.map((r) => {
              const closed = r.status === "CLOSED";
              const links = (dataset: string) => (
                <>
                  <a href={href(studyId, dataset, "csv", { round: r.id })} download>CSV</a> · <a href={href(studyId, dataset, "xlsx", { round: r.id })} download>Excel</a>
                </>
              );
              return (
                <tr key={r.id}>
                  <th scope="row">{r.title || t("roundNumber", { number: r.number })}</th>
                  <td>{links("items")}</td>
                  <td>{closed ? links("statistics") : <span className="muted">{t("afterClose")}</span>}</td>
                  <td>{closed || admin ? links("answers") : <span className="muted">{t("afterClose")}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="muted">{t("note")}</p>
    </div>
  );
}
