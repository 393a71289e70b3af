// One wrapper for route handlers: expected errors become their status with a message in the language
// of the page that asked; anything else is logged and answered with a generic 500 that leaks nothing.
import { ZodError } from "zod";
import { AppError, HTTP_STATUS, forbidden } from "@/lib/errors";
import { DEFAULT_LOCALE, LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/config";
import { appErrorText, internalErrorText, zodIssueText } from "@/lib/i18n/error-text";

type RouteContext<P> = { params: Promise<P> };

export function route<P = Record<string, never>>(handler: (request: Request, context: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, requestLocaleOf(request));
    }
  };
}

/** The language of the page that sent the request (the switch's cookie, else Accept-Language). */
export function requestLocaleOf(request: Request): Locale {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return resolveLocale(cookie, request.headers.get("accept-language"));
}

export function errorResponse(error: unknown, locale: Locale = DEFAULT_LOCALE): Response {
  if (error instanceof AppError) return Response.json({ error: appErrorText(error, locale), code: error.code }, { status: HTTP_STATUS[error.code] });
  if (error instanceof ZodError) return Response.json({ error: error.issues.map((i) => zodIssueText(i, locale)).join("; "), code: "invalid" }, { status: 400 });
  console.error(error);
  return Response.json({ error: internalErrorText(locale), code: "internal" }, { status: 500 });
}

/** Cookie-authenticated state changes outside server actions must come from our own pages. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host || new URL(origin).host !== host) throw forbidden("generic.crossSite");
}
