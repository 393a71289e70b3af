// The Delphi pages in Chinese: an admin and an expert switch to 中文; the admin round page, the expert's
// answer page (the item block's own Chinese question and option labels) and the consensus report
// (numbers and dates in Chinese) show no English interface text. A study of its own keeps the demo
// study's rounds for the other tests.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoFiles } from "@/lib/demo/generate-corpus";
import { FAMILIARITY_QUESTION, IMPORTANCE_QUESTION } from "@/lib/delphi/default-item-block";
import { formatDate } from "@/lib/i18n/format";
import { launchBrowser, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("accounts");
const catalogue = JSON.parse(readFileSync("messages/zh.json", "utf8"));
const zh = catalogue.rounds;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

/** Presses the language switch and waits until the cookie holds (the page reloads in that language). */
async function switchTo(page: Page, locale: "en" | "zh") {
  await page.getByTestId(`locale-${locale}`).click();
  await page.locator(`[data-testid="locale-${locale}"][aria-pressed="true"]`).waitFor();
  await page.reload();
  await page.locator(`html[lang="${locale === "zh" ? "zh-CN" : "en-GB"}"]`).waitFor();
}

describe("the Delphi pages in Chinese", () => {
  it("shows the admin round page, the answer page and the report in Chinese", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "foresight-e2e-lang-"));
    const files = demoFiles(7).map((f) => {
      const file = path.join(dir, f.name);
      writeFileSync(file, f.content);
      return file;
    });

    // In English, as the other tests do: a study with themes, round 1, the demo expert invited.
    const admin = await newPage();
    await signIn(admin, baseUrl, accounts.ADMIN);
    await admin.goto(`${baseUrl}/studies`);
    await admin.getByLabel("Name").fill("E2E study: languages");
    await admin.getByLabel("Question").fill("Which technologies matter most by 2040?");
    await admin.getByRole("button", { name: "Create study" }).click();
    await admin.waitForURL(/\/studies\/[^/]+$/);
    for (const file of files) {
      await admin.locator('input[type="file"]').setInputFiles(file);
      await admin.getByRole("button", { name: "Upload" }).click();
      await expect.poll(() => admin.getByRole("status").filter({ hasText: "uploaded" }).count()).toBeGreaterThan(0);
    }
    await expect.poll(() => admin.getByTestId("import-row").filter({ hasText: "succeeded" }).count(), { timeout: 60_000 }).toBe(files.length);
    await admin.getByLabel("Themes (K)").fill("3");
    await admin.getByRole("button", { name: "Launch scan" }).click();
    await expect.poll(() => admin.getByTestId("theme").count(), { timeout: 120_000, interval: 1000 }).toBe(3);
    await admin.getByLabel("Minimum answers before results are shown").fill("1");
    await admin.getByRole("button", { name: /Create round 1/ }).click();
    await admin.waitForURL(/\/rounds\/[^/]+$/);
    const roundUrl = admin.url();
    await admin.getByLabel("E-mail").fill(accounts.EXPERT.email);
    await admin.getByLabel("Name", { exact: true }).fill("Demo Expert");
    await admin.getByRole("button", { name: "Invite" }).click();
    await admin.getByTestId("invitation-link").waitFor();
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.locator(".badge.OPEN").first().waitFor();

    // The admin round page in Chinese.
    await switchTo(admin, "zh");
    await admin.getByRole("heading", { name: "专家组（1 人中 0 人已回答）" }).waitFor();
    await expect(admin.locator("h1 .badge.OPEN").textContent()).resolves.toBe(catalogue.status.OPEN);
    await expect(admin.locator("p.muted", { hasText: "问题：" }).textContent()).resolves.toContain(IMPORTANCE_QUESTION.labelZh);
    await admin.getByRole("button", { name: zh.admin.close }).waitFor();
    const adminText = await admin.locator("main").innerText();
    for (const english of ["Panel (", "Consensus rules", "Invite an expert", "Close the round", "Round settings"]) expect(adminText).not.toContain(english);
    // The study's default rules (registered together, so in no set order), described in Chinese with
    // the item block's Chinese label.
    expect((await admin.getByTestId("consensus-rules").locator("li").allTextContents()).sort()).toEqual(
      [`四分位距 ≤ 1（${IMPORTANCE_QUESTION.labelZh}）`, `COMET 70/15 规则（${IMPORTANCE_QUESTION.labelZh}）`].sort(),
    );
    await screenshot(admin, "lang-01-admin-round-zh");

    // The expert answers in Chinese: the item block's own Chinese labels.
    const expert = await newPage();
    await signIn(expert, baseUrl, accounts.EXPERT);
    await switchTo(expert, "zh");
    await expert.goto(`${roundUrl}/answer`);
    const items = expert.getByTestId("item");
    const count = await items.count();
    expect(count).toBe(3);
    const first = items.first();
    await first.locator("legend", { hasText: FAMILIARITY_QUESTION.labelZh }).waitFor();
    await first.locator("legend", { hasText: IMPORTANCE_QUESTION.labelZh }).waitFor();
    expect(await first.locator("legend", { hasText: IMPORTANCE_QUESTION.label }).count()).toBe(0);
    await first.getByRole("radio", { name: FAMILIARITY_QUESTION.config.options[1].labelZh, exact: true }).check();
    await first.getByRole("radio", { name: `5 ${IMPORTANCE_QUESTION.config.labelsZh["5"]}`, exact: true }).waitFor();
    await first.getByRole("spinbutton").first().waitFor();
    await expect(first.getByText("年份", { exact: true }).first().isVisible()).resolves.toBe(true);
    // Submitting before importance is answered is refused, and the page says why in Chinese.
    const titles = (await items.locator("h2").allTextContents()).map((heading) => heading.replace(/^\d+\.\s*/, ""));
    expect(titles).toHaveLength(3);
    await expert.getByRole("button", { name: "提交回答" }).click();
    const refusal = expert.locator("form#answers [role=alert]");
    await refusal.waitFor();
    const missing = titles.map((title, i) => `第 ${i + 1} 个条目“${title}”`).join("；");
    expect(await refusal.textContent()).toBe(`提交前请为每个条目回答“${IMPORTANCE_QUESTION.labelZh}”（尚未回答：${missing}）`);
    for (let i = 0; i < count; i++) await items.nth(i).locator('input[type="radio"][name$=":importance"][value="5"]').check();
    await expert.getByRole("button", { name: "提交回答" }).click();
    await expert.getByRole("status").filter({ hasText: /已提交 \d+ 份回答/ }).waitFor();
    const expertText = await expert.locator("main").innerText();
    for (const english of ["Submit answers", "Don't know", "Your comment", "Comments", "(required)"]) expect(expertText).not.toContain(english);
    await screenshot(expert, "lang-02-expert-answer-zh");

    // The admin closes the round; the report's numbers and dates are in Chinese.
    await admin.goto(roundUrl);
    await admin.getByRole("heading", { name: "专家组（1 人中 1 人已回答）" }).waitFor();
    await admin.getByRole("button", { name: zh.admin.close }).click();
    await admin.getByRole("link", { name: zh.admin.readReport }).click();
    await admin.waitForURL(/\/report$/);
    await admin.getByRole("heading", { name: /^共识报告：/ }).waitFor();
    await admin.getByText("受邀的 1 位专家中有 1 位作答。").waitFor();
    const closedAt = (await admin.getByTestId("closed-at").textContent())!;
    expect(closedAt).toMatch(/^关闭于 \d{4}年\d{1,2}月\d{1,2}日。$/);
    const now = new Date();
    expect([formatDate("zh", now), formatDate("zh", new Date(now.getTime() - 86_400_000))].map((d) => `关闭于 ${d}。`)).toContain(closedAt);
    const rows = admin.getByTestId("report-row");
    await expect(rows.count()).resolves.toBe(3);
    expect(await rows.locator('[data-testid="agreement"]').allTextContents()).toEqual(["100%", "100%", "100%"]);
    expect(await rows.locator('[data-testid="median"]').allTextContents()).toEqual(["5", "5", "5"]);
    const outcomes = await rows.locator('[data-testid="outcome"]').allTextContents();
    for (const outcome of outcomes) expect(Object.values(zh.outcome)).toContain(outcome);
    await admin.getByRole("heading", { name: zh.report.everyQuestion }).waitFor();
    const reportText = await admin.locator("main").innerText();
    for (const english of ["Consensus report", "Summary", "Median", "Agreement", "Download as JSON", "Realisation timeline"]) expect(reportText).not.toContain(english);
    await screenshot(admin, "lang-03-report-zh");

    // Back in English, the same report reads as before.
    await switchTo(admin, "en");
    await admin.getByRole("heading", { name: /^Consensus report: / }).waitFor();
    expect(await rows.locator('[data-testid="agreement"]').allTextContents()).toEqual(["100%", "100%", "100%"]);
    await switchTo(expert, "en");
  });
});
