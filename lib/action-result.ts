// Server actions return expected failures as values; anything unexpected is logged and generic.
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";

export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    if (isNavigationSignal(error)) throw error;
    if (error instanceof AppError) return { ok: false, error: error.message };
    if (error instanceof ZodError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
      return { ok: false, error: error.issues[0]?.message ?? "Check the form", fieldErrors };
    }
    console.error(error);
    return { ok: false, error: "Something went wrong on our side" };
  }
}

/** redirect() and notFound() work by throwing; they must pass through. */
function isNavigationSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
