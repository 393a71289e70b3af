// Debian's Chromium driven by playwright-core; no browser is ever downloaded.
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import { localSecrets } from "@/lib/local-secrets";

const EXECUTABLE = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);

export async function launchBrowser(): Promise<Browser> {
  if (!EXECUTABLE) throw new Error("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)");
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync("test-results/e2e", { recursive: true });
  await page.screenshot({ path: `test-results/e2e/${name}.png`, fullPage: true });
}

export async function signIn(page: Page, baseUrl: string, account: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** The database the platform under test runs on (tests/e2e/start-platform.ts chooses it). */
export function platformDatabaseUrl(): string {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/foresight_e2e";
    return url.toString();
  }
  const { postgresPassword } = localSecrets(".data/e2e");
  return `postgresql://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${process.env.FORESIGHT_EMBEDDED_PG_PORT ?? 54349}/foresight`;
}

/** Invites an expert from the admin's round page and returns the invitation link on `baseUrl`. */
export async function inviteExpert(admin: Page, baseUrl: string, email: string, name: string): Promise<string> {
  await admin.getByLabel("E-mail").fill(email);
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByRole("button", { name: "Invite" }).click();
  await expect.poll(() => admin.getByTestId("invitation-link").textContent()).toMatch(/\/invite\//);
  const link = (await admin.getByTestId("invitation-link").textContent())!.trim();
  await admin.reload();
  return link.replace(/^https?:\/\/[^/]+/, baseUrl);
}
