// Consensus and template reports in a real browser. A study with three closed Delphi rounds is built
// through the domain functions on the platform's database; a planner reads its consensus report,
// whose numbers and charts (data-echarts-series) are compared with item_statistic, switches to
// Chinese, prints it (print media hides the navigation; page.pdf() writes an A4 PDF) and downloads
// it; an admin defines a monitoring template and makes an issue, which the platform's worker
// generates and announces to the study's watchers.
import { mkdirSync, readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { launchBrowser, platformDatabaseUrl, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("accounts");
let browser: Browser;
let context: BrowserContext;
let page: Page;
let seeded: Awaited<ReturnType<typeof import("../unit/reports/seed-delphi-study").seedDelphiStudy>>;
let db: typeof import("@/lib/db").db;

type Series = { type: string; name: string | null; data: unknown[] };
type Stat = { itemId: string; n: number; median: number | null; q1: number | null; q3: number | null; iqr: number | null; agreement: number | null; importanceIndex: number | null; distribution: unknown; mean: number | null; consensus: unknown };

beforeAll(async () => {
  process.env.DATABASE_URL = platformDatabaseUrl();
  resetEnv();
  ({ db } = await import("@/lib/db"));
  const { seedDelphiStudy } = await import("../unit/reports/seed-delphi-study");
  seeded = await seedDelphiStudy({ name: `Report study ${Date.now()}` });
  // The demo planner watches the study, so template-report issues reach them.
  const planner = await db().user.findUniqueOrThrow({ where: { email: accounts.PLANNER.email } });
  await db().studyWatcher.create({ data: { studyId: seeded.studyId, userId: planner.id } });
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true, locale: "en-GB", viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await signIn(page, baseUrl, accounts.PLANNER);
});
afterAll(async () => {
  await browser?.close();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
});

async function series(chart: string): Promise<Series[]> {
  const canvas = page.getByTestId(`chart-report-${chart}`);
  await expect.poll(() => canvas.getAttribute("data-rendered"), { timeout: 30_000 }).toBe("true");
  expect(await canvas.locator("canvas").count()).toBeGreaterThan(0);
  return JSON.parse((await canvas.getAttribute("data-echarts-series"))!) as Series[];
}

/** The overall statistics of each item, for one question key, as closeRound stored them. */
async function stored(key: string): Promise<Map<string, Stat>> {
  const rows = await db().itemStatistic.findMany({ where: { subgroup: "all", round: { studyId: seeded.studyId }, question: { key } } });
  return new Map(rows.map((r) => [r.itemId, r as Stat]));
}

const num = (v: string | null) => (v === null ? null : Number(v));

describe("the consensus report", () => {
  it("shows each technology's stored statistics, outcome and key-technology ranking", async () => {
    await page.goto(`${baseUrl}/studies/${seeded.studyId}`);
    await page.getByTestId("report-link").click();
    await page.waitForURL(/\/report$/);
    await page.getByRole("heading", { level: 1, name: /^Consensus report: Report study/ }).waitFor();

    const importance = await stored("importance");
    const rows = page.getByTestId("technology-row");
    await expect(rows.count()).resolves.toBe(5);
    for (const row of await rows.all()) {
      const itemId = (await row.getAttribute("data-item"))!;
      const s = importance.get(itemId)!;
      const cell = (id: string) => row.getByTestId(id).getAttribute("data-value").then(num);
      await expect(cell("n")).resolves.toBe(s.n);
      await expect(cell("median")).resolves.toBe(s.median);
      await expect(cell("iqr")).resolves.toBe(s.iqr);
      await expect(cell("agreement")).resolves.toBe(s.agreement);
      await expect(cell("importance-index")).resolves.toBe(s.importanceIndex);
      const item = await db().item.findUniqueOrThrow({ where: { id: itemId } });
      await expect(row.getByTestId("outcome").getAttribute("data-outcome")).resolves.toBe(item.outcome);
    }
    // The round-1 figures of the item answered by two experts (minimum 3) are withheld in its history.
    await expect(page.locator('[data-testid="technology-row"]', { hasText: "Neuromorphic chips" }).locator(".history").textContent()).resolves.toMatch(/^R1: withheld \(n = 2\)/);

    // Key technologies: the ranking round's selections and Kendall's W as stored.
    const ranking = await stored("ranking");
    const w = (ranking.values().next().value!.consensus as { kendallW: { w: number } }).kendallW.w;
    await expect(page.getByTestId("kendall-w").getAttribute("data-value").then(Number)).resolves.toBeCloseTo(w, 12);
    const selected = await page.getByTestId("key-technology").getByTestId("selected").evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-value"))));
    expect(selected).toEqual([...ranking.values()].map((r) => r.n).sort((a, b) => b - a));

    // The dissent, with the panel's words escaped and its authors under pseudonyms; no expert named anywhere.
    const minority = page.getByTestId("minority-view");
    await expect(minority.count()).resolves.toBe(1);
    await expect(minority.textContent()).resolves.toContain("The <b>dissent</b> is about money & timing.");
    const html = await page.content();
    for (const e of seeded.experts) for (const secret of [e.email, e.name]) expect(html).not.toContain(secret);
    await screenshot(page, "reports-01-consensus-en");
  });

  it("draws the Delphi charts with the stored figures", async () => {
    await page.goto(`${baseUrl}/studies/${seeded.studyId}/report`);
    const importance = await stored("importance");
    const realisation = await stored("realisation_year");
    const lastItem = new Map(await page.getByTestId("technology-row").evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-key")!, r.getAttribute("data-item")!] as const)));

    // Box plots: min and max from the stored distribution, quartiles and median as stored.
    const [boxes] = await series("boxes");
    expect(boxes.type).toBe("boxplot");
    expect(boxes.data).toHaveLength(5);
    for (const d of boxes.data as { key: string; value: number[] }[]) {
      const s = importance.get(lastItem.get(d.key)!)!;
      const answered = Object.entries(s.distribution as Record<string, number>).filter(([, c]) => c > 0).map(([v]) => Number(v));
      expect(d.value).toEqual([Math.min(...answered), s.q1, s.median, s.q3, Math.max(...answered)]);
    }

    // Realisation timeline: Q1, median and Q3 of the years; the all-"never" technology has none.
    const [years] = await series("timeline");
    const timeline = years.data as { key: string; value: number[] | "-" }[];
    expect(timeline).toHaveLength(4);
    for (const d of timeline) {
      const s = realisation.get(lastItem.get(d.key)!)!;
      expect(d.value).toEqual([s.q1, s.q1, s.median, s.q3, s.q3]);
    }

    // Radar: each technology at its median realisation year, sized by its importance index.
    const radar = await series("radar");
    const points = radar.flatMap((s) => s.data as [number, string, number, string, string][]);
    expect(points).toHaveLength(4);
    for (const [year, , index, , key] of points) {
      expect(year).toBe(realisation.get(lastItem.get(key)!)!.median);
      expect(index).toBe(importance.get(lastItem.get(key)!)!.importanceIndex);
    }

    // Consensus across rounds: items per outcome in rounds 1 and 2, as the items' outcomes say.
    const consensus = await series("consensus");
    for (const [i, round] of seeded.rounds.slice(0, 2).entries()) {
      const items = await db().item.groupBy({ by: ["outcome"], where: { roundId: round.id }, _count: { _all: true } });
      const drawn = Object.fromEntries(consensus.map((s) => [s.name, (s.data as number[])[i]]).filter(([, n]) => (n as number) > 0));
      const labels: Record<string, string> = { ACCEPTED: "accepted", REJECTED: "rejected", DISSENT: "dissent", CARRIED_OVER: "carried over" };
      expect(drawn).toEqual(Object.fromEntries(items.map((g) => [labels[g.outcome], g._count._all])));
    }

    // Stability: the percentage change stored with each carried item's round-2 statistics.
    const [stability] = await series("stability");
    for (const d of stability.data as { key: string; value: number }[]) {
      const s = importance.get(lastItem.get(d.key)!)!;
      expect(d.value).toBe((s.consensus as { stability: { percentChange: number } }).stability.percentChange);
    }
    expect(stability.data).toHaveLength(2);
    await screenshot(page, "reports-02-charts");
  });

  it("switches to Chinese, with the charts redrawn in Chinese and the same figures", async () => {
    await page.goto(`${baseUrl}/studies/${seeded.studyId}/report`);
    const [englishBoxes] = await series("boxes");
    await page.getByTestId("locale-zh").click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await page.getByRole("heading", { level: 1, name: /^共识报告：/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: "分领域结果" }).waitFor();
    await expect(page.locator('[data-testid="technology-row"]', { hasText: "固态电池" }).count()).resolves.toBe(1);
    const consensus = await series("consensus");
    expect(consensus.map((s) => s.name)).toEqual(["达成共识（接受）", "达成共识（否定）", "存在分歧", "进入下一轮"]);
    const [boxes] = await series("boxes");
    expect((boxes.data as { value: number[] }[]).map((d) => d.value)).toEqual((englishBoxes.data as { value: number[] }[]).map((d) => d.value));
    await screenshot(page, "reports-03-consensus-zh");
    await page.getByTestId("locale-en").click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en-GB");
  });

  it("prints without navigation to an A4 PDF, and downloads as a self-contained file", async () => {
    await page.goto(`${baseUrl}/studies/${seeded.studyId}/report`);
    await series("boxes");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("header.top").isVisible()).resolves.toBe(false);
    await expect(page.locator(".report-toolbar").isVisible()).resolves.toBe(false);
    await expect(page.locator("nav.toc").isVisible()).resolves.toBe(false);
    await expect(page.getByRole("heading", { level: 2, name: "Key technologies" }).isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-section="method"]').evaluate((s) => getComputedStyle(s).breakBefore)).resolves.toBe("page");
    // Each chart prints with its data table.
    await expect(page.locator('[data-chart="report-boxes"] details.chart-data table').isVisible()).resolves.toBe(true);
    await screenshot(page, "reports-04-print");
    mkdirSync("test-results/e2e", { recursive: true });
    const pdf = await page.pdf({ path: "test-results/e2e/consensus-report.pdf", format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.emulateMedia({ media: "screen" });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-report").click()]);
    expect(download.suggestedFilename()).toMatch(/^consensus-report-report-study-\d+-study-\d{4}-\d\d-\d\d-en\.html$/);
    const file = readFileSync((await download.path())!, "utf8");
    expect(file).toMatch(/^<!doctype html>/);
    expect(file).not.toMatch(/<script|<link /);
    expect(file.match(/<svg /g)?.length).toBe(5);
    // The file's rows carry the same stored medians as the page.
    const importance = await stored("importance");
    const items = [...file.matchAll(/data-testid="technology-row" data-key="[^"]*" data-item="([^"]*)"/g)].map((m) => m[1]);
    expect(items).toHaveLength(5);
    const medians = [...file.matchAll(/data-testid="median" data-value="([^"]*)"/g)].map((m) => Number(m[1]));
    expect(medians).toEqual(items.map((id) => importance.get(id)!.median));
  });
});

describe("the pages translated into Chinese", () => {
  it("shows the expert pool, outbox, curation, versions, evidence and invitation pages in Chinese", async () => {
    const zh = await browser.newContext({ locale: "en-GB" });
    const admin = await zh.newPage();
    admin.setDefaultTimeout(60_000);
    await signIn(admin, baseUrl, accounts.ADMIN);
    await zh.addCookies([{ name: "foresight_locale", value: "zh", url: baseUrl }]);
    const theme = await db().theme.findFirstOrThrow({ where: { themeSet: { studyId: seeded.studyId }, label: "Solid-state batteries" } });
    const pages: [string, RegExp, string][] = [
      ["/experts", /^专家库$/, "添加专家"],
      [`/experts/study/${seeded.studyId}`, /的专家$/, "回复情况"],
      ["/outbox", /^发件箱$/, "邀请链接只能使用一次"],
      [`/studies/${seeded.studyId}/themes`, /^主题修订/, "多数通过规则"],
      [`/studies/${seeded.studyId}/themes/versions`, /^主题集版本$/, "各轮机器一致率"],
      [`/studies/${seeded.studyId}/themes/${theme.id}`, /^固态电池$/, "来源说明"],
      [`/studies/${seeded.studyId}/reports`, /^模板报告：/, "各期报告"],
      ["/invite/not-a-real-token", /^此链接已失效$/, "重新发送邀请"],
    ];
    for (const [path, heading, text] of pages) {
      await admin.goto(`${baseUrl}${path}`);
      await expect(admin.locator("h1").textContent(), path).resolves.toMatch(heading);
      await admin.getByText(text).first().waitFor();
      await expect(admin.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
      if (path.endsWith("/themes")) await screenshot(admin, "reports-06-curation-zh");
    }
    await zh.close();
  });
});

describe("template reports", () => {
  it("an admin defines a monitoring report, an issue is made by the worker and announced to the watchers", async () => {
    const admin = await (await browser.newContext({ locale: "en-GB" })).newPage();
    admin.setDefaultTimeout(60_000);
    await signIn(admin, baseUrl, accounts.ADMIN);
    await admin.goto(`${baseUrl}/studies/${seeded.studyId}/reports`);
    await admin.getByTestId("subscribers").getByText("1 person watches this study").waitFor();
    const form = admin.locator("details", { hasText: "New template" });
    await form.getByLabel("Name").fill("Monthly watch");
    await form.getByLabel("Schedule (cron)").fill("0 6 1 * *");
    await form.getByRole("button", { name: "Create the template" }).click();
    const template = admin.getByTestId("report-template").filter({ hasText: "Monthly watch" });
    await template.waitFor();
    await expect(template.locator("code").textContent()).resolves.toBe("0 6 1 * *");
    await template.getByRole("button", { name: "Make an issue now" }).click();
    await admin.getByTestId("report-issue").first().waitFor();
    await expect
      .poll(async () => (await admin.reload(), await admin.getByTestId("report-issue").first().getAttribute("data-status")), { timeout: 60_000, interval: 1000 })
      .toBe("SUCCEEDED");
    await admin.getByTestId("report-issue").first().getByRole("link", { name: "Read" }).click();
    await admin.waitForURL(/\/reports\/[^/]+$/);
    const documents = await db().document.count({ where: { studyId: seeded.studyId, createdAt: { gt: new Date(Date.now() - 31 * 24 * 3600 * 1000) } } });
    await expect(admin.getByTestId("issue-new-documents").getAttribute("data-value").then(Number)).resolves.toBe(documents);
    await expect(admin.getByTestId("issue-theme").count()).resolves.toBe(5);
    await screenshot(admin, "reports-05-monitoring-issue");

    const reportId = admin.url().split("/").pop()!;
    const emails = await db().outboundEmail.findMany({ where: { kind: "report", body: { contains: reportId } } });
    expect(emails.map((e) => e.to)).toEqual([accounts.PLANNER.email]);
    // The planner reads the same issue from the link.
    await page.goto(`${baseUrl}${new URL(emails[0].body.match(/https?:\/\/\S+/)![0]).pathname}`);
    await page.getByTestId("report-issue-page").waitFor();
    await expect(page.getByTestId("issue-new-documents").getAttribute("data-value").then(Number)).resolves.toBe(documents);
    await admin.context().close();
  });
});
