// A complete study in a real browser, start to finish: on a study with six machine themes the admin
// runs round 1 with three experts (one on a phone); between the rounds the experts propose a relabel
// and a merge and vote on each other's proposals, and the admin accepts both (theme-set versions 2
// and 3); round 2 asks the carried-over items and the curated themes with the group's round-1 answers
// beside them; the ranking round follows; a planner reads the study report and the round reports.
// The medians, quartiles and IQRs the reports show are checked against `foresight delphi stats` run
// on the admin's answer export, and that against a type-7 quantile written here.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { summariseRankings } from "@/lib/delphi/ranking-statistics";
import { launchBrowser, platformDatabaseUrl, inviteExpert, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("accounts");
let browser: Browser;
const contexts: BrowserContext[] = [];
const STUDY = `Complete study ${randomUUID().slice(0, 6)}`;
const THEMES = ["Green ammonia shipping", "Perovskite tandem cells", "Cold fusion reactors", "Grid-scale flow batteries", "Carbon mineralisation", "Space-based solar power"];
/** Round-1 importance by theme (i % 3: accepted, carried over, rejected) and expert. */
const round1 = (theme: number, expert: number) => [[4, 5, 5], [1, 3, 5], [1, 2, 1]][theme % 3][expert];

/** A study whose theme set (version 1) holds THEMES, each with three documents of its own. */
async function seedStudy(): Promise<void> {
  const { db } = await import("@/lib/db");
  const { createStudy } = await import("@/lib/studies/create-study");
  const study = await createStudy({ name: STUDY, question: "Which energy technologies matter by 2040?", horizonYear: 2040 }, null);
  const set = await db().themeSet.create({ data: { studyId: study.id, version: 1, origin: "MACHINE" } });
  for (const [index, label] of THEMES.entries()) {
    const theme = await db().theme.create({
      data: { themeSetId: set.id, index, label, documentCount: 3, weight: 1 - index / 10, topTerms: label.toLowerCase().split(" ").map((term, i) => ({ term, weight: 0.2 - i / 100 })), evidence: { modelVersion: "seed" } },
    });
    for (let d = 0; d < 3; d++) {
      const doc = await db().document.create({ data: { studyId: study.id, kind: "PAPER", title: `${label}: study ${d + 1}`, abstract: `${label.toLowerCase()} roadmap`, year: 2020 + d, dedupKey: `title:${set.id}:${index}:${d}`, contentHash: randomUUID() } });
      await db().documentTheme.create({ data: { themeId: theme.id, documentId: doc.id, weight: 0.9 } });
    }
  }
}

beforeAll(async () => {
  process.env.DATABASE_URL = platformDatabaseUrl();
  resetEnv();
  await seedStudy();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
});

async function newPage(options: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { locale: "en-GB" });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

const item = (page: Page, title: string) => page.getByTestId("item").filter({ hasText: title });

/** Submits; where the page asks for a rationale (an answer outside last round's IQR), gives one for every item and submits again. */
async function submit(page: Page) {
  await page.getByRole("button", { name: "Submit answers" }).click();
  const done = page.getByRole("status").filter({ hasText: /Submitted \d+ answers/ });
  const rationale = page.getByRole("alert").filter({ hasText: /Give a rationale/ });
  await done.or(rationale).first().waitFor();
  if (await rationale.isVisible()) {
    const boxes = page.getByRole("textbox", { name: "Rationale for your answers" });
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).fill("New pilot results since the last round.");
    await page.getByRole("button", { name: "Submit answers" }).click();
    await done.waitFor();
  }
}

async function closeRound(admin: Page, url: string) {
  await admin.goto(url);
  await admin.getByRole("button", { name: /Close the round/ }).click();
  await admin.getByRole("link", { name: "Read the consensus report" }).waitFor();
}

type Answer = { expert: string; item: string; value: number };
type CliItem = { item: string; n: number; median: number; q1: number; q3: number; iqr: number };

