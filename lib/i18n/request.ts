// next-intl's per-request configuration (wired in next.config.ts): the language of the request and
// its message catalogue. Times are shown in UTC, the zone the database stores.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./config";
import { loadMessages } from "./messages";

export const TIME_ZONE = "UTC";

/** The current request's language, for server code outside next-intl's hooks. */
export async function requestLocale(): Promise<Locale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return resolveLocale(jar.get(LOCALE_COOKIE)?.value, head.get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: await loadMessages(locale), timeZone: TIME_ZONE };
});
