// An item's evidence (PRODUCT.md §2: every machine judgement carries its evidence): top terms,
// document count, growth and the representative documents.
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { formatNumber, formatPercent } from "@/lib/i18n/format";

type Evidence = { topTerms?: { term: string }[]; documentCount?: number; growth?: number | null; modelVersion?: string; documents?: { id: string; title: string; year: number | null }[] };

export async function Evidence({ evidence }: { evidence: unknown }) {
  const e = (evidence ?? {}) as Evidence;
  if (!e.topTerms?.length && !e.documents?.length) return null;
  const t = await getTranslations("rounds.evidence");
  const locale = await requestLocale();
  const documents = formatNumber(locale, e.documentCount ?? 0, 0);
  return (
    <>
      <div className="terms">{(e.topTerms ?? []).map((term) => <span key={term.term}>{term.term.replace(/_/g, " ")}</span>)}</div>
      <details>
        <summary>
          {typeof e.growth === "number" ? t("summaryGrowth", { documents, growth: formatPercent(locale, e.growth) }) : t("summary", { documents })}
        </summary>
        <ul>{(e.documents ?? []).map((d) => <li key={d.id}>{d.title} <span className="muted">({d.year ?? t("noDate")})</span></li>)}</ul>
        {e.modelVersion && <p className="muted">{t("model", { version: e.modelVersion })}</p>}
      </details>
    </>
  );
}