/** The admin's CSV export of a round's answers, as importance answers by item title. */
async function exportedImportance(admin: Page, studyId: string, roundUrl: string): Promise<Answer[]> {
  const roundId = new URL(roundUrl).pathname.split("/").pop();
  const response = await admin.request.get(`${baseUrl}/api/studies/${studyId}/exports/answers?round=${roundId}&format=csv`);
  expect(response.ok()).toBe(true);
  const rows = parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
  return rows.filter((r) => r.question === "importance" && r.dont_know !== "true" && r.value !== "").map((r) => ({ expert: r.expert, item: r.item_title, value: Number(r.value) }));
}

/** `foresight delphi stats` on the contract JSON of the given rounds. */
function cliStats(rounds: { round: number; answers: Answer[] }[]): Map<number, CliItem[]> {
  mkdirSync("test-results/e2e", { recursive: true });
  const file = "test-results/e2e/complete-study-stats-input.json";
  // Pseudonyms are per round, so the expert ids are made per round too (no false pairs across rounds).
  const input = { scale: { min: 1, max: 5 }, agreeBand: [4, 5], disagreeBand: [1, 2], rounds: rounds.map((r) => ({ round: r.round, answers: r.answers.map((a) => ({ ...a, expert: `r${r.round}:${a.expert}` })) })) };
  writeFileSync(file, JSON.stringify(input, null, 2));
  const run = spawnSync(process.execPath, ["bin/foresight.mjs", "delphi", "stats", "--input", file], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  const output = JSON.parse(run.stdout) as { rounds: { round: number; items: CliItem[] }[] };
  return new Map(output.rounds.map((r) => [r.round, r.items]));
}

/** Hyndman–Fan type 7 (R's default), written out here independently of lib/delphi. */
function quantile7(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

/** Every report row's n, median, quartiles and IQR equal the CLI's (and the CLI's equal type 7 on the raw answers). */
async function expectReportMatches(planner: Page, roundUrl: string, cli: CliItem[], answers: Answer[]) {
  await planner.goto(`${roundUrl}/report`);
  const rows = planner.getByTestId("report-row");
  await rows.first().waitFor();
  expect(await rows.count()).toBe(cli.length);
  for (const expected of cli) {
    const values = answers.filter((a) => a.item === expected.item).map((a) => a.value);
    expect(values).toHaveLength(expected.n);
    expect(expected.median).toBeCloseTo(quantile7(values, 0.5), 9);
    expect(expected.q1).toBeCloseTo(quantile7(values, 0.25), 9);
    expect(expected.q3).toBeCloseTo(quantile7(values, 0.75), 9);
    const row = rows.filter({ hasText: expected.item });
    const cells = await row.locator("td").allTextContents();
    expect(Number(cells[1])).toBe(expected.n);
    expect(Number(await row.getByTestId("median").textContent())).toBeCloseTo(expected.median, 2);
    expect(Number(await row.getByTestId("iqr").textContent())).toBeCloseTo(expected.iqr, 2);
    expect(cells[3].split(/[–-]/).map(Number)).toEqual([expected.q1, expected.q3].map((x) => Number(x.toFixed(2))));
  }
}

describe("A complete study in the browser", () => {
  it("runs two rounds with curation between them and a ranking round, and the reports agree with the stats CLI", async () => {
    // Admin: round 1 from the study's themes, three experts invited.
    const admin = await newPage();
    await signIn(admin, baseUrl, accounts.ADMIN);
    await admin.goto(`${baseUrl}/studies`);
    await admin.getByRole("link", { name: STUDY }).click();
    await admin.waitForURL(/\/studies\/[^/]+$/);
    const studyId = new URL(admin.url()).pathname.split("/").pop() as string;
    await admin.getByLabel("Minimum answers before results are shown").fill("2");
    await admin.getByRole("button", { name: /Create round 1/ }).click();
    await admin.waitForURL(/\/rounds\/[^/]+$/);
    const round1Url = admin.url();
    await expect(admin.getByTestId("admin-item").count()).resolves.toBe(THEMES.length);

    const invite = (email: string, name: string) => inviteExpert(admin, baseUrl, email, name);
    await invite(accounts.EXPERT.email, "Demo Expert");
    const linkB = await invite("cs.phone.expert@example.test", "Pia Phone");
    const linkC = await invite("cs.third.expert@example.test", "Tom Third");
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.locator(".badge.OPEN").first().waitFor();
    await screenshot(admin, "complete-01-admin-round-1");

    // The experts: A signs in, B (phone) and C set their passwords from the invitation links.
    const a = await newPage();
    await signIn(a, baseUrl, accounts.EXPERT);
    const b = await newPage({ phone: true });
    const c = await newPage();
    for (const [page, link, password] of [[b, linkB, "phone expert password"], [c, linkC, "third expert password"]] as const) {
      await page.goto(link);
      await page.getByLabel("Password (at least 8 characters)").fill(password);
      await page.getByLabel("Password again").fill(password);
      await page.getByRole("button", { name: "Set password and continue" }).click();
      await page.waitForURL(/\/rounds$/);
    }
    const experts = [a, b, c];
    for (const [e, page] of experts.entries()) {
      await page.goto(`${round1Url}/answer`);
      for (const [t, title] of THEMES.entries()) await item(page, title).locator(`input[type="radio"][name$=":importance"][value="${round1(t, e)}"]`).check();
      await submit(page);
    }
    expect(await b.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await screenshot(b, "complete-02-phone-round-1");

    await closeRound(admin, round1Url);
    const outcomes = await admin.getByTestId("outcome").allTextContents();
    expect([outcomes.filter((o) => o === "accepted").length, outcomes.filter((o) => o === "carried over").length, outcomes.filter((o) => o === "rejected").length]).toEqual([2, 2, 2]);

    // Between the rounds: A proposes a relabel, B (phone) a merge; each is supported by the other two.
    const themesUrl = `${baseUrl}/studies/${studyId}/themes`;
    await a.goto(themesUrl);
    const card = a.getByTestId("curation-theme").filter({ hasText: THEMES[1] });
    await card.locator("summary").first().click();
    const relabel = card.locator("form").filter({ has: a.getByRole("button", { name: "Propose the new label" }) });
    await relabel.getByLabel("New label").fill("Perovskite–silicon tandem cells");
    await relabel.getByLabel("Reason").fill("The literature is about tandems with silicon, not perovskites alone.");
    await relabel.getByRole("button", { name: "Propose the new label" }).click();
    await relabel.getByText("Proposed.").waitFor();

    await b.goto(themesUrl);
    const merge = b.locator("form").filter({ has: b.getByRole("button", { name: "Propose the merge" }) });
    await merge.getByRole("checkbox", { name: THEMES[2] }).check();
    await merge.getByRole("checkbox", { name: THEMES[5] }).check();
    await merge.getByLabel("Label of the merged theme (optional)").fill("Speculative power generation");
    await merge.getByLabel("Reason").fill("Both are long shots with the same evidence base.");
    // The phone expert works this page from the keyboard (it must be usable without a pointer); the
    // proposals table scrolls sideways inside its box on a narrow screen.
    await merge.getByRole("button", { name: "Propose the merge" }).press("Enter");
    await merge.getByText("Proposed.").waitFor();
    await screenshot(b, "complete-03-phone-curation");

    const vote = async (page: Page, proposal: RegExp) => {
      await page.goto(themesUrl);
      const row = page.getByTestId("proposal-row").filter({ hasText: proposal });
      await row.getByRole("button", { name: "Support" }).press("Enter"); // see the merge proposal above
      await row.getByText("you support").waitFor();
    };
    for (const page of [b, c]) await vote(page, /Relabel/);
    for (const page of [a, c]) await vote(page, /Merge/);

    await admin.goto(themesUrl);
    for (const [proposal, version] of [[/Relabel/, 2], [/Merge/, 3]] as const) {
      const row = admin.getByTestId("proposal-row").filter({ hasText: proposal });
      await expect(row.locator("td").nth(2).textContent()).resolves.toMatch(/^2 \/ 0/);
      await row.getByRole("button", { name: "Accept" }).click();
      await admin.getByTestId("proposal-row").filter({ hasText: proposal }).getByText(`accepted → version ${version}`).waitFor();
    }
    await screenshot(admin, "complete-04-admin-curation");

    // Round 2: the carried-over items and the curated themes, with the panel's round-1 answers.
    await admin.goto(round1Url);
    await admin.getByRole("button", { name: /Create round 2/ }).click();
    await admin.waitForURL((url) => url.href !== round1Url && /\/rounds\/[^/]+$/.test(url.pathname));
    const round2Url = admin.url();
    const round2Items = await admin.getByTestId("admin-item").allTextContents();
    expect(round2Items.some((t) => t.includes(THEMES[4]))).toBe(true);
    expect(round2Items.some((t) => t.includes("Perovskite–silicon tandem cells"))).toBe(true);
    expect(round2Items.some((t) => t.includes("Speculative power generation"))).toBe(true);
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.locator(".badge.OPEN").first().waitFor();

    await a.goto(`${round2Url}/answer`);
    const carried = item(a, THEMES[4]).locator('[data-testid="feedback-row"][data-question="importance"]');
    await expect(carried.getByTestId("feedback-median").textContent()).resolves.toBe("3");
    await expect(carried.getByTestId("own-answer").textContent()).resolves.toBe("1 (Very low)");
    const round2 = (e: number) => [4, 4, 5][e];
    for (const [e, page] of experts.entries()) {
      if (e > 0) await page.goto(`${round2Url}/answer`);
      const items = page.getByTestId("item");
      for (let i = 0; i < (await items.count()); i++) await items.nth(i).locator(`input[type="radio"][name$=":importance"][value="${round2(e)}"]`).check();
      await submit(page);
      if (e === 0) await screenshot(a, "complete-05-expert-round-2-feedback");
    }
    await closeRound(admin, round2Url);

    // The ranking round of the key technologies; each expert ranks up to three.
    await admin.locator("form", { hasText: "Each expert ranks at most" }).getByLabel("Each expert ranks at most").fill("3");
    await admin.getByRole("button", { name: "Create a ranking round of the key technologies" }).click();
    await admin.waitForURL((url) => url.href !== round2Url && /\/rounds\/[^/]+$/.test(url.pathname));
    const rankingUrl = admin.url();
    const candidates = await admin.getByTestId("admin-item").count();
    expect(candidates).toBeGreaterThanOrEqual(3);
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.locator(".badge.OPEN").first().waitFor();
    const orders = [[0, 1, 2], [1, 0, 2], [0, 2]];
    for (const [e, page] of experts.entries()) {
      await page.goto(`${rankingUrl}/answer`);
      const listed = page.getByTestId("item");
      await expect(listed.count()).resolves.toBe(candidates);
      for (const [place, index] of orders[e].entries()) await listed.nth(index).getByRole("combobox").selectOption(String(place + 1));
      await page.getByRole("button", { name: "Save my ranking" }).click();
      await page.getByText("Your ranking is saved. You may change it until the round closes.").waitFor();
    }
    await closeRound(admin, rankingUrl);

    // The statistics as the CLI computes them from the exported answers.
    const answers1 = await exportedImportance(admin, studyId, round1Url);
    const answers2 = await exportedImportance(admin, studyId, round2Url);
    expect(answers1).toHaveLength(THEMES.length * 3);
    const cli = cliStats([{ round: 1, answers: answers1 }, { round: 2, answers: answers2 }]);

    // The planner reads the study report and each round's report.
    const planner = await newPage();
    await signIn(planner, baseUrl, accounts.PLANNER);
    await planner.goto(`${baseUrl}/studies/${studyId}/report`);
    await planner.getByTestId("study-report").waitFor();
    await screenshot(planner, "complete-06-planner-study-report");
    await expectReportMatches(planner, round1Url, cli.get(1)!, answers1);
    await screenshot(planner, "complete-07-planner-round-1");
    await expectReportMatches(planner, round2Url, cli.get(2)!, answers2);

    await planner.goto(`${rankingUrl}/report`);
    const ids = Array.from({ length: candidates }, (_, i) => `c${i}`);
    const expected = summariseRankings(ids, orders.map((o) => o.map((i) => ids[i])));
    const w = new Intl.NumberFormat("en", { maximumFractionDigits: 3, useGrouping: false }).format(expected.kendallW!.w);
    await expect(planner.getByTestId("kendall-w").textContent()).resolves.toContain(`Kendall's W = ${w}`);
    await planner.getByText("3 of 3 invited experts answered").waitFor();
    await screenshot(planner, "complete-08-planner-ranking");
  });
});
