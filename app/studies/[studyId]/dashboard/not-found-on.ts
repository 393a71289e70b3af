import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** An unknown study, theme or theme-set version is a 404 page, not an error page. */
export function notFoundOnAppError(error: unknown): never {
  if (error instanceof AppError && error.code === "not_found") notFound();
  throw error;
}
