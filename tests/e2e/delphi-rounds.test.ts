// The Delphi rounds in a real browser: the admin configures and runs round 1 on the demo study's
// themes, carries the items without consensus into round 2 and ends with a ranking round; three
// experts answer (one on a phone-sized screen), one must explain an answer outside the group's range;
// a planner reads the reports, with Kendall's W.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STUDY_NAME } from "@/lib/demo/seed-demo";
import { summariseRankings } from "@/lib/delphi/ranking-statistics";
import { launchBrowser, inviteExpert, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("accounts");
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function newPage(options: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {});
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

/** Round 1 importance by item (page order) and expert: accepted, carried over, rejected, repeating. */
const round1 = (item: number, expert: number) => [[4, 5, 5], [1, 3, 5], [1, 2, 1]][item % 3][expert];

async function rateAll(page: Page, value: (item: number) => number) {
  const items = page.getByTestId("item");
  const count = await items.count();
  for (let i = 0; i < count; i++) await items.nth(i).locator(`input[type="radio"][name$=":importance"][value="${value(i)}"]`).check();
  return count;
}

async function submit(page: Page) {
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByRole("status").filter({ hasText: /Submitted \d+ answers/ }).waitFor();
}

describe("Delphi rounds in the browser", () => {
  it("runs round 1, a carried-over round 2 and a ranking round with three experts, and reports them", async () => {
    // Admin: round 1 from the demo study's themes, a configured item block and an item of their own.
    const admin = await newPage();
    await signIn(admin, baseUrl, accounts.ADMIN);
    await admin.goto(`${baseUrl}/studies`);
    await admin.getByRole("link", { name: DEMO_STUDY_NAME }).first().click();
    await admin.waitForURL(/\/studies\/[^/]+$/);
    await admin.getByLabel("Minimum answers before results are shown").fill("2");
    await admin.getByRole("button", { name: /Create round 1/ }).click();
    await admin.waitForURL(/\/rounds\/[^/]+$/);
    const round1Url = admin.url();

    await admin.locator('[data-testid="block-question"][data-key="policy_measures"]').getByLabel("Ask this question").uncheck();
    await admin.getByRole("button", { name: "Save the item block" }).click();
    await admin.getByText("Item block saved.").waitFor();
    await expect.poll(() => admin.locator("p.muted", { hasText: "Asks:" }).textContent()).not.toContain("Policy measures");
    const addCard = admin.locator(".card", { hasText: "Add an item of your own" });
    await addCard.getByLabel("Title", { exact: true }).fill("Hydrogen direct-reduction steelmaking");
    await addCard.getByLabel("Title in Chinese (标题)").fill("氢直接还原炼钢");
    await addCard.getByRole("button", { name: "Add the item" }).click();
    await admin.getByText("Item added.").waitFor();

    const invite = (email: string, name: string) => inviteExpert(admin, baseUrl, email, name);
    await invite(accounts.EXPERT.email, "Demo Expert");
    const linkB = await invite("phone.expert@example.test", "Phoebe Phone");
    const linkC = await invite("third.expert@example.test", "Theo Third");
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.locator(".badge.OPEN").first().waitFor();
    await screenshot(admin, "delphi-01-admin-round-1");

    // Expert A (desktop): a draft with every kind of answer on the first item, then all items.
    const a = await newPage();
    await signIn(a, baseUrl, accounts.EXPERT);
    const answerUrl1 = `${round1Url}/answer`;
    await a.goto(answerUrl1);
    const first = a.getByTestId("item").first();
    await first.getByRole("radio", { name: /^Familiar/ }).check();
    await first.locator('input[type="radio"][name$=":importance"][value="4"]').check();
    await first.locator("fieldset", { hasText: "technological realisation" }).getByRole("spinbutton").fill("2035");
    await first.locator("fieldset", { hasText: "wide application" }).getByRole("combobox").selectOption("never");
    await first.getByRole("radio", { name: /^Alongside the leaders/ }).check();
    await first.getByRole("checkbox", { name: /^China/ }).check();
    await first.getByRole("checkbox", { name: /^Talent/ }).check();
    await first.getByLabel("Your comment").fill("Pilot plants are running; cost is the open question.");
    await first.getByRole("button", { name: "Add comment" }).click();
    await first.getByText("Pilot plants are running; cost is the open question.").waitFor();
    await a.getByRole("button", { name: "Save draft" }).click();
    await a.getByRole("status").filter({ hasText: /Draft saved \(7 answers\)/ }).waitFor();
    expect(await a.locator("fieldset", { hasText: "Policy measures" }).count()).toBe(0);
    const items = await rateAll(a, (i) => round1(i, 0));
    expect(items).toBe(11);
    await submit(a);
    await a.reload();
    await expect(a.getByTestId("item").first().locator("fieldset", { hasText: "technological realisation" }).getByRole("spinbutton").inputValue()).resolves.toBe("2035");

    // Expert B on a phone, from the invitation link; the page fits the screen.
    const b = await newPage({ phone: true });
    await b.goto(linkB);
    await b.getByLabel("Password (at least 8 characters)").fill("phone expert password");
    await b.getByLabel("Password again").fill("phone expert password");
    await b.getByRole("button", { name: "Set password and continue" }).click();
    await b.waitForURL(/\/rounds$/);
    await b.goto(answerUrl1);
    await b.getByTestId("item").first().getByRole("radio", { name: /^Very familiar/ }).check();
    await rateAll(b, (i) => round1(i, 1));
    await submit(b);
    expect(await b.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await screenshot(b, "delphi-02-phone-expert-round-1");

    // Expert C (desktop) answers from the link too.
    const c = await newPage();
    await c.goto(linkC);
    await c.getByLabel("Password (at least 8 characters)").fill("third expert password");
    await c.getByLabel("Password again").fill("third expert password");
    await c.getByRole("button", { name: "Set password and continue" }).click();
    await c.waitForURL(/\/rounds$/);
    await c.goto(answerUrl1);
    await rateAll(c, (i) => round1(i, 2));
    await submit(c);

    // Admin closes round 1: four accepted, four carried over, three rejected; then round 2.
    await admin.goto(round1Url);
    await admin.getByText("3 of 3 answered").waitFor();
    await admin.getByRole("button", { name: /Close the round/ }).click();
    await admin.getByRole("link", { name: "Read the consensus report" }).waitFor();
    const outcomes = await admin.getByTestId("outcome").allTextContents();
    expect([outcomes.filter((o) => o === "accepted").length, outcomes.filter((o) => o === "carried over").length, outcomes.filter((o) => o === "rejected").length]).toEqual([4, 4, 3]);
    await admin.getByRole("button", { name: /Create round 2: carry over/ }).click();
    await admin.waitForURL((url) => url.href !== round1Url && /\/rounds\/[^/]+$/.test(url.pathname));
    const round2Url = admin.url();
    await expect(admin.getByTestId("admin-item").count()).resolves.toBe(4);
    await admin.getByText("Panel (0 of 3 answered)").waitFor();
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.locator(".badge.OPEN").first().waitFor();

    // Round 2: the group's round-1 answers beside each item; an answer outside them needs a reason.
    const answerUrl2 = `${round2Url}/answer`;
    await a.goto(answerUrl2);
    const carried = a.getByTestId("item");
    await expect(carried.count()).resolves.toBe(4);
    await expect(carried.first().locator('[data-testid="feedback-row"][data-question="importance"] [data-testid="feedback-median"]').textContent()).resolves.toBe("3");
    await expect(carried.first().locator('[data-testid="feedback-row"][data-question="importance"] [data-testid="own-answer"]').textContent()).resolves.toBe("1 (Very low)");
    await rateAll(a, (i) => (i === 0 ? 5 : 4));
    await a.getByRole("button", { name: "Submit answers" }).click();
    await a.getByRole("alert").filter({ hasText: /Give a rationale/ }).waitFor();
    await carried.first().getByRole("textbox", { name: "Rationale for your answers" }).fill("Two demonstration plants reached commercial scale this year.");
    await submit(a);
    await screenshot(a, "delphi-03-expert-round-2-feedback");
    for (const page of [b, c]) {
      await page.goto(answerUrl2);
      await rateAll(page, () => 4);
      await submit(page);
    }
    expect(await b.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    // Nobody's page names another panelist.
    const html = await b.content();
    for (const secret of [accounts.EXPERT.email, "Demo Expert", "third.expert@example.test", "Theo Third"]) expect(html).not.toContain(secret);

    await admin.goto(round2Url);
    await admin.getByRole("button", { name: /Close the round/ }).click();
    await admin.getByRole("link", { name: "Read the consensus report" }).waitFor();
    expect(await admin.getByTestId("outcome").allTextContents()).toEqual(["accepted", "accepted", "accepted", "accepted"]);

    // The ranking round: the eight accepted items, each expert ranks up to three.
    await admin.locator("form", { hasText: "Each expert ranks at most" }).getByLabel("Each expert ranks at most").fill("3");
    await admin.getByRole("button", { name: "Create a ranking round of the key technologies" }).click();
    await admin.waitForURL((url) => url.href !== round2Url && /\/rounds\/[^/]+$/.test(url.pathname));
    const rankingUrl = admin.url();
    await expect(admin.getByTestId("admin-item").count()).resolves.toBe(8);
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.locator(".badge.OPEN").first().waitFor();

    const orders = [[0, 1, 2], [0, 2, 1], [0, 1]];
    for (const [e, page] of [a, b, c].entries()) {
      await page.goto(`${rankingUrl}/answer`);
      const candidates = page.getByTestId("item");
      await expect(candidates.count()).resolves.toBe(8);
      for (const [place, index] of orders[e].entries()) await candidates.nth(index).getByRole("combobox").selectOption(String(place + 1));
      await page.getByRole("button", { name: "Save my ranking" }).click();
      await page.getByText("Your ranking is saved. You may change it until the round closes.").waitFor();
    }
    await screenshot(b, "delphi-04-phone-ranking");
    await admin.goto(rankingUrl);
    await admin.getByRole("button", { name: /Close the round/ }).click();
    await admin.getByRole("link", { name: "Read the consensus report" }).waitFor();

    // Planner: the ranking with Kendall's W, and the round-1 report with its outcomes and withheld groups.
    const planner = await newPage();
    await signIn(planner, baseUrl, accounts.PLANNER);
    await planner.goto(`${rankingUrl}/report`);
    const ids = Array.from({ length: 8 }, (_, i) => `c${i}`);
    const expected = summariseRankings(ids, orders.map((o) => o.map((i) => ids[i])));
    const w = new Intl.NumberFormat("en", { maximumFractionDigits: 3, useGrouping: false }).format(expected.kendallW!.w);
    await expect(planner.getByTestId("kendall-w").textContent()).resolves.toContain(`Kendall's W = ${w}`);
    expect(await planner.getByTestId("ranking-row").locator('[data-testid="selected"]').allTextContents()).toEqual(["3", "3", "2", "0", "0", "0", "0", "0"]);
    await planner.getByText("3 of 3 invited experts answered").waitFor();
    await screenshot(planner, "delphi-05-planner-ranking");

    await planner.goto(`${round1Url}/report`);
    await expect(planner.getByTestId("report-row").count()).resolves.toBe(11);
    const reported = await planner.getByTestId("report-row").locator('[data-testid="outcome"]').allTextContents();
    expect(reported.filter((o) => o === "carried over")).toHaveLength(4);
    // One academic (the demo expert) and two others: per-sector figures are withheld below n = 2.
    await planner.getByText("Every question, by sector and familiarity").waitFor();
    await planner.locator("details.card > summary").first().click();
    await expect(planner.locator('details.card[open] [data-subgroup="sector:ACADEMIA"]').first().textContent()).resolves.toMatch(/withheld/);
    const json = await (await planner.request.get(`${round1Url}/report/json`)).json();
    expect(json.items).toHaveLength(11);
    expect(JSON.stringify(json)).not.toContain(accounts.EXPERT.email);
    await screenshot(planner, "delphi-06-planner-round-1");
  });
});
