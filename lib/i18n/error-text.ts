// Expected failures in the reader's language. English shows the messages as thrown, so the web, the
// logs, the CLI and API clients read one text; another language translates a keyed AppError through
// the `errors` catalogue, and a zod issue by its form message (errors.form.*), the key of a custom
// issue (keyedIssue) or else by its code.
import type { ZodError } from "zod";
import type { AppError } from "@/lib/errors";
import type { Locale } from "./config";
import { formatError, formKeyOf, isErrorKey, type ErrorKey, type ErrorValues } from "./error-messages";

type Issue = ZodError["issues"][number];

export function appErrorText(error: AppError, locale: Locale): string {
  return locale === "en" || !error.key ? error.message : formatError(locale, error.key, error.values);
}

export function zodIssueText(issue: Issue, locale: Locale): string {
  if (locale === "en") return issue.message;
  const form = formKeyOf(issue.message);
  if (form) return formatError(locale, form);
  const keyed = issue.code === "custom" ? (issue.params as { key?: unknown; values?: ErrorValues } | undefined) : undefined;
  if (typeof keyed?.key === "string" && isErrorKey(keyed.key)) return formatError(locale, keyed.key, keyed.values);
  const [key, values] = validationMessage(issue);
  return formatError(locale, key, values);
}

/** zod's own messages by issue code: the cases the forms meet (empty, too long, not a number, out of range). */
function validationMessage(issue: Issue): [ErrorKey, ErrorValues?] {
  switch (issue.code) {
    case "too_small": {
      const minimum = String(issue.minimum);
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? ["validation.required"] : ["validation.tooShort", { minimum }];
      if (issue.origin === "array" || issue.origin === "set") return ["validation.tooFew", { minimum }];
      return [issue.inclusive === false ? "validation.greaterThan" : "validation.tooSmall", { minimum }];
    }
    case "too_big": {
      const maximum = String(issue.maximum);
      if (issue.origin === "string") return ["validation.tooLong", { maximum }];
      if (issue.origin === "array" || issue.origin === "set") return ["validation.tooMany", { maximum }];
      return [issue.inclusive === false ? "validation.lessThan" : "validation.tooBig", { maximum }];
    }
    case "invalid_type":
      if (/received undefined$/.test(issue.message)) return ["validation.required"];
      if (String(issue.expected) === "int") return ["validation.wholeNumber"];
      return [issue.expected === "number" ? "validation.notANumber" : "validation.invalid"];
    case "invalid_format":
      return [issue.format === "email" ? "form.email" : "validation.format"];
    case "invalid_value":
      return ["validation.option"];
    case "unrecognized_keys":
      return ["validation.unknownField"];
    default:
      return ["validation.invalid"];
  }
}

export type FailureText = { error: string; fieldErrors?: Record<string, string> };

/** A form's failed validation: the first issue's message and one message per field. */
export function zodFailureText({ issues }: ZodError, locale: Locale): Required<FailureText> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[issue.path.join(".")] ??= zodIssueText(issue, locale);
  return { error: issues[0] ? zodIssueText(issues[0], locale) : formatError(locale, "generic.checkForm"), fieldErrors };
}

/** The answer to an unexpected failure, which leaks nothing. */
export const internalErrorText = (locale: Locale): string => formatError(locale, "generic.internal");
