import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/auth/session";
import { can, type Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getCurationBoard } from "@/lib/curation/get-curation-board";
import { ActionForm } from "@/app/components/action-form";
import { MergeForm, ThemeProposalForms } from "@/app/studies/[studyId]/themes/proposal-forms";
import { ProposalList } from "@/app/studies/[studyId]/themes/proposal-list";
import { curationSettingsAction, proposeAction } from "@/app/studies/[studyId]/themes/actions";

export const dynamic = "force-dynamic";

async function boardOrDeny(viewer: Viewer, studyId: string) {
  try {
    return await getCurationBoard(viewer, studyId);
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") redirect("/?denied=1");
    throw error;
  }
}

/** Theme curation: the current version's themes, proposals to change them, votes and decisions. */
export default async function CurationPage({ params }: { params: Promise<{ studyId: string }> }) {
  const viewer = await requirePageViewer((v) => can.viewStudy(v) || can.proposeCuration(v));
  const { studyId } = await params;
  const board = await boardOrDeny(viewer, studyId);
  const { themeSet, themes, permissions, settings } = board;
  const propose = proposeAction.bind(null, studyId);
  const rule = settings.autoAccept;
  const t = await getTranslations("curation");

  return (
    <>
      <p>{can.viewStudy(viewer) ? <Link href={`/studies/${studyId}`}>← {board.study.name}</Link> : board.study.name}</p>
      <h1>{themeSet ? t("titleVersion", { version: themeSet.version }) : t("title")}</h1>
      <p className="muted">
        {t("intro")} {rule ? t("ruleMajority", { minVotes: rule.minVotes, share: String(Math.round(rule.minShare * 1000) / 10) }) : t("ruleOffice")}{" "}
        <Link href={`/studies/${studyId}/themes/versions`}>{t("versions")}</Link>
        {permissions.canDecide && <> · <Link href={`/experts/study/${studyId}`}>{t("experts")}</Link></>}
      </p>

      <h2>{t("proposals")}</h2>
      <ProposalList studyId={studyId} proposals={board.proposals} permissions={permissions} />

      <h2>{t("themes")}</h2>
      {!themeSet && <p className="muted">{t("noThemes")}</p>}
      <div className="grid">
        {themes.map((theme) => (
          <div className="card" key={theme.id} data-testid="curation-theme">
            <h3 style={{ margin: 0 }}>{theme.label}{theme.labelZh ? ` · ${theme.labelZh}` : ""}</h3>
            <p className="muted" style={{ margin: ".2rem 0" }}>{t("themeMeta", { source: t(`labelSource.${theme.labelSource}`), documents: theme.documentCount, share: (theme.weight * 100).toFixed(1) })}</p>
            <div className="terms">{theme.topTerms.map((x) => <span key={x.term}>{x.term.replace(/_/g, " ")}</span>)}</div>
            {permissions.canPropose && <ThemeProposalForms theme={theme} propose={propose} />}
          </div>
        ))}
      </div>

      {permissions.canPropose && themes.length > 1 && (
        <>
          <h2>{t("merge")}</h2>
          <MergeForm themes={themes} propose={propose} />
        </>
      )}

      {permissions.canDecide && (
        <>
          <h2>{t("majority")}</h2>
          <ActionForm action={curationSettingsAction.bind(null, studyId)} submitLabel={t("save")} className="inline" successMessage={t("savedRule")}>
            <label>
              {t("minVotes")}
              <input name="minVotes" type="number" min={1} max={1000} defaultValue={rule?.minVotes ?? ""} style={{ width: 110 }} />
            </label>
            <label>
              {t("minShare")}
              <input name="minSharePercent" type="number" min={50} max={100} step="0.01" defaultValue={rule ? Math.round(rule.minShare * 10000) / 100 : 66.67} style={{ width: 110 }} />
            </label>
          </ActionForm>
        </>
      )}
    </>
  );
}
