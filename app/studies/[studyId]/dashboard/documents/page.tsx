import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getDrillDown, parseDrillDownQuery, type DrillDownQuery } from "@/lib/dashboard/get-drill-down";
import { getStudyOrThrow } from "@/lib/studies/get-studies";
import { requestLocale } from "@/lib/i18n/request";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import { drillHref } from "@/app/components/charts/names";
import { notFoundOnAppError } from "../not-found-on";
import "../dashboard.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ studyId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const KINDS = ["PAPER", "CONFERENCE_PAPER", "PATENT", "PROJECT", "NEWS", "POLICY", "OTHER"];

/** The documents behind a chart point: filtered by theme, year, country and kind, 25 to a page. */
export default async function DocumentsPage({ params, searchParams }: Props) {
  await requirePageViewer(can.viewStudy);
  const { studyId } = await params;
  const study = await getStudyOrThrow(studyId).catch(notFoundOnAppError);
  const t = await getTranslations("documents");
  const tk = await getTranslations("kind");
  const locale = await requestLocale();
  const parsed = parseDrillDownQuery(await searchParams);
  const back = <p><Link href={`/studies/${study.id}/dashboard`}>← {t("back", { study: study.name })}</Link></p>;
  if (!parsed.success) {
    return (
      <>
        {back}
        <h1>{t("title")}</h1>
        <p className="error" role="alert">{t("badQuery", { problem: parsed.error.issues.map((i) => i.message).join("; ") })}</p>
      </>
    );
  }
  const query = parsed.data;
  const result = await getDrillDown(study.id, query).catch(notFoundOnAppError);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const themeName = result.theme ? (locale === "zh" && result.theme.labelZh) || result.theme.label : null;
  const filterOf = (q: Partial<DrillDownQuery>) => ({ theme: q.theme, year: q.year, country: q.country, kind: q.kind });
  const without = (key: keyof DrillDownQuery) => drillHref(study.id, filterOf({ ...query, [key]: undefined }));
  const chips: [keyof DrillDownQuery, string][] = [];
  if (themeName) chips.push(["theme", t("filter.theme", { theme: themeName })]);
  if (query.year !== undefined) chips.push(["year", t("filter.year", { year: query.year })]);
  if (query.country) chips.push(["country", t("filter.country", { country: query.country })]);
  if (query.kind) chips.push(["kind", t("filter.kind", { kind: tk(query.kind) })]);
  const pageHref = (page: number) => `${drillHref(study.id, filterOf(query))}${chips.length ? "&" : "?"}page=${page}`;
  const first = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, result.page * result.pageSize);

  return (
    <>
      {back}
      <h1>{themeName ? t("titleTheme", { theme: themeName }) : t("title")}</h1>
      {result.theme && <p><Link href={`/studies/${study.id}/themes/${result.theme.id}`} data-testid="theme-evidence-link">{t("themeEvidence")}</Link></p>}
      <p aria-label={t("filters")} className="chips">
        {chips.map(([key, label]) => (
          <span key={key} className="chip" data-filter={key}>
            {label} <Link href={without(key)} aria-label={t("removeFilter", { filter: label })}>×</Link>
          </span>
        ))}
        {chips.length === 0 && <span className="muted">{t("noFilter")}</span>}
      </p>
      <p role="status" data-testid="drill-summary" data-total={result.total} data-volume={result.volume ?? ""}>
        {result.volume !== null
          ? t("summaryTheme", { total: formatNumber(locale, result.total, 0), volume: formatNumber(locale, result.volume, 2) })
          : t("summary", { total: formatNumber(locale, result.total, 0) })}
      </p>
      <form method="get" className="inline" aria-label={t("refine")}>
        {query.theme && <input type="hidden" name="theme" value={query.theme} />}
        <label>{t("year")}<input name="year" type="number" min={1000} max={3000} defaultValue={query.year ?? ""} style={{ width: 100 }} /></label>
        <label>{t("country")}<input name="country" maxLength={2} defaultValue={query.country ?? ""} style={{ width: 70 }} /></label>
        <label>
          {t("kind")}
          <select name="kind" defaultValue={query.kind ?? ""}>
            <option value="">{t("anyKind")}</option>
            {KINDS.map((k) => <option key={k} value={k}>{tk(k)}</option>)}
          </select>
        </label>
        <button type="submit" className="secondary">{t("apply")}</button>
      </form>
      <table data-testid="drill-documents">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("documentTitle")}</th><th scope="col">{t("year")}</th><th scope="col">{t("kind")}</th><th scope="col">{t("countries")}</th><th scope="col">{t("venue")}</th>
            {result.theme && <th scope="col">{t("weight")}</th>}
          </tr>
        </thead>
        <tbody>
          {result.documents.map((d) => (
            <tr key={d.id} data-testid="drill-row" data-document={d.id}>
              <td>{d.title}{d.doi && <> <span className="muted">doi:{d.doi}</span></>}{d.patentNumber && <> <span className="muted">{d.patentNumber}</span></>}</td>
              <td>{d.year ?? "—"}</td>
              <td>{tk(d.kind)}</td>
              <td>{d.countries.join(", ")}</td>
              <td>{d.venue ?? ""}</td>
              {result.theme && <td data-testid="drill-weight">{formatPercent(locale, d.weight, 1)}</td>}
            </tr>
          ))}
          {result.documents.length === 0 && <tr><td colSpan={6} className="muted">{t("empty")}</td></tr>}
        </tbody>
      </table>
      <nav aria-label={t("pagination")} className="pagination">
        {result.page > 1 ? <Link href={pageHref(result.page - 1)} rel="prev">{t("previous")}</Link> : <span className="muted">{t("previous")}</span>}
        <span>{t("pageOf", { first: formatNumber(locale, first, 0), last: formatNumber(locale, last, 0), total: formatNumber(locale, result.total, 0), page: result.page, pages })}</span>
        {result.page < pages ? <Link href={pageHref(result.page + 1)} rel="next">{t("next")}</Link> : <span className="muted">{t("next")}</span>}
      </nav>
    </>
  );
}
