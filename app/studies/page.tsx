import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getStudies } from "@/lib/studies/get-studies";
import { requestLocale } from "@/lib/i18n/request";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { ActionForm } from "@/app/components/action-form";
import { createStudyAction } from "@/app/studies/actions";

export const dynamic = "force-dynamic";

export default async function StudiesPage() {
  const viewer = await requirePageViewer(can.viewStudy);
  const studies = await getStudies();
  const t = await getTranslations("studies");
  const locale = await requestLocale();
  return (
    <>
      <h1>{t("title")}</h1>
      {studies.length === 0 && <p className="muted">{t("none")}</p>}
      <div className="grid">
        {studies.map((s) => (
          <div className="card" key={s.id}>
            <h3 style={{ marginTop: 0 }}>
              <Link href={`/studies/${s.id}`}>{s.name}</Link>
            </h3>
            {s.question && <p>{s.question}</p>}
            <p className="muted">
              {t("counts", { documents: formatNumber(locale, s._count.documents, 0), rounds: formatNumber(locale, s._count.rounds, 0) })}
              {s.horizonYear ? ` · ${t("horizon", { year: String(s.horizonYear) })}` : ""} · {t("created", { date: formatDate(locale, s.createdAt) })}
            </p>
            <p style={{ margin: 0 }}>
              <Link href={`/studies/${s.id}/dashboard`}>{t("dashboard")}</Link>
            </p>
          </div>
        ))}
      </div>
      {can.manageStudies(viewer) && (
        <>
          <h2>{t("new")}</h2>
          <ActionForm action={createStudyAction} submitLabel={t("create")} pendingLabel={t("creating")}>
            <label>
              {t("name")}
              <input name="name" required maxLength={200} />
            </label>
            <label>
              {t("question")}
              <textarea name="question" rows={2} maxLength={2000} placeholder={t("questionPlaceholder")} />
            </label>
            <label>
              {t("horizonYear")}
              <input name="horizonYear" type="number" min={2000} max={2100} />
            </label>
            <label>
              {t("homeCountry")}
              <input name="homeCountry" maxLength={2} placeholder="CN" />
            </label>
          </ActionForm>
        </>
      )}
    </>
  );
}
