// One error type for expected failures; its code decides the HTTP status. A failure a user of the web
// interface can meet carries a key of the `errors` catalogue: its message is the key's English text
// (logs, the CLI and API clients read it), and runAction and the route wrapper show the reader's language.
import { formatError, isErrorKey, phrase, type ErrorKey, type ErrorValues, type Localised } from "@/lib/i18n/error-messages";

export { phrase, type ErrorKey, type ErrorValues, type Localised } from "@/lib/i18n/error-messages";

export type AppErrorCode = "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "too_large";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
};

export class AppError extends Error {
  readonly key?: ErrorKey;
  readonly values?: ErrorValues;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    detail?: { key: ErrorKey; values?: ErrorValues },
  ) {
    super(message);
    this.name = "AppError";
    this.key = detail?.key;
    this.values = detail?.values;
  }
}

/** An AppError whose message is the English text of `key`. */
export const keyedError = (code: AppErrorCode, key: ErrorKey, values?: ErrorValues) => new AppError(code, formatError("en", key, values), { key, values });

/** A key of the catalogue, or else English text (messages no web page shows: connectors, files, the CLI). */
const refusal = (code: AppErrorCode, text: string, values?: ErrorValues) => (isErrorKey(text) ? keyedError(code, text, values) : new AppError(code, text));

type After<K, P extends string> = K extends `${P}${infer T}` ? T : never;
/** The keys under a prefix, without it: KeysUnder<"status."> is "open" | "closed" | … */
export type KeysUnder<P extends string> = After<ErrorKey, P>;
export type NotFoundThing = KeysUnder<"notFound.">;

export const notFound = (what: NotFoundThing) => keyedError("not_found", `notFound.${what}`);

export function forbidden(key?: ErrorKey, values?: ErrorValues): AppError;
export function forbidden(message: string): AppError;
export function forbidden(text: string = "generic.forbidden", values?: ErrorValues): AppError {
  return refusal("forbidden", text, values);
}

export function conflict(key: ErrorKey, values?: ErrorValues): AppError;
export function conflict(message: string): AppError;
export function conflict(text: string, values?: ErrorValues): AppError {
  return refusal("conflict", text, values);
}

export function invalid(key: ErrorKey, values?: ErrorValues): AppError;
export function invalid(message: string): AppError;
export function invalid(text: string, values?: ErrorValues): AppError {
  return refusal("invalid", text, values);
}

/** A status (OPEN, ACCEPTED, …) as a word of a message, in both languages: "The round is already open". */
export const statusPhrase = (status: string): Localised => phrase(`status.${status.toLowerCase() as KeysUnder<"status.">}`);

/** A zod custom issue that carries its key, so runAction can say it in the reader's language. */
export const keyedIssue = (key: ErrorKey, values?: ErrorValues) => ({ code: "custom" as const, message: formatError("en", key, values), params: { key, values } });

/** A zod message from errors.form.* (its English text; runAction recognises it and translates it). */
export const formMessage = (key: KeysUnder<"form.">): string => formatError("en", `form.${key}`);

/** Prisma's unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
