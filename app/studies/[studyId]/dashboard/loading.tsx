import { getTranslations } from "next-intl/server";
import "./dashboard.css";

export default async function DashboardLoading() {
  const t = await getTranslations("charts");
  return (
    <div className="dashboard-loading" role="status" aria-live="polite">
      <p className="muted">{t("loadingDashboard")}</p>
      <div className="skeleton" />
      <div className="skeleton" />
    </div>
  );
}
