// The message catalogues (messages/<locale>.json). English is the reference: every key it has, the
// other catalogues must have too (tests/unit/dashboard/i18n.test.ts).
import type { Locale } from "./config";

export type Messages = typeof import("../../messages/en.json");

export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case "zh":
      return (await import("../../messages/zh.json")).default;
    default:
      return (await import("../../messages/en.json")).default;
  }
}
