// What a server action answered, read from its React Flight response: row 0 is Next's envelope
// `{ a: <result>, b: <build id>, … }`; the result is inline or a reference `$@<row>` to a later row; a
// thrown error is an `E` row; a redirect comes as the `x-action-redirect` header instead.
import type { HttpResult } from "./http-client";

export type ActionResponse = HttpResult & {
  /** The action's return value, when it returned. */
  value?: unknown;
  /** The action threw (the error's digest or message as Flight carries it). */
  thrown?: string;
  /** `x-action-redirect`: where the action sent the browser. */
  redirect?: string;
  /** The server did not know the action id. */
  notFound: boolean;
};

/** Splits a Flight payload into rows by id; text rows (`T<hex length>,`) are length-prefixed in bytes. */
export function flightRows(payload: string): Map<string, string> {
  const bytes = Buffer.from(payload, "utf8");
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = bytes.subarray(at, colon).toString("utf8");
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString("utf8"), 16);
      rows.set(id, `T${bytes.subarray(comma + 1, comma + 1 + length).toString("utf8")}`);
      at = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf(0x0a, colon);
    const stop = end < 0 ? bytes.length : end;
    if (id) rows.set(id, bytes.subarray(colon + 1, stop).toString("utf8"));
    at = stop + 1;
  }
  return rows;
}

function resolve(value: unknown, rows: Map<string, string>, depth = 0): unknown {
  if (depth > 20) return value;
  if (typeof value === "string") {
    if (value === "$undefined") return undefined;
    const ref = /^\$@([0-9a-f]+)$/.exec(value);
    if (ref) {
      const row = rows.get(ref[1]);
      if (row === undefined || row.startsWith("E")) return value;
      return resolve(JSON.parse(row), rows, depth + 1);
    }
    return value.startsWith("$$") ? value.slice(1) : value;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, rows, depth + 1));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, rows, depth + 1)]));
  return value;
}

export function parseActionResponse(response: HttpResult): ActionResponse {
  const notFound = response.headers.get("x-nextjs-action-not-found") === "1";
  const redirectHeader = response.headers.get("x-action-redirect");
  const result: ActionResponse = { ...response, notFound };
  if (redirectHeader) result.redirect = redirectHeader.split(";")[0];
  if (!response.contentType.includes("text/x-component")) return result;
  const rows = flightRows(response.body);
  const envelope = rows.get("0");
  if (!envelope || envelope.startsWith("E")) {
    if (envelope) result.thrown = envelope.slice(1);
    return result;
  }
  const parsed = JSON.parse(envelope) as { a?: unknown };
  const ref = typeof parsed.a === "string" ? /^\$@([0-9a-f]+)$/.exec(parsed.a) : null;
  const target = ref ? rows.get(ref[1]) : undefined;
  if (target?.startsWith("E")) result.thrown = target.slice(1);
  else result.value = resolve(parsed.a, rows);
  return result;
}
