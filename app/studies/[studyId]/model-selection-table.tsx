// The study page's table of the latest choice of K: each candidate's coherence and held-out perplexity.
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { formatNumber } from "@/lib/i18n/format";
import type { ModelSelectionRow } from "@/lib/scans/get-model-selection";

export async function ModelSelectionTable({ rows }: { rows: ModelSelectionRow[] }) {
  const t = await getTranslations("study");
  const locale = await requestLocale();
  const figure = (value: number | null, digits: number) => (value === null ? "…" : formatNumber(locale, value, digits));
  return (
    <>
      <h3>{t("modelSelection")}</h3>
      <p className="muted">{t("modelSelectionRule")}</p>
      <table data-testid="model-selection">
        <thead>
          <tr><th>K</th><th>{t("coherence")}</th><th>{t("perplexity")}</th><th>{t("chosen")}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.k} className={r.chosen ? "chosen" : undefined}>
              <td>{r.k}</td>
              <td>{figure(r.coherence, 3)}</td>
              <td>{figure(r.perplexity, 0)}</td>
              <td>{r.chosen ? "✓" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
