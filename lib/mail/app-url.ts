// Links in e-mails written outside a request (the reminder job) need the public address of the app.
import { env } from "@/lib/env";

export function appUrl(path: string, baseUrl?: string): string {
  const base = baseUrl ?? env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;
  return `${base.replace(/\/$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}
