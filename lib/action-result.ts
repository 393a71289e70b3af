// Server actions return expected failures as values, in the reader's language; anything unexpected
// is logged and generic.
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { appErrorText, internalErrorText, zodFailureText } from "@/lib/i18n/error-text";
import { requestLocale } from "@/lib/i18n/request";

export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    if (isNavigationSignal(error)) throw error;
    if (error instanceof AppError) return { ok: false, error: appErrorText(error, await readerLocale()) };
    if (error instanceof ZodError) return { ok: false, ...zodFailureText(error, await readerLocale()) };
    console.error(error);
    return { ok: false, error: internalErrorText(await readerLocale()) };
  }
}

/** The request's language; English when called outside a request (scripts, tests). */
async function readerLocale(): Promise<Locale> {
  try {
    return await requestLocale();
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** redirect() and notFound() work by throwing; they must pass through. */
function isNavigationSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
