// A study built from a real corpus, ../shared/data/neurips_2007_2019_abstracts.jsonl.gz (6,361 NeurIPS
// abstracts), in a real browser. The admin uploads the .jsonl.gz through the study page, watches the
// import finish there, scans with a small K and runs a short Delphi round on the themes with two
// experts. Then a planner, through the browser only, goes from the dashboard (charts compared with
// the export routes) to the NeurIPS papers behind a river band and to a theme's evidence, reads the
// consensus report in English and Chinese (figures compared with item_statistic), prints it to PDF
// and downloads the CSV and Excel exports (row counts compared with the database and the file).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { DATA } from "../unit/ingest/shared-fixtures";
import { launchBrowser, platformDatabaseUrl, inviteExpert, screenshot, signIn } from "./browser";

const FILE = path.join(DATA, "neurips_2007_2019_abstracts.jsonl.gz");
const present = existsSync(FILE);
if (!present && process.env.CI !== "true") console.info(`NeurIPS study e2e test skipped: ${FILE} not found`);

const baseUrl = inject("baseUrl");
const accounts = inject("accounts");
const STUDY = `NeurIPS 2007–2019 ${Date.now().toString(36)}`;
const K = 10;
/** Importance (1–5) the two experts give the items in page order: agreed high (accepted), apart (carried over), low (rejected). */
const IMPORTANCE = [
  [5, 4, 4, 2, 1, 5, 3, 4, 2, 5],
  [4, 5, 2, 1, 1, 5, 5, 4, 1, 3],
];

type Paper = { id: string; year: number; title: string; abstract: string };
type Row = Record<string, string>;
type Series = { type: string; name: string | null; data: unknown[]; links: unknown[] | null };

let browser: Browser;
const contexts: BrowserContext[] = [];
let db: typeof import("@/lib/db").db;
let papers: Paper[] = [];
/** Documents the study must hold: the file's papers, one per title and year. */
let distinct: number;
let studyId: string;
let planner: Page;

