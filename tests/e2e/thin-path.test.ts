// The thin path in a real browser, as the three roles: the admin builds a study from uploaded files,
// scans it and runs round 1; an invited expert answers; the planner reads the report.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoFiles } from "@/lib/demo/generate-corpus";
import { launchBrowser, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("accounts");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

describe("the thin path in the browser", () => {
  it("goes from uploaded files to a planner's consensus report", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "foresight-e2e-"));
    const files = demoFiles(99).map((f) => {
      const file = path.join(dir, f.name);
      writeFileSync(file, f.content);
      return file;
    });

    // Admin: a new study, two uploads, a scan.
    const admin = await newPage();
    await signIn(admin, baseUrl, accounts.ADMIN);
    await admin.goto(`${baseUrl}/studies`);
    await admin.getByLabel("Name").fill("E2E study: energy and computing");
    await admin.getByLabel("Question").fill("Which technologies matter most by 2040?");
    await admin.getByRole("button", { name: "Create study" }).click();
    await admin.waitForURL(/\/studies\/[^/]+$/);
    const studyUrl = admin.url();

    for (const file of files) {
      await admin.locator('input[type="file"]').setInputFiles(file);
      await admin.getByRole("button", { name: "Upload" }).click();
      await expect.poll(() => admin.getByRole("status").filter({ hasText: "uploaded" }).count()).toBeGreaterThan(0);
    }
    await expect.poll(async () => (await admin.getByTestId("import-row").filter({ hasText: "succeeded" }).count()), { timeout: 60_000 }).toBe(2);
    await screenshot(admin, "01-admin-imports");

    await admin.getByLabel("Themes (K)").fill("10");
    await admin.getByRole("button", { name: "Launch scan" }).click();
    // Progress shows while the worker trains, then the themes appear.
    await expect.poll(() => admin.getByTestId("scan-row").first().textContent(), { timeout: 10_000 }).toMatch(/queued|running|succeeded/);
    await expect.poll(() => admin.getByTestId("theme").count(), { timeout: 120_000, interval: 1000 }).toBe(10);
    await expect(admin.getByTestId("theme").first().locator(".terms span").count()).resolves.toBeGreaterThanOrEqual(5);
    await screenshot(admin, "02-admin-themes");

    // Round 1 from the themes; invite a new expert and open the round.
    await admin.getByLabel("Minimum answers before results are shown").fill("1");
    await admin.getByRole("button", { name: /Create round 1/ }).click();
    await admin.waitForURL(/\/rounds\/[^/]+$/);
    const roundUrl = admin.url();
    await admin.getByLabel("E-mail").fill("new.expert@example.test");
    await admin.getByLabel("Name").fill("New Expert");
    await admin.getByRole("button", { name: "Invite" }).click();
    const link = (await admin.getByTestId("invitation-link").textContent())!.trim();
    expect(link).toMatch(/\/invite\/[\w-]{40,}$/);
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.locator(".badge.OPEN").first().waitFor();

    // Expert: the invitation link sets a password and signs in; answer every item and comment.
    const expert = await newPage();
    await expert.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
    await expert.getByLabel("Password (at least 8 characters)").fill("expert password 123");
    await expert.getByLabel("Password again").fill("expert password 123");
    await expert.getByRole("button", { name: "Set password and continue" }).click();
    await expert.waitForURL(/\/rounds$/);
    await expert.getByRole("link", { name: "Answer" }).click();
    await expert.waitForURL(/\/answer$/);
    const items = expert.getByTestId("item");
    const count = await items.count();
    expect(count).toBe(10);
    const given: number[] = [];
    for (let i = 0; i < count; i++) {
      const value = (i % 5) + 1;
      given.push(value);
      await items.nth(i).locator(`input[type="radio"][value="${value}"]`).check();
    }
    await items.first().getByLabel("Your comment").fill("The growth of this theme is convincing.");
    await items.first().getByRole("button", { name: "Add comment" }).click();
    await items.first().getByText("The growth of this theme is convincing.").waitFor();
    await items.first().getByText("You", { exact: true }).waitFor();
    await expert.getByRole("button", { name: "Submit answers" }).click();
    await expert.getByText(/Submitted 10 answers/).waitFor();
    await screenshot(expert, "03-expert-answers");

    // Admin closes the round.
    await admin.goto(roundUrl);
    await admin.getByText("1 of 1 answered").waitFor();
    await admin.getByRole("button", { name: /Close the round/ }).click();
    await admin.getByRole("link", { name: "Read the consensus report" }).waitFor();

    // Planner: finds the study and reads the report.
    const planner = await newPage();
    await signIn(planner, baseUrl, accounts.PLANNER);
    await planner.goto(studyUrl);
    await planner.getByRole("link", { name: "Report", exact: true }).click();
    await planner.waitForURL(/\/report$/);
    const rows = planner.getByTestId("report-row");
    await expect(rows.count()).resolves.toBe(10);
    const medians = await rows.locator('[data-testid="median"]').allTextContents();
    expect(medians.map(Number).sort()).toEqual([...given].sort());
    const agreements = await rows.locator('[data-testid="agreement"]').allTextContents();
    expect(agreements.filter((a) => a === "100%")).toHaveLength(given.filter((v) => v >= 4).length);
    // NISTEP importance index of a single answer: 5–4 → 100, 3 → 50, 2–1 → 0.
    const indexOf = (v: number) => (v >= 4 ? "100" : v === 3 ? "50" : "0");
    const indices = await rows.locator('[data-testid="importance-index"]').allTextContents();
    expect(indices.sort()).toEqual(given.map(indexOf).sort());
    await planner.getByText("1 of 1 invited experts answered").waitFor();
    await screenshot(planner, "04-planner-report");

    // The planner cannot manage rounds; the expert cannot read study pages.
    await planner.goto(roundUrl);
    expect(new URL(planner.url()).pathname).not.toMatch(/\/rounds\//);
    await expert.goto(studyUrl);
    expect(new URL(expert.url()).pathname).not.toMatch(/\/studies\//);
  });

  it("sends the security headers, and the pages work under the content security policy", async () => {
    const page = await newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${baseUrl}/login`);
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(headers["content-security-policy"]).not.toMatch(/unsafe-eval/);
    expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "same-origin" });
    await signIn(page, baseUrl, accounts.ADMIN);
    await page.goto(`${baseUrl}/studies`);
    expect(violations).toEqual([]);
  });
});
