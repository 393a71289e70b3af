import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getExpertProfile } from "@/lib/experts/get-expert-pool";
import { getPanelStudies } from "@/lib/curation/panel";
import { ActionForm } from "@/app/components/action-form";
import { ProfileFields } from "@/app/experts/profile-fields";
import { updateProfileAction } from "@/app/experts/actions";

export const dynamic = "force-dynamic";

/** An expert's profile, edited by the admin or by the expert. */
export default async function ExpertProfilePage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const viewer = await requirePageViewer((v) => can.editExpertProfile(v, userId));
  const expert = await getExpertProfile(viewer, userId);
  const studies = viewer.id === userId ? await getPanelStudies(userId) : [];
  const t = await getTranslations("experts");
  return (
    <>
      {can.manageExperts(viewer) && <p><Link href="/experts">← {t("pool")}</Link></p>}
      <h1>{viewer.id === userId ? t("yourProfile") : expert.name}</h1>
      <p className="muted">{t("profileHelp", { email: expert.email })}</p>
      <ActionForm action={updateProfileAction.bind(null, userId)} submitLabel={t("saveProfile")} successMessage={t("saved")}>
        <label>{t("name")}<input name="name" required maxLength={200} defaultValue={expert.name} /></label>
        <ProfileFields profile={expert.profile} />
      </ActionForm>
      {studies.length > 0 && (
        <>
          <h2>{t("curation")}</h2>
          <p className="muted">{t("curationHelp")}</p>
          <ul>{studies.map((s) => <li key={s.id}><Link href={`/studies/${s.id}/themes`}>{s.name}</Link></li>)}</ul>
        </>
      )}
    </>
  );
}
