import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { requestLocale } from "@/lib/i18n/request";
import { formatDateTime } from "@/lib/i18n/format";
import { compareThemeSets, listThemeSetVersions, machineAgreementByRound, type Comparison } from "@/lib/curation/compare-theme-sets";
import type { ThemeChange } from "@/lib/curation/lineage";

export const dynamic = "force-dynamic";

function describeChange(c: ThemeChange): [ThemeChange["change"], string] {
  switch (c.change) {
    case "unchanged":
      return [c.change, c.label];
    case "relabelled":
      return [c.change, `“${c.previousLabel}” → “${c.label}”`];
    case "merged":
      return [c.change, `${c.previousLabels.map((l) => `“${l}”`).join(" + ")} → “${c.label}”`];
    case "split":
      return [c.change, `“${c.previousLabel}” → “${c.label}”`];
    case "changed":
      return [c.change, `“${c.previousLabel}” → “${c.label}”`];
    case "new":
      return [c.change, c.label];
    case "deleted":
      return [c.change, c.previousLabel];
  }
}

/** Every version of the theme set, what one changed against an earlier one, and machine agreement per round. */
export default async function VersionsPage({ params, searchParams }: { params: Promise<{ studyId: string }>; searchParams: Promise<{ to?: string; from?: string }> }) {
  const viewer = await requirePageViewer((v) => can.viewStudy(v) || can.proposeCuration(v));
  const { studyId } = await params;
  const { to, from } = await searchParams;
  let versions: Awaited<ReturnType<typeof listThemeSetVersions>>;
  try {
    versions = await listThemeSetVersions(viewer, studyId);
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") redirect("/?denied=1");
    throw error;
  }
  const target = to ?? versions[0]?.id;
  let comparison: Comparison | null = null;
  let problem: string | null = null;
  if (target) {
    try {
      comparison = await compareThemeSets(viewer, studyId, target, from);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = error.message;
    }
  }
  const agreement = await machineAgreementByRound(viewer, studyId);
  const t = await getTranslations("curation");
  const locale = await requestLocale();

  return (
    <>
      <p><Link href={`/studies/${studyId}/themes`}>← {t("title")}</Link></p>
      <h1>{t("versionsTitle")}</h1>
      <table>
        <thead><tr><th>{t("version")}</th><th>{t("origin")}</th><th>{t("themeCount")}</th><th>{t("made")}</th><th>{t("noteColumn")}</th><th></th></tr></thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id}>
              <td>{v.version}{v.parentVersion ? <span className="muted"> {t("fromVersion", { version: v.parentVersion })}</span> : null}</td>
              <td>{t(`origins.${v.origin}`)}</td>
              <td>{v.themes}</td>
              <td>{formatDateTime(locale, v.createdAt)}</td>
              <td>{v.note}</td>
              <td>{v.parentVersion !== null && <Link href={`?to=${v.id}`}>{t("changesLink")}</Link>}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{comparison ? t("compareTitle", { to: comparison.to.version, from: comparison.from.version }) : t("changesTitle")}</h2>
      {problem && <p className="error">{problem}</p>}
      {comparison && (
        <>
          <form className="inline" method="get">
            <input type="hidden" name="to" value={comparison.to.id} />
            <label>
              {t("compareWith")}
              <select name="from" defaultValue={comparison.from.id}>
                {versions.filter((v) => v.version <= comparison.to.version).map((v) => <option key={v.id} value={v.id}>{t("versionOption", { version: v.version })}</option>)}
              </select>
            </label>
            <button type="submit" className="secondary">{t("compare")}</button>
          </form>
          <table data-testid="theme-changes">
            <thead><tr><th>{t("change")}</th><th>{t("theme")}</th></tr></thead>
            <tbody>
              {comparison.changes.map((c, i) => {
                const [kind, what] = describeChange(c);
                return <tr key={i}><td>{t(`changes.${kind}`)}</td><td>{what}</td></tr>;
              })}
            </tbody>
          </table>
        </>
      )}

      <h2>{t("agreement")}</h2>
      <p className="muted">{t("agreementHelp")}</p>
      <table>
        <thead><tr><th>{t("round")}</th><th>{t("versionUsed")}</th><th>{t("machineVersion")}</th><th>{t("unchanged")}</th><th>{t("changeCounts")}</th></tr></thead>
        <tbody>
          {agreement.map((r) => (
            <tr key={r.roundId}>
              <td>{r.title || t("roundNumber", { number: r.number })}</td>
              <td>{r.themeSetVersion ?? "—"}</td>
              <td>{r.machineVersion ?? "—"}</td>
              <td>{r.agreement?.share != null ? t("agreementShare", { share: (r.agreement.share * 100).toFixed(0), unchanged: r.agreement.unchanged, total: r.agreement.machineThemes }) : "—"}</td>
              <td>{r.agreement ? `${r.agreement.counts.relabelled} · ${r.agreement.counts.merged} · ${r.agreement.counts.split} · ${r.agreement.counts.deleted}` : "—"}</td>
            </tr>
          ))}
          {agreement.length === 0 && <tr><td colSpan={5} className="muted">{t("noRounds")}</td></tr>}
        </tbody>
      </table>
    </>
  );
}
