type Theme = { id: string; label: string; topTerms: unknown; documentCount: number; weight: number; evidence: unknown };
type Doc = { id: string; title: string; year: number | null; kind: string };

export function ThemesList({ themes, documents }: { themes: Theme[]; documents: Map<string, Doc> }) {
  return (
    <div className="grid">
      {themes.map((t) => {
        const evidence = t.evidence as { representative?: { documentId: string; weight: number }[]; growth?: number | null; modelVersion?: string };
        const terms = (t.topTerms as { term: string }[]).slice(0, 10);
        return (
          <div className="card" key={t.id} data-testid="theme">
            <h3 style={{ margin: 0 }}>{t.label}</h3>
            <div className="terms">{terms.map((x) => <span key={x.term}>{x.term.replace(/_/g, " ")}</span>)}</div>
            <p className="muted" style={{ margin: ".25rem 0" }}>
              {t.documentCount} documents · {(t.weight * 100).toFixed(1)} % of the corpus
              {typeof evidence.growth === "number" ? ` · growth ${(evidence.growth * 100).toFixed(0)} %/yr (last 5 years)` : ""}
            </p>
            <details>
              <summary>Representative documents</summary>
              <ol>
                {(evidence.representative ?? []).map((r) => {
                  const d = documents.get(r.documentId);
                  return d ? <li key={r.documentId}>{d.title} <span className="muted">({d.kind.toLowerCase()}, {d.year ?? "n.d."}; {(r.weight * 100).toFixed(0)} %)</span></li> : null;
                })}
              </ol>
              <p className="muted">Model {evidence.modelVersion ?? "?"}</p>
            </details>
          </div>
        );
      })}
    </div>
  );
}
