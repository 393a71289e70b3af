// The expert's side over HTTP, as the browser does it: a next-auth credentials sign-in that keeps the
// session cookie, and the answer page's own server action (saveAnswersAction) posted with the
// action id from the production build's manifest, the round id bound as the page binds it, and the
// form fields the page's inputs carry. Nothing here is a side door into the app.
import { readFileSync } from "node:fs";

export type Session = { email: string; cookie: string };
export type AnswerField = { itemId: string; questionKey: string; kind: "CHOICE" | "SCALE"; value: string };
export type ActionOutcome = { ok: true; saved: number; ms: number } | { ok: false; error: string; status: number; ms: number };

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/rounds`, json: "true" }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("next-auth.session-token=") || c.startsWith("__Secure-next-auth.session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed (${response.status}): ${(await response.text()).slice(0, 200)}`);
  return { email, cookie: [...jar, session].join("; ") };
}

/** The server action's id in this build (it changes whenever the action's module changes). */
export function actionId(exportedName: string, filename = "app/rounds/[roundId]/answer/actions.ts"): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === exportedName && a.filename === filename);
  if (!found) throw new Error(`${exportedName} not found in .next/server/server-reference-manifest.json (is the build current?)`);
  return found[0];
}

/**
 * One press of "Submit answers" (or "Save draft"): React's reply encoding of the bound call
 * `saveAnswersAction(roundId, previousState, formData)` — the form's fields under the prefix "_1_",
 * then part "0" with the arguments (React 19's reply encoding, in its order).
 */
export async function postAnswers(options: { baseUrl: string; actionId: string; roundId: string; session: Session; fields: AnswerField[]; submit: boolean }): Promise<ActionOutcome> {
  const { baseUrl, roundId, session, fields } = options;
  const body = new FormData();
  for (const f of fields) {
    body.append(`_1_field:${f.itemId}:${f.questionKey}`, f.kind);
    body.append(`_1_answer:${f.itemId}:${f.questionKey}`, f.value);
  }
  body.append("_1_intent", options.submit ? "submit" : "draft");
  // The root part goes last, as encodeReply writes it: the server decodes the streamed body part by
  // part and resolves "$K1" from the fields that have arrived when part "0" does.
  body.append("0", JSON.stringify([roundId, null, "$K1"]));
  const started = performance.now();
  const response = await fetch(`${baseUrl}/rounds/${roundId}/answer`, {
    method: "POST",
    headers: { accept: "text/x-component", "next-action": options.actionId, cookie: session.cookie, origin: baseUrl },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const result = actionResult(text);
  if (response.ok && result?.ok === true) return { ok: true, saved: result.data.saved, ms };
  return { ok: false, error: result?.ok === false ? result.error : `HTTP ${response.status}: ${text.slice(0, 160)}`, status: response.status, ms };
}

type Result = { ok: true; data: { saved: number } } | { ok: false; error: string };

/** The action's return value in the React Flight response: the row whose JSON is `{"ok":…}`. */
export function actionResult(flight: string): Result | null {
  for (const line of flight.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith('{"ok":')) continue;
    try {
      return JSON.parse(json) as Result;
    } catch {
      continue;
    }
  }
  return null;
}