/** The title and year key under which two records are one paper, written here apart from lib/ingest/dedup-key.ts. */
const paperKey = (p: { title: string; year: number | string }) => `${p.title.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, " ").trim()}|${p.year}`;
/** Exported cells that could start a formula get a leading apostrophe (lib/exports/cells.ts). */
const unquote = (label: string) => label.replace(/^'/, "");

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, locale: "en-GB", viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

async function exported(dataset: string): Promise<Row[]> {
  const response = await planner.context().request.get(`${baseUrl}/api/studies/${studyId}/exports/${dataset}?format=csv`);
  expect(response.status()).toBe(200);
  return parse(await response.text(), { columns: true, bom: true }) as Row[];
}

async function series(page: Page, chart: string): Promise<Series[]> {
  const canvas = page.getByTestId(`chart-${chart}`);
  await expect.poll(() => canvas.getAttribute("data-rendered"), { timeout: 30_000 }).toBe("true");
  expect(await canvas.locator("canvas").count()).toBeGreaterThan(0);
  return JSON.parse((await canvas.getAttribute("data-echarts-series"))!) as Series[];
}

beforeAll(async () => {
  if (!present) return;
  papers = gunzipSync(readFileSync(FILE)).toString("utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Paper);
  distinct = new Set(papers.map(paperKey)).size;
  process.env.DATABASE_URL = platformDatabaseUrl();
  resetEnv();
  ({ db } = await import("@/lib/db"));
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  if (present) await (await import("@/lib/db")).disconnectDb();
});

describe.runIf(process.env.CI === "true" && !present)("shared data", () => {
  it("is present in CI", () => {
    expect.fail(`shared/data not found at ${DATA}`);
  });
});

describe.skipIf(!present)("a study built from the NeurIPS abstracts", () => {
  it("is built by an admin through the study page: upload, import progress, scan and themes", async () => {
    const admin = await newPage();
    await signIn(admin, baseUrl, accounts.ADMIN);
    await admin.goto(`${baseUrl}/studies`);
    await admin.getByLabel("Name").fill(STUDY);
    await admin.getByLabel("Question").fill("Which machine-learning techniques will matter most by 2035?");
    await admin.getByRole("button", { name: "Create study" }).click();
    await admin.waitForURL(/\/studies\/[^/]+$/);
    studyId = new URL(admin.url()).pathname.split("/").pop()!;

    await admin.locator('input[type="file"]').setInputFiles(FILE);
    // The file's records do not say what they are; the analyst says they are papers.
    await admin.getByLabel("Records without a kind (CSV, JSON Lines) are").selectOption("PAPER");
    await admin.getByRole("button", { name: "Upload" }).click();
    await admin.getByRole("status").filter({ hasText: "neurips_2007_2019_abstracts.jsonl.gz uploaded" }).waitFor();
    // The page re-renders itself while the import runs, with a progress bar; it finishes without a reload from here.
    const row = admin.getByTestId("import-row").filter({ hasText: "neurips_2007_2019_abstracts.jsonl.gz" });
    const seen = new Set<string>();
    await expect
      .poll(async () => {
        const status = (await row.locator(".badge").textContent()) ?? "";
        seen.add(`${status}${(await row.getByRole("progressbar", { name: "Import progress" }).count()) ? " with progress" : ""}`);
        return status;
      }, { timeout: 90_000, interval: 250 })
      .toBe("succeeded");
    expect([...seen].some((s) => /^(queued|running) with progress$/.test(s))).toBe(true);
    const cells = await row.locator("td").allTextContents();
    expect(cells[1]).toBe("jsonl");
    expect(cells.slice(3).map(Number)).toEqual([papers.length, distinct, papers.length - distinct, 0]);
    // The study's count, formatted for the reader (6,359; a four-digit count shows the separator).
    await admin.getByText(`${distinct.toLocaleString("en-GB")} documents`, { exact: true }).waitFor();
    await screenshot(admin, "neurips-01-import");

    await admin.getByLabel("Themes (K)").fill(String(K));
    await admin.getByLabel("Iterations").fill("40");
    await admin.getByRole("button", { name: "Launch scan" }).click();
    // The scan's row shows it queued or running (with its progress bar) until the themes appear.
    const scan = admin.getByTestId("scan-row").first();
    const stages = new Set<string>();
    await expect
      .poll(async () => {
        stages.add(`${await scan.locator(".badge").textContent()}${(await scan.locator("progress").count()) ? " with progress" : ""}`);
        return admin.getByTestId("theme").count();
      }, { timeout: 120_000, interval: 500 })
      .toBe(K);
    expect([...stages].some((s) => /^(queued|running) with progress$/.test(s))).toBe(true);
    await expect(scan.locator(".badge").textContent()).resolves.toBe("succeeded");
    await screenshot(admin, "neurips-02-themes");
  });

  it("gets a short Delphi round on its themes, answered by two experts", async () => {
    const admin = await newPage();
    await signIn(admin, baseUrl, accounts.ADMIN);
    await admin.goto(`${baseUrl}/studies/${studyId}`);
    await admin.getByLabel("Minimum answers before results are shown").fill("2");
    await admin.getByRole("button", { name: /Create round 1/ }).click();
    await admin.waitForURL(/\/rounds\/[^/]+$/);
    const roundUrl = admin.url();
    await expect(admin.getByTestId("admin-item").count()).resolves.toBe(K);
    const invite = (email: string, name: string) => inviteExpert(admin, baseUrl, email, name);
    await invite(accounts.EXPERT.email, "Demo Expert");
    const link = await invite(`neurips.${Date.now().toString(36)}@example.test`, "Nora Neural");
    await admin.getByRole("button", { name: "Open the round" }).click();
    await admin.locator(".badge.OPEN").first().waitFor();

    const first = await newPage();
    await signIn(first, baseUrl, accounts.EXPERT);
    const second = await newPage();
    await second.goto(link);
    await second.getByLabel("Password (at least 8 characters)").fill("neurips expert password");
    await second.getByLabel("Password again").fill("neurips expert password");
    await second.getByRole("button", { name: "Set password and continue" }).click();
    await second.waitForURL(/\/rounds$/);
    for (const [e, expert] of [first, second].entries()) {
      await expert.goto(`${roundUrl}/answer`);
      const items = expert.getByTestId("item");
      await expect(items.count()).resolves.toBe(K);
      for (let i = 0; i < K; i++) await items.nth(i).locator(`input[type="radio"][name$=":importance"][value="${IMPORTANCE[e][i]}"]`).check();
      await expert.getByRole("button", { name: "Submit answers" }).click();
      await expert.getByRole("status").filter({ hasText: `Submitted ${K} answers` }).waitFor();
    }

    await admin.goto(roundUrl);
    await admin.getByRole("button", { name: /Close the round/ }).click();
    await admin.getByRole("link", { name: "Read the consensus report" }).waitFor();
  });

  describe("as a planner", () => {
    beforeAll(async () => {
      planner = await newPage();
      await signIn(planner, baseUrl, accounts.PLANNER);
    });

    it("finds the study's themes in every dashboard chart, as the export routes hold them", async () => {
      await planner.goto(`${baseUrl}/studies`);
      await planner.getByRole("link", { name: STUDY }).click();
      await planner.waitForURL(/\/studies\/[^/]+$/);
      await planner.getByTestId("dashboard-link").click();
      await planner.waitForURL(/\/dashboard$/);
      await planner.getByRole("heading", { level: 1, name: `Dashboard: ${STUDY}` }).waitFor();
      await expect(planner.getByTestId("kpi-documents").textContent()).resolves.toBe(distinct.toLocaleString("en-GB"));

      const themes = await exported("themes");
      const years = await exported("theme-years");
      expect(themes).toHaveLength(K);
      const labels = new Set(themes.map((t) => unquote(t.label)));
      expect(labels.size).toBe(K);

      // River: a layer per theme, a point per year from the corpus's first year to its last.
      const [river] = await series(planner, "river");
      expect(river.type).toBe("themeRiver");
      const points = river.data as [number, number, string][];
      expect(new Set(points.map((p) => p[2]))).toEqual(labels);
      const corpusYears = papers.map((p) => p.year);
      expect(new Set(points.map((p) => p[0]))).toEqual(new Set(Array.from({ length: Math.max(...corpusYears) - Math.min(...corpusYears) + 1 }, (_, i) => Math.min(...corpusYears) + i)));
      for (const row of years) {
        const point = points.find((p) => p[2] === unquote(row.label) && p[0] === Number(row.year));
        expect(point, `${row.label} ${row.year}`).toBeDefined();
        expect(point![1]).toBeCloseTo(Number(row.volume), 3);
      }

      // Bubbles: every theme with a growth rate, at its stored volume and growth.
      const bubbles = await series(planner, "bubbles");
      const placed = bubbles.flatMap((s) => (s.data as [number, number, number, string, string][]).map((d) => ({ volume: d[0], growth: d[1], id: d[4] })));
      const withGrowth = themes.filter((t) => t.growth_per_year !== "");
      expect(withGrowth.length).toBeGreaterThan(0);
      expect(placed).toHaveLength(withGrowth.length);
      for (const t of withGrowth) {
        const point = placed.find((p) => p.id === t.theme_id)!;
        expect(point.volume).toBeCloseTo(Number(t.volume), 3);
        expect(point.growth).toBeCloseTo(Number(t.growth_per_year), 4);
      }

      // Topic map: every theme placed once.
      const [map] = await series(planner, "topic-map");
      expect(map.data).toHaveLength(K);
      const [network] = await series(planner, "network");
      expect((network.data as { id: string }[]).map((n) => n.id).sort()).toEqual(themes.map((t) => t.theme_id).sort());
      await screenshot(planner, "neurips-03-dashboard");
    });

    it("clicks a river band and reads the NeurIPS papers of that theme and year, then the theme's evidence", async () => {
      await planner.goto(`${baseUrl}/studies/${studyId}/dashboard`);
      const [river] = await series(planner, "river");
      const points = river.data as [number, number, string][];
      const years = [...new Set(points.map((p) => p[0]))].sort((a, b) => a - b);
      const canvas = planner.getByTestId("chart-river");
      await canvas.scrollIntoViewIfNeeded();
      const box = (await canvas.boundingBox())!;
      // The single axis spans 5 %–95 % of the width (ECharts' default); the stream is centred between
      // its top (50 px) and bottom (40 px) margins, so the middle of the year's column is inside a band.
      const year = years[years.length - 2];
      const x = box.x + box.width * (0.05 + (0.9 * (year - years[0])) / (years[years.length - 1] - years[0]));
      await planner.mouse.click(x, box.y + (50 + box.height - 40) / 2);
      await planner.waitForURL(/\/dashboard\/documents\?/);
      const url = new URL(planner.url());
      expect(Number(url.searchParams.get("year"))).toBe(year);
      const themeId = url.searchParams.get("theme")!;
      const themes = await exported("themes");
      const theme = themes.find((t) => t.theme_id === themeId)!;
      const label = unquote(theme.label);
      await planner.getByRole("heading", { level: 1, name: `Documents of “${label}”` }).waitFor();
      const band = points.find((p) => p[2] === label && p[0] === year)!;
      const summary = planner.getByTestId("drill-summary");
      await expect(summary.getAttribute("data-volume").then(Number)).resolves.toBeCloseTo(band[1], 3);

      // The same documents as the documents export holds for that theme and year, heaviest first.
      const documents = await exported("documents");
      const column = Object.keys(documents[0]).find((k) => k.startsWith(`theme ${Number(theme.index) + 1}: `))!;
      const expected = documents.filter((d) => Number(d.year) === year && d[column] !== "");
      await expect(summary.getAttribute("data-total").then(Number)).resolves.toBe(expected.length);
      const byWeight = [...expected].sort((a, b) => Number(b[column]) - Number(a[column]) || (a.id < b.id ? -1 : 1)).map((d) => d.id);
      const shown = planner.getByTestId("drill-row");
      expect(await shown.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-document")))).toEqual(byWeight.slice(0, 25));

      // They are NeurIPS papers of that year, and the theme's words are in what they say.
      const corpus = new Map(papers.map((p) => [paperKey(p), p]));
      const terms = theme.top_terms.split("; ").slice(0, 10).map((term) => term.replace(/_/g, " "));
      const rows = await shown.evaluateAll((trs) => trs.map((tr) => [tr.children[0].textContent!, tr.children[1].textContent!]));
      expect(rows.length).toBe(Math.min(25, expected.length));
      for (const [title, shownYear] of rows) {
        expect(Number(shownYear)).toBe(year);
        const paper = corpus.get(paperKey({ title, year }));
        expect(paper, title).toBeDefined();
        expect(terms.some((term) => `${paper!.title} ${paper!.abstract}`.toLowerCase().includes(term)), `${title} has none of ${terms.join(", ")}`).toBe(true);
      }
      await screenshot(planner, "neurips-04-documents");

      // From the documents to the theme's evidence: its yearly figures are the stored ones.
      await planner.getByTestId("theme-evidence-link").click();
      await planner.waitForURL(new RegExp(`/themes/${themeId}$`));
      await planner.getByRole("heading", { level: 1, name: label }).waitFor();
      const stored = (await exported("theme-years")).filter((y) => y.theme_id === themeId);
      const table = await planner.getByTestId("year-table").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 2).map((td) => td.textContent!)));
      expect(table).toEqual(stored.map((y) => [y.year, y.document_count]));
      // Imported as papers: each year's paper volume is the whole of its volume, and nothing else is counted.
      const kinds = await planner.getByTestId("year-table").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(2, 6).map((td) => td.textContent!)));
      for (const [volume, paperVolume, patents, news] of kinds) expect([paperVolume, patents, news]).toEqual([volume, "0", "0"]);
      // The fitted trend is shown with its interval for the three years after the data.
      const forecast = await planner.getByTestId("forecast-table").locator("tbody tr td:first-child").allTextContents();
      expect(forecast).toEqual(["2020", "2021", "2022"]);
      const representative = await planner.getByRole("heading", { name: "Representative documents" }).locator("xpath=following-sibling::ol[1]/li").evaluateAll((lis) => lis.map((li) => li.firstChild!.textContent!.trim()));
      expect(representative).toHaveLength(10);
      const titles = new Set(papers.map((p) => p.title));
      for (const title of representative) expect(titles.has(title), title).toBe(true);
      await screenshot(planner, "neurips-05-evidence");
    });

    it("reads the consensus report in English and Chinese with the stored statistics, prints it and saves a PDF", async () => {
      await planner.goto(`${baseUrl}/studies/${studyId}`);
      await planner.getByTestId("report-link").click();
      await planner.waitForURL(/\/report$/);
      await planner.getByRole("heading", { level: 1, name: `Consensus report: ${STUDY}` }).waitFor();

      // Every technology row carries the statistics closeRound stored, and the medians of the two experts' answers.
      const statistics = await db().itemStatistic.findMany({ where: { subgroup: "all", round: { studyId }, question: { key: "importance" } }, include: { item: { select: { position: true, outcome: true } } } });
      expect(statistics).toHaveLength(K);
      const readRows = async () =>
        planner.getByTestId("technology-row").evaluateAll((rows) =>
          rows.map((r) => {
            const value = (id: string) => r.querySelector(`[data-testid="${id}"]`)?.getAttribute("data-value") ?? null;
            return { item: r.getAttribute("data-item")!, n: value("n"), median: value("median"), iqr: value("iqr"), agreement: value("agreement"), index: value("importance-index"), outcome: r.querySelector('[data-testid="outcome"]')?.getAttribute("data-outcome") ?? null };
          }),
        );
      // The answer page lists the items by position; IMPORTANCE is in that order.
      const order = [...statistics].sort((a, b) => a.item.position - b.item.position).map((x) => x.itemId);
      const english = await readRows();
      expect(english).toHaveLength(K);
      for (const row of english) {
        const s = statistics.find((x) => x.itemId === row.item)!;
        expect(row).toEqual({ item: s.itemId, n: String(s.n), median: String(s.median), iqr: String(s.iqr), agreement: String(s.agreement), index: String(s.importanceIndex), outcome: s.item.outcome });
        const [a, b] = IMPORTANCE.map((answers) => answers[order.indexOf(s.itemId)]);
        expect(s.median).toBe((a + b) / 2);
        expect(s.iqr).toBe(Math.abs(a - b) / 2);
      }
      await expect(planner.getByRole("heading", { level: 2, name: "Results by area" }).isVisible()).resolves.toBe(true);
      await screenshot(planner, "neurips-06-report-en");

      await planner.getByTestId("locale-zh").click();
      await expect.poll(() => planner.locator("html").getAttribute("lang")).toBe("zh-CN");
      await planner.getByRole("heading", { level: 1, name: `共识报告：${STUDY}` }).waitFor();
      const headings = await planner.locator("section.report-section > h2").allTextContents();
      expect(headings).toEqual(["摘要", "方法", "分领域结果", "关键技术", "少数意见", "数据证据", "德尔菲图表"]);
      expect(await readRows()).toEqual(english);
      await screenshot(planner, "neurips-07-report-zh");
      await planner.getByTestId("locale-en").click();
      await expect.poll(() => planner.locator("html").getAttribute("lang")).toBe("en-GB");

      await planner.emulateMedia({ media: "print" });
      await expect(planner.locator("header.top").isVisible()).resolves.toBe(false);
      await expect(planner.locator(".report-toolbar").isVisible()).resolves.toBe(false);
      await expect(planner.locator("nav.toc").isVisible()).resolves.toBe(false);
      await expect(planner.getByRole("heading", { level: 2, name: "Key technologies" }).isVisible()).resolves.toBe(true);
      mkdirSync("test-results/e2e", { recursive: true });
      const pdf = await planner.pdf({ path: "test-results/e2e/neurips-consensus-report.pdf", format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      // Page objects ("/Type /Page", not the "/Type /Pages" tree nodes): A4 pages of the whole report.
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
      expect(pages).toBeGreaterThan(1);
      await planner.emulateMedia({ media: "screen" });
    });

    it("downloads the documents, themes and statistics as CSV and Excel with every row", async () => {
      await planner.goto(`${baseUrl}/studies/${studyId}/dashboard`);
      const panel = planner.getByTestId("exports");
      const download = async (name: string, link: string) => {
        const [file] = await Promise.all([planner.waitForEvent("download"), panel.getByRole("listitem").filter({ hasText: name }).getByRole("link", { name: link }).click()]);
        return readFileSync((await file.path())!);
      };
      const sheetRows = async (buffer: Buffer) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(buffer as never);
        return book.worksheets[0].actualRowCount - 1;
      };
      await expect(db().document.count({ where: { studyId } })).resolves.toBe(distinct);
      const csv = parse(await download("Documents with their theme weights", "CSV"), { columns: true, bom: true }) as Row[];
      expect(csv).toHaveLength(distinct);
      expect(new Set(csv.map((d) => paperKey({ title: unquote(d.title), year: d.year })))).toEqual(new Set(papers.map(paperKey)));
      await expect(sheetRows(await download("Documents with their theme weights", "Excel (.xlsx)"))).resolves.toBe(distinct);
      await expect(sheetRows(await download("Themes with their indicators", "Excel (.xlsx)"))).resolves.toBe(K);
      const yearRows = await db().themeYearStat.count({ where: { theme: { themeSet: { studyId } } } });
      await expect(sheetRows(await download("Theme figures per year", "Excel (.xlsx)"))).resolves.toBe(yearRows);

      const round = planner.getByTestId("exports").locator("tbody tr").first();
      const [statistics] = await Promise.all([planner.waitForEvent("download"), round.locator("td").nth(1).getByRole("link", { name: "Excel" }).click()]);
      const stored = await db().itemStatistic.count({ where: { round: { studyId } } });
      await expect(sheetRows(readFileSync((await statistics.path())!))).resolves.toBe(stored);
    });
  });
});
