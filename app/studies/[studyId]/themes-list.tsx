import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import { formatNumber, formatPercent, formatSignedPercent } from "@/lib/i18n/format";
type Theme = { id: string; label: string; topTerms: unknown; documentCount: number; weight: number; evidence: unknown };
type Doc = { id: string; title: string; year: number | null; kind: string };

export async function ThemesList({ themes, documents, studyId }: { themes: Theme[]; documents: Map<string, Doc>; studyId?: string }) {
  const t = await getTranslations("themes");
  const tk = await getTranslations("kind");
  const tst = await getTranslations("dashboard.stage");
  const locale = await requestLocale();
  return (
    <div className="grid">
      {themes.map((theme) => {
        const evidence = theme.evidence as {
          representative?: { documentId: string; weight: number }[];
          growth?: number | null;
          modelVersion?: string;
          indicators?: { emerging?: { score: number } | null; lifeCycle?: { stage: string | null } };
        };
        const terms = (theme.topTerms as { term: string }[]).slice(0, 10);
        return (
          <div className="card" key={theme.id} data-testid="theme">
            <h3 style={{ margin: 0 }}>{theme.label}</h3>
            <div className="terms">{terms.map((x) => <span key={x.term}>{x.term.replace(/_/g, " ")}</span>)}</div>
            <p className="muted" style={{ margin: ".25rem 0" }}>
              {t("summary", { documents: formatNumber(locale, theme.documentCount, 0), share: formatPercent(locale, theme.weight, 1) })}
              {typeof evidence.growth === "number" ? ` · ${t("growth", { growth: formatSignedPercent(locale, evidence.growth) })}` : ""}
              {evidence.indicators?.lifeCycle?.stage ? ` · ${tst.has(evidence.indicators.lifeCycle.stage) ? tst(evidence.indicators.lifeCycle.stage) : evidence.indicators.lifeCycle.stage}` : ""}
              {evidence.indicators?.emerging ? ` · ${t("emerging", { score: formatNumber(locale, evidence.indicators.emerging.score, 2) })}` : ""}
              {studyId && <> · <Link href={`/studies/${studyId}/themes/${theme.id}`}>{t("evidence")}</Link></>}
            </p>
            <details>
              <summary>{t("representative")}</summary>
              <ol>
                {(evidence.representative ?? []).map((r) => {
                  const d = documents.get(r.documentId);
                  return d ? <li key={r.documentId}>{d.title} <span className="muted">({tk(d.kind)}, {d.year ?? t("noDate")}; {formatPercent(locale, r.weight)})</span></li> : null;
                })}
              </ol>
              <p className="muted">{t("model", { version: evidence.modelVersion ?? "?" })}</p>
            </details>
          </div>
        );
      })}
    </div>
  );
}
