import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { LoginForm } from "@/app/login/login-form";

export default async function LoginPage() {
  if (await getViewer()) redirect("/");
  const t = await getTranslations("login");
  return (
    <div className="card" style={{ maxWidth: 440, margin: "3rem auto" }}>
      <h1>{t("title")}</h1>
      <p className="muted">{t("experts")}</p>
      <LoginForm />
    </div>
  );
}
