// API keys must never reach a log line, an error message or the database: every URL and message a
// connector shows passes through here first.

// Query parameters that carry credentials in the APIs we call (OpenAlex `api_key`) and common others.
const SECRET_PARAM = /([?&](?:api[_-]?key|apikey|key|access[_-]?token|auth|password|secret)=)[^&#\s"'<>),;]*/gi;
// user:password@ in a URL.
const USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s"'<>]*@/gi;

/**
 * The text with credentials replaced by "***": secret query parameters, URL user info, and every
 * occurrence of the given secret values (raw and URL-encoded).
 * @example scrubText("GET /works?api_key=abc&page=2") // => "GET /works?api_key=***&page=2"
 */
export function scrubText(text: string, secrets: readonly string[] = []): string {
  let clean = text.replace(SECRET_PARAM, "$1***").replace(USERINFO, "$1***@");
  for (const secret of secrets) {
    if (secret.length < 4) continue; // too short to replace without mangling ordinary text
    for (const form of new Set([secret, encodeURIComponent(secret)])) clean = clean.split(form).join("***");
  }
  return clean;
}
