// Whether a response means the caller got what they asked for. Pages refuse by redirecting to the
// sign-in page or to "/?denied=1" (before streaming: a 307; after: a redirect inside the stream) or by
// answering "not found"; route handlers by a 4xx; server actions by returning { ok: false } or throwing.
import type { HttpResult } from "./http-client";
import type { ActionResponse } from "./flight";

export type Outcome = { kind: "success" | "refused" | "error"; reason: string };

/** The sign-in page, the start page's "denied" notice, and next-auth's refusal of a request without its CSRF token. */
const REFUSING_LOCATIONS = [/^\/login(\?|$)/, /[?&]denied=1/, /[?&]csrf=true/];

function redirectOutcome(location: string): Outcome {
  const path = location.replace(/^https?:\/\/[^/]+/, "");
  return REFUSING_LOCATIONS.some((r) => r.test(path)) ? { kind: "refused", reason: `redirect ${path}` } : { kind: "success", reason: `redirect ${path}` };
}

/** A redirect or not-found that happened after the page started streaming (status 200). */
function streamedSignal(body: string): Outcome | null {
  const redirect = /NEXT_REDIRECT;(?:replace|push);([^;]+);/.exec(body) ?? /id="__next-page-redirect"[^>]*content="\d+;url=([^"]+)"/.exec(body);
  if (redirect) return redirectOutcome(redirect[1].replace(/&amp;/g, "&"));
  if (/NEXT_HTTP_ERROR_FALLBACK;404/.test(body)) return { kind: "refused", reason: "not found" };
  return null;
}

export function pageOutcome(response: HttpResult): Outcome {
  if (response.status >= 300 && response.status < 400 && response.location) return redirectOutcome(response.location);
  if (response.status === 404) return { kind: "refused", reason: "not found" };
  if (response.status >= 500) return { kind: "error", reason: `HTTP ${response.status}` };
  if (response.status >= 400) return { kind: "refused", reason: `HTTP ${response.status}` };
  return streamedSignal(response.body) ?? { kind: "success", reason: `HTTP ${response.status}` };
}

export function routeOutcome(response: HttpResult): Outcome {
  if (response.status >= 300 && response.status < 400) return response.location ? redirectOutcome(response.location) : { kind: "success", reason: `HTTP ${response.status}` };
  if (response.status >= 500) return { kind: "error", reason: `HTTP ${response.status} ${response.body.slice(0, 120)}` };
  if (response.status >= 400) {
    let code = "";
    try {
      code = (JSON.parse(response.body) as { code?: string }).code ?? "";
    } catch {
      code = response.body.slice(0, 80);
    }
    return { kind: "refused", reason: `HTTP ${response.status} ${code}`.trim() };
  }
  return { kind: "success", reason: `HTTP ${response.status}` };
}

export function actionOutcome(response: ActionResponse): Outcome {
  if (response.notFound) return { kind: "error", reason: "the server does not know this action id" };
  if (response.redirect) return redirectOutcome(response.redirect);
  if (response.thrown !== undefined) return { kind: "refused", reason: `threw ${response.thrown.slice(0, 160)}` };
  if (response.status >= 400) return { kind: "error", reason: `HTTP ${response.status}` };
  const value = response.value as { ok?: boolean; error?: string } | undefined;
  if (value && typeof value === "object" && value.ok === false) return { kind: "refused", reason: value.error ?? "ok: false" };
  if (value && typeof value === "object" && value.ok === true) return { kind: "success", reason: "ok: true" };
  if (value === undefined && response.status === 200) return { kind: "success", reason: "returned" };
  return { kind: "error", reason: `unreadable answer (HTTP ${response.status})` };
}
