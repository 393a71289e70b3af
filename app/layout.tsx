import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { requestLocale } from "@/lib/i18n/request";
import { INTL_LOCALE } from "@/lib/i18n/config";
import { SignOutButton } from "@/app/components/sign-out-button";
import { LanguageSwitch } from "@/app/components/language-switch";
import "./globals.css";

export const metadata: Metadata = { title: "Foresight", description: "Technology foresight: data and expert judgement" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  const locale = await requestLocale();
  const t = await getTranslations("layout");
  return (
    <html lang={INTL_LOCALE[locale]}>
      <body>
        <a href="#content" className="skip-link">{t("skip")}</a>
        <NextIntlClientProvider>
          <header className="top">
            <Link href="/" className="brand">Foresight 技术预见</Link>
            <nav aria-label={t("main")}>
              {viewer && viewer.role !== "EXPERT" && <Link href="/studies">{t("studies")}</Link>}
              {viewer?.role === "EXPERT" && <Link href="/rounds">{t("myRounds")}</Link>}
              {viewer?.role === "EXPERT" && <Link href="/experts/me">{t("myProfile")}</Link>}
              {viewer?.role === "ADMIN" && <Link href="/experts">{t("experts")}</Link>}
              {viewer?.role === "ADMIN" && <Link href="/outbox">{t("outbox")}</Link>}
            </nav>
            <LanguageSwitch current={locale} />
            {viewer ? (
              <span className="who">
                {viewer.name} · {t(`role.${viewer.role}`)} <SignOutButton />
              </span>
            ) : (
              <Link href="/login">{t("signIn")}</Link>
            )}
          </header>
          <main id="content" tabIndex={-1}>{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
