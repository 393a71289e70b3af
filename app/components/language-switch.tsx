// Two buttons, one per language, each named in its own language; works without JavaScript too.
import { getTranslations } from "next-intl/server";
import { LOCALES, LOCALE_NAME, type Locale } from "@/lib/i18n/config";
import { setLocaleAction } from "@/app/components/language-actions";
import "./language-switch.css";

export async function LanguageSwitch({ current }: { current: Locale }) {
  const t = await getTranslations("layout");
  return (
    <form action={setLocaleAction} className="language-switch" aria-label={t("language")}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale === "zh" ? "zh-CN" : "en"}
          aria-pressed={locale === current}
          className={locale === current ? "current" : "secondary"}
          data-testid={`locale-${locale}`}
        >
          {LOCALE_NAME[locale]}
        </button>
      ))}
    </form>
  );
}
