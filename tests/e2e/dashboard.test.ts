// The study dashboard in a real browser, as a planner on the seeded demo study: every chart is drawn
// by ECharts with the figures the database holds (read back through the export routes, which read
// the stored rows directly), a click on the river opens the documents behind that band, the
// language switch turns the page and its number and date formats Chinese, and the exports download.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("accounts");
let browser: Browser;
let context: BrowserContext;
let page: Page;
let studyId: string;
const violations: string[] = [];

type Series = { type: string; name: string | null; data: unknown[]; links: unknown[] | null };

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true, locale: "en-GB" });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, baseUrl, accounts.PLANNER);
});
afterAll(async () => {
  await browser?.close();
});

/** RFC 4180 CSV (as lib/exports writes it) into objects keyed by the header. */
function csvObjects(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && body[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

async function exported(dataset: string): Promise<Record<string, string>[]> {
  const response = await context.request.get(`${baseUrl}/api/studies/${studyId}/exports/${dataset}?format=csv`);
  expect(response.status()).toBe(200);
  return csvObjects(await response.text());
}

async function series(chart: string): Promise<Series[]> {
  const canvas = page.getByTestId(`chart-${chart}`);
  await expect.poll(() => canvas.getAttribute("data-rendered"), { timeout: 30_000 }).toBe("true");
  expect(await canvas.locator("canvas").count()).toBeGreaterThan(0);
  return JSON.parse((await canvas.getAttribute("data-echarts-series"))!) as Series[];
}

const unquote = (label: string) => label.replace(/^'/, "");

describe("the study dashboard", () => {
  it("draws every chart with the stored figures", async () => {
    await page.goto(`${baseUrl}/studies`);
    await page.getByRole("link", { name: /^Demo:/ }).first().click();
    await page.waitForURL(/\/studies\/[^/]+$/);
    studyId = new URL(page.url()).pathname.split("/")[2];
    await page.getByTestId("dashboard-link").click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole("heading", { level: 1, name: /^Dashboard: Demo/ }).waitFor();

    const themes = await exported("themes");
    const years = await exported("theme-years");
    expect(themes.length).toBeGreaterThanOrEqual(2);

    // River: one layer per theme, one point per year, each volume as stored in theme_year_stat.
    const [river] = await series("river");
    expect(river.type).toBe("themeRiver");
    const points = river.data as [number, number, string][];
    const layers = new Set(points.map((p) => p[2]));
    expect(layers).toEqual(new Set(themes.map((t) => unquote(t.label))));
    const until = Math.max(...themes.map((t) => Number(t.until_year)));
    for (const row of years.filter((y) => Number(y.year) <= until)) {
      const point = points.find((p) => p[2] === unquote(row.label) && p[0] === Number(row.year));
      expect(point, `${row.label} ${row.year}`).toBeDefined();
      expect(point![1]).toBeCloseTo(Number(row.volume), 3);
    }
    const stored = years.filter((y) => Number(y.year) <= until).reduce((s, y) => s + Number(y.volume), 0);
    expect(points.reduce((s, p) => s + p[1], 0)).toBeCloseTo(stored, 1);

    // Bubbles: each theme's volume and growth rate, in the quadrant the table names.
    const bubbles = await series("bubbles");
    expect(bubbles.map((s) => s.name)).toEqual(["Emerging", "Growing", "Mature", "Declining"]);
    const placed = bubbles.flatMap((s) => (s.data as [number, number, number, string, string][]).map((d) => ({ quadrant: s.name, volume: d[0], growth: d[1], id: d[4] })));
    const withGrowth = themes.filter((t) => t.growth_per_year !== "");
    expect(placed).toHaveLength(withGrowth.length);
    for (const t of withGrowth) {
      const point = placed.find((p) => p.id === t.theme_id)!;
      expect(point.volume).toBeCloseTo(Number(t.volume), 3);
      expect(point.growth).toBeCloseTo(Number(t.growth_per_year), 4);
    }

    // Topic map and network: every theme placed; edges only between known themes.
    const [map] = await series("topic-map");
    expect(map.data).toHaveLength(themes.length);
    const [network] = await series("network");
    expect((network.data as { id: string }[]).map((n) => n.id).sort()).toEqual(themes.map((t) => t.theme_id).sort());
    const ids = new Set(themes.map((t) => t.theme_id));
    for (const link of network.links as { source: string; target: string; value: number }[]) {
      expect(ids.has(link.source) && ids.has(link.target)).toBe(true);
      expect(link.value).toBeGreaterThanOrEqual(0.05);
    }

    // Hierarchy: the tree's leaves are exactly the themes.
    const [tree] = await series("hierarchy");
    const leaves: number[] = [];
    const walk = (node: { value: number; children?: unknown[] }) => (node.children?.length ? node.children.forEach((c) => walk(c as typeof node)) : leaves.push(node.value));
    (tree.data as { value: number; children?: unknown[] }[]).forEach(walk);
    expect(leaves).toHaveLength(themes.length);
    expect(leaves.reduce((a, b) => a + b, 0)).toBeCloseTo(themes.reduce((s, t) => s + Number(t.volume), 0), 1);

    // Country leadership: shares of each theme add up to 1; the home country's positions match the themes export.
    const leadership = await series("leadership");
    const totals = new Map<string, number>();
    for (const s of leadership) for (const d of s.data as { value: number; themeId: string }[]) totals.set(d.themeId, (totals.get(d.themeId) ?? 0) + d.value);
    for (const total of totals.values()) expect(total).toBeCloseTo(1, 3);
    const positions = await page.locator('[data-chart="leadership"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-position")));
    expect(positions.sort()).toEqual(themes.map((t) => t.home_position).sort());

    // Collaboration radar: one profile per theme, international share as stored.
    const [radar] = await series("collaboration");
    expect(radar.data).toHaveLength(themes.length);

    // The demo has no closed round: the importance chart says so instead of drawing nothing.
    await expect(page.locator('[data-chart="importance"] .chart-empty').textContent()).resolves.toMatch(/No rating round has closed yet/);

    // Accessibility basics: every chart has a name, and a data table to read instead.
    for (const chart of ["river", "bubbles", "topic-map", "network", "hierarchy", "leadership", "collaboration"]) {
      await expect(page.getByTestId(`chart-${chart}`).getAttribute("aria-label")).resolves.toMatch(/\w{4,}/);
      await expect(page.locator(`[data-chart="${chart}"] details.chart-data table`).count()).resolves.toBe(1);
    }
    await screenshot(page, "dashboard-01-en");
    // The first Tab of a fresh page reaches the skip link, which jumps to the content.
    await page.goto(`${baseUrl}/studies/${studyId}/dashboard`);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to content");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("content");
    // ECharts draws under the site's content security policy.
    expect(violations).toEqual([]);
  });

  it("opens the documents behind a river band, and their weights add up to the band's volume", async () => {
    await page.goto(`${baseUrl}/studies/${studyId}/dashboard`);
    const [river] = await series("river");
    const canvas = page.getByTestId("chart-river");
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    // The middle of the stream, in the middle year: always inside some band.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.55);
    await page.waitForURL(/\/dashboard\/documents\?/);
    const url = new URL(page.url());
    const themeId = url.searchParams.get("theme")!;
    const year = Number(url.searchParams.get("year"));
    expect(themeId).toBeTruthy();
    const themes = await exported("themes");
    const label = unquote(themes.find((t) => t.theme_id === themeId)!.label);
    const band = (river.data as [number, number, string][]).find((p) => p[2] === label && p[0] === year)!;
    const summary = page.getByTestId("drill-summary");
    await expect(summary.getAttribute("data-volume").then(Number)).resolves.toBeCloseTo(band[1], 3);

    // The same documents as the documents export: those of that year with a weight in the theme.
    const documents = await exported("documents");
    const column = Object.keys(documents[0]).find((k) => k.startsWith("theme ") && unquote(k.slice(k.indexOf(": ") + 2)) === label)!;
    const expected = documents.filter((d) => Number(d.year) === year && d[column] !== "");
    await expect(summary.getAttribute("data-total").then(Number)).resolves.toBe(expected.length);
    const shown = await page.getByTestId("drill-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-document")));
    expect(shown.length).toBe(Math.min(25, expected.length));
    const byWeight = [...expected].sort((a, b) => Number(b[column]) - Number(a[column]) || (a.id < b.id ? -1 : 1)).map((d) => d.id);
    expect(shown).toEqual(byWeight.slice(0, 25));
    await screenshot(page, "dashboard-02-documents");

    // Removing the year filter keeps the theme: all its documents.
    await page.getByRole("link", { name: /Remove year/ }).click();
    await page.waitForURL((u) => !u.searchParams.has("year"));
    await expect(page.getByTestId("drill-summary").getAttribute("data-total").then(Number)).resolves.toBe(documents.filter((d) => d[column] !== "").length);
  });

  it("switches to Chinese: labels, chart legends, and number and date formats", async () => {
    await page.goto(`${baseUrl}/studies/${studyId}/dashboard`);
    const englishBasis = (await page.getByTestId("dashboard-basis").textContent())!;
    expect(englishBasis).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}/);
    await page.getByTestId("locale-zh").click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await page.getByRole("heading", { level: 1, name: /^仪表盘：/ }).waitFor();
    await expect(page.getByRole("link", { name: "研究项目" }).count()).resolves.toBe(1);
    await expect(page.getByTestId("locale-zh").getAttribute("aria-pressed")).resolves.toBe("true");
    // The date of the theme set, written the Chinese way, is the same date as in English.
    const basis = (await page.getByTestId("dashboard-basis").textContent())!;
    const [, y, m, d] = basis.match(/(\d{4})年(\d{1,2})月(\d{1,2})日/)!;
    expect(new Date(Date.UTC(+y, +m - 1, +d)).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })).toBe(englishBasis.match(/\d{1,2} [A-Z][a-z]{2} \d{4}/)![0]);
    // Chart legends come from the Chinese catalogue, redrawn by ECharts.
    const bubbles = await series("bubbles");
    expect(bubbles.map((s) => s.name)).toEqual(["新兴", "成长", "成熟", "衰退"]);
    // Growth in the bubble table is formatted by the Chinese locale, from the same figure.
    const themes = await exported("themes");
    const first = themes.find((t) => t.growth_per_year !== "")!;
    const cell = await page.locator(`[data-chart="bubbles"] tbody tr`).filter({ hasText: unquote(first.label) }).locator("td").nth(1).textContent();
    expect(cell).toBe(new Intl.NumberFormat("zh-CN", { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(Number(first.growth_per_year)));
    await expect(page.getByText("预警与观察清单").first().isVisible()).resolves.toBe(true);
    await screenshot(page, "dashboard-03-zh");

    // The documents page too, and the choice stays for the next page.
    await page.goto(`${baseUrl}/studies/${studyId}/dashboard/documents?kind=PATENT`);
    await page.getByText("类型：专利").waitFor();
    await expect(page.getByRole("navigation", { name: "分页" }).textContent()).resolves.toMatch(/第 1–\d+ 篇，共 [\d,]+ 篇/);
    await page.getByTestId("locale-en").click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en-GB");
  });

  it("downloads exports from the page, and keeps experts out", async () => {
    await page.goto(`${baseUrl}/studies/${studyId}/dashboard`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("exports").getByRole("listitem").filter({ hasText: "Themes with their indicators" }).getByRole("link", { name: "Excel (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/themes-v\d+\.xlsx$/);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(path!).subarray(0, 2).toString()).toBe("PK");

    const expert = await (await browser.newContext()).newPage();
    await signIn(expert, baseUrl, accounts.EXPERT);
    await expert.goto(`${baseUrl}/studies/${studyId}/dashboard`);
    await expert.waitForURL((u) => !u.pathname.includes("/dashboard"));
    await expect(expert.getByTestId("dashboard").count()).resolves.toBe(0);
    const refused = await expert.context().request.get(`${baseUrl}/api/studies/${studyId}/exports/documents`);
    expect(refused.status()).toBe(403);
  });
});
