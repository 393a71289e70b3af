import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getExpertPool } from "@/lib/experts/get-expert-pool";
import { ActionForm } from "@/app/components/action-form";
import { ProfileFields } from "@/app/experts/profile-fields";
import { addExpertAction } from "@/app/experts/actions";

export const dynamic = "force-dynamic";

/** The expert pool: every expert's profile and participation; new experts are added here. */
export default async function ExpertPoolPage() {
  const viewer = await requirePageViewer(can.manageExperts);
  const experts = await getExpertPool(viewer);
  const t = await getTranslations("experts");
  return (
    <>
      <h1>{t("pool")}</h1>
      <table data-testid="expert-pool">
        <thead><tr><th>{t("expert")}</th><th>{t("organisation")}</th><th>{t("sector")}</th><th>{t("country")}</th><th>{t("fieldsKeywords")}</th><th>{t("rounds")}</th></tr></thead>
        <tbody>
          {experts.map((e) => (
            <tr key={e.id}>
              <td><Link href={`/experts/${e.id}`}>{e.name}</Link> <span className="muted">{e.email}</span>{e.disabledAt && <span className="muted"> {t("disabled")}</span>}</td>
              <td>{e.profile?.organisation ?? "—"}</td>
              <td>{e.profile ? t(`sectorsLower.${e.profile.sector}`) : "—"}</td>
              <td>{e.profile?.country ?? "—"}</td>
              <td>{[...(e.profile?.fields ?? []), ...(e.profile?.keywords ?? [])].join(", ") || "—"}</td>
              <td>{e.invited} / {e.submitted}</td>
            </tr>
          ))}
          {experts.length === 0 && <tr><td colSpan={6} className="muted">{t("none")}</td></tr>}
        </tbody>
      </table>
      <h2>{t("add")}</h2>
      <p className="muted">{t("addHelp")}</p>
      <ActionForm action={addExpertAction} submitLabel={t("addSubmit")} successMessage={t("added")}>
        <label>{t("email")}<input name="email" type="email" required /></label>
        <label>{t("name")}<input name="name" required maxLength={200} /></label>
        <ProfileFields profile={null} />
      </ActionForm>
    </>
  );
}
