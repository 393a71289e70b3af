// A ranking round's key technologies with Kendall's W (Schmidt 1997: 0.1 very weak, 0.3 weak,
// 0.5 moderate, 0.7 strong, 0.9 unusually strong agreement).
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import type { RankingResults } from "@/lib/delphi/get-ranking-results";
import { fmt, localised } from "@/app/rounds/format";

const strength = (w: number) => (w >= 0.9 ? "unusuallyStrong" : w >= 0.7 ? "strong" : w >= 0.5 ? "moderate" : w >= 0.3 ? "weak" : "veryWeak");

export async function RankingResultsTable({ results }: { results: Extract<RankingResults, { suppressed: false }> }) {
  const t = await getTranslations("rounds.ranking");
  const locale = await requestLocale();
  const w = results.kendallW;
  return (
    <section>
      <p data-testid="kendall-w">
        {w
          ? t.rich("kendallW", {
              w: fmt(locale, w.w, 3),
              strength: t(`strength.${strength(w.w)}`),
              chiSquare: fmt(locale, w.chiSquare, 2),
              df: fmt(locale, w.df, 0),
              p: fmt(locale, w.p, 4),
              rankings: fmt(locale, results.rankings, 0),
              candidates: fmt(locale, w.candidates, 0),
              strong: (chunks) => <strong>{chunks}</strong>,
            })
          : t("kendallWNeedsTwo", { rankings: fmt(locale, results.rankings, 0) })}
      </p>
      <div className="table-scroll">
        <table>
          <thead><tr><th scope="col">{t("place")}</th><th scope="col">{t("technology")}</th><th scope="col">{t("selectedBy")}</th><th scope="col">{t("meanRank")}</th><th scope="col">{t("placesGiven")}</th></tr></thead>
          <tbody>
            {results.items.map((item, i) => (
              <tr key={item.itemId} data-testid="ranking-row">
                <td>{i + 1}</td>
                <td>{localised(locale, item.title, item.titleZh)}</td>
                <td data-testid="selected">{item.selected}</td>
                <td>{fmt(locale, item.meanRank)}</td>
                <td><span className="dist">{Object.entries(item.places).map(([place, count]) => <span key={place}>#{place}: {count}</span>)}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t("note")}</p>
    </section>
  );
}
