// The study back-test in a real browser, as the planner on the seeded demo study: the link on the study
// page opens the back-test page, the form starts a small run, the page follows it until the platform's
// worker has finished, and the figures it shows are the ones stored on the run's row.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { formatNumber } from "@/lib/i18n/format";
import type { StudyBacktestReport } from "@/lib/backtest/study-documents";
import { launchBrowser, platformDatabaseUrl, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("accounts");
let browser: Browser;
let page: Page;
let db: typeof import("@/lib/db").db;

beforeAll(async () => {
  process.env.DATABASE_URL = platformDatabaseUrl();
  resetEnv();
  ({ db } = await import("@/lib/db"));
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await signIn(page, baseUrl, accounts.PLANNER);
});
afterAll(async () => {
  await browser?.close();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
});

describe("the study back-test", () => {
  it("starts from the study page, runs in the worker and shows the stored Spearman's ρ and precision", async () => {
    await page.goto(`${baseUrl}/studies`);
    await page.getByRole("link", { name: /^Demo:/ }).first().click();
    await page.waitForURL(/\/studies\/[^/]+$/);
    const studyId = new URL(page.url()).pathname.split("/")[2];
    await page.getByTestId("backtest-link").click();
    await page.waitForURL(/\/backtest$/);
    await page.getByRole("heading", { level: 1, name: /^Back-test: Demo/ }).waitFor();

    // The demo corpus runs 2012–2025; the default cut-off leaves a quarter of it to measure growth on.
    await expect.poll(() => page.getByLabel("Cut-off year").inputValue()).toMatch(/^20(1\d|2[0-3])$/);
    await page.getByLabel("Themes (K)").fill("4");
    await page.getByLabel("Iterations").fill("30");
    await page.getByLabel("Seed").fill("7");
    await page.getByRole("button", { name: "Start back-test" }).click();

    const row = page.getByTestId("backtest-run").first();
    await expect.poll(() => row.getAttribute("data-status"), { timeout: 180_000, interval: 500 }).toBe("SUCCEEDED");
    const runId = (await row.getAttribute("data-run"))!;
    await screenshot(page, "backtest");

    const run = await db().backtestRun.findUniqueOrThrow({ where: { id: runId }, include: { createdBy: { select: { email: true } } } });
    expect([run.studyId, run.k, run.iterations, run.seed, run.createdBy?.email]).toEqual([studyId, 4, 30, 7, accounts.PLANNER.email]);
    const report = run.report as StudyBacktestReport;
    const result = page.getByTestId("backtest-result");
    await expect.poll(() => result.getByTestId("backtest-rho").textContent()).toBe(formatNumber("en", report.spearman.rho, 3));
    expect(await result.getByTestId("backtest-precision").textContent()).toBe(formatNumber("en", report.precisionAtTop, 3));
    // Every theme, in the order of its emerging score, beside its realised rank.
    const themes = result.getByTestId("backtest-theme");
    expect(await themes.count()).toBe(4);
    expect(await themes.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-topic"))))).toEqual(report.topics.map((t) => t.topic));

    // In Chinese the page speaks the reader's language, with the same stored figures.
    await page.getByTestId("locale-zh").click();
    await page.getByRole("heading", { level: 1, name: /^回测：Demo/ }).waitFor();
    expect(await page.getByTestId("backtest-rho").textContent()).toBe(formatNumber("zh", report.spearman.rho, 3));
    await screenshot(page, "backtest-zh");
  });
});
