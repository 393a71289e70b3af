// The SMTP transport when SMTP_URL is configured; null means e-mail stays in the outbox.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

let cached: { url: string; transporter: Transporter } | undefined;

export function mailTransport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transporter.close();
    cached = { url, transporter: nodemailer.createTransport(url) };
  }
  return cached.transporter;
}

/** Closes the pooled connection (tests, worker shutdown). */
export function closeMailTransport(): void {
  cached?.transporter.close();
  cached = undefined;
}
