// The study's proposals: what each asks and why, its author (a pseudonym to everyone but the admin),
// the vote counts, and the buttons the viewer may use.
import { getTranslations } from "next-intl/server";
import type { CurationBoard } from "@/lib/curation/get-curation-board";
import { ActionForm } from "@/app/components/action-form";
import { acceptAction, rejectAction, voteAction, withdrawAction } from "@/app/studies/[studyId]/themes/actions";

type Proposal = CurationBoard["proposals"][number];
type T = Awaited<ReturnType<typeof getTranslations<"curation">>>;

function describe(p: Proposal, t: T): string {
  const names = p.themes.map((x) => `“${x.label}”`).join(" + ");
  const payload = p.payload as { label?: string; labelZh?: string; parts?: { label?: string; seedWords: string[] }[] };
  switch (p.kind) {
    case "RELABEL":
      return `${t("describe.RELABEL", { names, label: payload.label ?? "" })}${payload.labelZh ? ` (${payload.labelZh})` : ""}`;
    case "MERGE":
      return payload.label ? t("describe.MERGE_INTO", { names, label: payload.label }) : t("describe.MERGE", { names });
    case "SPLIT": {
      const parts = (payload.parts ?? []).map((part, i) => `${part.label || t("part", { number: i + 1 })}${part.seedWords.length ? ` [${part.seedWords.join(", ")}]` : ""}`).join(" / ");
      return t("describe.SPLIT", { names, parts });
    }
    default:
      return t("describe.DELETE", { names });
  }
}

function status(p: Proposal, t: T): string {
  if (p.status === "ACCEPTED") return t("acceptedAs", { version: String(p.resultVersion) });
  if (p.superseded) return t("superseded");
  return t(`statuses.${p.status}`);
}

export async function ProposalList({ studyId, proposals, permissions }: { studyId: string; proposals: Proposal[]; permissions: CurationBoard["permissions"] }) {
  const t = await getTranslations("curation");
  if (proposals.length === 0) return <p className="muted">{t("noProposals")}</p>;
  return (
    <div className="table-scroll">
    <table data-testid="proposals">
      <thead><tr><th>{t("proposal")}</th><th>{t("by")}</th><th>{t("tally")}</th><th>{t("status")}</th><th></th></tr></thead>
      <tbody>
        {proposals.map((p) => {
          const open = p.status === "OPEN";
          return (
            <tr key={p.id} data-testid="proposal-row">
              <td>
                {describe(p, t)}
                <div className="muted">{p.reason}</div>
                <div className="muted">{t("onVersion", { version: p.themeSetVersion, date: p.date })}</div>
              </td>
              <td>{p.author}</td>
              <td>
                {p.tally.support} / {p.tally.oppose}
                {p.myVote !== null && <div className="muted">{p.myVote ? t("youSupport") : t("youOppose")}</div>}
              </td>
              <td><span className={`badge ${p.status}`}>{status(p, t)}</span></td>
              <td>
                <div style={{ display: "flex", gap: ".4rem", flexWrap: "wrap" }}>
                  {open && permissions.canVote && !p.mine && (
                    <>
                      <ActionForm action={voteAction.bind(null, studyId, p.id, true)} submitLabel={t("support")} className="inline" />
                      <ActionForm action={voteAction.bind(null, studyId, p.id, false)} submitLabel={t("oppose")} className="inline" />
                    </>
                  )}
                  {open && permissions.canDecide && (
                    <>
                      <ActionForm action={acceptAction.bind(null, studyId, p.id)} submitLabel={t("accept")} pendingLabel={t("building")} className="inline" />
                      <ActionForm action={rejectAction.bind(null, studyId, p.id)} submitLabel={t("reject")} className="inline">
                        <input name="note" placeholder={t("note")} style={{ width: 140 }} />
                      </ActionForm>
                    </>
                  )}
                  {open && p.mine && <ActionForm action={withdrawAction.bind(null, studyId, p.id)} submitLabel={t("withdraw")} className="inline" />}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
