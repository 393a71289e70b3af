import { getTranslations } from "next-intl/server";

export default async function DocumentsLoading() {
  const t = await getTranslations("documents");
  return <p className="muted" role="status" aria-live="polite">{t("loading")}</p>;
}
