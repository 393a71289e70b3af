import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { formatNumber, formatSignedPercent, formatYear } from "@/lib/i18n/format";
import type { BacktestTopic } from "@/lib/backtest/run-backtest";
import { REPRESENTATIVE_SHOWN, type BacktestDocumentTitle } from "@/lib/backtest/get-study-backtests";

const TERMS_SHOWN = 6;

/** The themes in the order the emerging score ranked them, beside what happened after the cut-off. */
export async function BacktestThemesTable({ topics, documents }: { topics: BacktestTopic[]; documents: Map<string, BacktestDocumentTitle> }) {
  const t = await getTranslations("backtest");
  const locale = await requestLocale();
  const rank = (r: number | null) => formatNumber(locale, r, 1);
  return (
    <div className="table-scroll">
      <table data-testid="backtest-themes">
        <thead>
          <tr><th>{t("scoreRank")}</th><th>{t("theme")}</th><th>{t("score")}</th><th>{t("realisedGrowth")}</th><th>{t("realisedRank")}</th><th>{t("representative")}</th></tr>
        </thead>
        <tbody>
          {topics.map((topic) => (
            <tr key={topic.topic} data-testid="backtest-theme" data-topic={topic.topic}>
              <td>{rank(topic.scoreRank)}</td>
              <td>
                <strong>{topic.label}</strong>
                <div className="muted">{topic.terms.slice(0, TERMS_SHOWN).join(", ")}</div>
              </td>
              <td>{formatNumber(locale, topic.score, 2)}</td>
              <td>{formatSignedPercent(locale, topic.realisedGrowth, 1)}</td>
              <td>{rank(topic.realisedRank)}</td>
              <td>
                <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                  {topic.representative.slice(0, REPRESENTATIVE_SHOWN).map((id) => {
                    const doc = documents.get(id);
                    return <li key={id}>{doc ? `${doc.title} (${formatYear(doc.year)})` : t("documentGone")}</li>;
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
