// Exports against a real PostgreSQL: documents with theme weights, themes with indicators, a round's
// items, statistics and pseudonymised answers, as CSV and as .xlsx read back with exceljs; formula
// injection neutralised in both; who may take what away.
import ExcelJS from "exceljs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { csvCell } from "@/lib/csv-export";
import { saveAnswers } from "@/lib/delphi/save-answers";
import { closeRound } from "@/lib/delphi/close-round";
import { prepareExport, type ExportRequest } from "@/lib/exports/get-export";
import { safeText } from "@/lib/exports/cells";
import { tableStream } from "@/lib/exports/write-table";
import type { Viewer } from "@/lib/auth/permissions";
import { createInvitedExpert, createRound, createStudy, createUser, resetDatabase } from "./helpers";

const HOSTILE = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", " =spaced", "line one\n=HYPERLINK(\"x\")"];

let admin: Viewer;
let planner: Viewer;
let studyId: string;

const viewer = async (role: "ADMIN" | "PLANNER" | "EXPERT", name: string) => {
  const { password: _password, ...user } = await createUser({ role, name, email: `${name.toLowerCase().replace(/\s/g, ".")}@example.test` });
  return user;
};

beforeEach(async () => {
  await resetDatabase();
  admin = await viewer("ADMIN", "Ada Admin");
  planner = await viewer("PLANNER", "Pat Planner");
  studyId = (await createStudy({ name: "Export study 出口", actorId: admin.id })).id;
  await db().study.update({ where: { id: studyId }, data: { homeCountry: "CN" } });
});
afterAll(disconnectDb);

async function seedDocuments(titles: string[]) {
  await db().document.createMany({
    data: titles.map((title, i) => ({
      id: `doc${String(i).padStart(5, "0")}`, studyId, kind: i % 2 ? "PATENT" : "PAPER", title, year: 2020 + (i % 3), countries: i % 2 ? ["CN", "US"] : ["DE"],
      keywords: ["alpha", "beta"], authors: [{ full: "Li Wei" }, { family: "Smith" }], dedupKey: `k${i}`, contentHash: `h${i}`,
    })),
  });
}

async function seedThemes() {
  const set = await db().themeSet.create({ data: { studyId, version: 1, origin: "MACHINE" } });
  const indicators = (volume: number, leader: string) => ({
    volume, documentCount: 2, volumeShare: 0.5, growth: 0.25, firstYear: 2020, untilYear: 2022,
    emerging: { score: 1.7, novelty: 1.2, shareGrowth: 0.1, weakSignal: 0, volumeShare: 0.5 },
    lifeCycle: { stage: "growing", reason: null, position: 0.3, fit: null, inflectionYear: 2024 },
    kindMix: { shares: { science: 0.5, technology: 0.5, market: 0, policy: 0, other: 0 }, dominant: "science", leading: "technology", relative: {}, meanYear: {} },
    diversity: { countries: { effective: 2.5 }, institutions: null, sources: null },
    countries: { shares: [{ country: leader, share: 0.6, rca: 1.2 }, { country: "CN", share: 0.4, rca: 0.8 }], leader: { country: leader, share: 0.6, rca: 1.2 }, coverage: 1 },
    collaboration: { international: { share: 0.5, eligible: 2 }, crossSector: { share: null, eligible: 0 } },
  });
  const a = await db().theme.create({ data: { themeSetId: set.id, index: 0, label: "=battery · anode", topTerms: [{ term: "battery", weight: 0.1 }], evidence: { indicators: indicators(3, "US") } } });
  const b = await db().theme.create({ data: { themeSetId: set.id, index: 1, label: "qubit · gate", topTerms: [{ term: "qubit", weight: 0.2 }], evidence: { indicators: indicators(1, "CN") } } });
  await db().documentTheme.createMany({ data: [{ themeId: a.id, documentId: "doc00000", weight: 0.75 }, { themeId: b.id, documentId: "doc00000", weight: 0.25 }, { themeId: b.id, documentId: "doc00001", weight: 0.9 }] });
  await db().themeYearStat.createMany({ data: [{ themeId: a.id, year: 2020, volume: 0.75, documentCount: 1, breakdown: { international: 0, countries: { DE: 0.75 } } }] });
  return { set, a, b };
}

async function read(request: ExportRequest, who: Viewer = planner) {
  const prepared = await prepareExport(studyId, request, who);
  const bytes = new Uint8Array(await new Response(tableStream(prepared.table, prepared.format)).arrayBuffer());
  return { prepared, bytes };
}

/** RFC 4180 lines back into cells (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

/** The bytes as text, byte-order mark kept (TextDecoder drops it unless told not to). */
const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

async function sheetOf(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}

describe("document exports", () => {
  it("write CSV with a byte-order mark, one column per theme, and every formula start neutralised", async () => {
    await seedDocuments([...HOSTILE, "普通标题, with \"quotes\""]);
    const { a, b } = await seedThemes();
    const { prepared, bytes } = await read({ dataset: "documents", format: "csv" });
    expect(prepared.fileName).toBe("export-study-documents.csv");
    const csv = text(bytes);
    expect(csv.startsWith("\uFEFFid,title,")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const header = rows[0];
    expect(header.slice(-3)).toEqual(["top_theme", "theme 1: =battery · anode", "theme 2: qubit · gate"]);
    expect(rows).toHaveLength(1 + HOSTILE.length + 1);
    const titles = rows.slice(1).map((r) => r[header.indexOf("title")]);
    expect(titles.slice(0, HOSTILE.length)).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(titles[HOSTILE.length]).toBe('普通标题, with "quotes"');
    const first = rows[1];
    expect(first[header.indexOf("theme 1: =battery · anode")]).toBe("0.75");
    expect(first[header.indexOf("theme 2: qubit · gate")]).toBe("0.25");
    expect(first[header.indexOf("top_theme")]).toBe("'=battery · anode");
    expect(first[header.indexOf("authors")]).toBe("Li Wei; Smith");
    expect(rows[3][header.indexOf("theme 1: =battery · anode")]).toBe("");
    expect(a.id).not.toBe(b.id);
  });

  it("write a real .xlsx whose text cells are neutralised the same way and whose numbers stay numbers", async () => {
    await seedDocuments([...HOSTILE, "plain"]);
    await seedThemes();
    const { prepared, bytes } = await read({ dataset: "documents", format: "xlsx" });
    expect(prepared.fileName).toBe("export-study-documents.xlsx");
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK");
    const { name, rows } = await sheetOf(bytes);
    expect(name).toBe("documents");
    const header = rows[0] as string[];
    const titles = rows.slice(1).map((r) => r[header.indexOf("title")]);
    // XML turns a bare CR into LF when the workbook is read back; the apostrophe is what matters.
    expect(titles).toEqual([...HOSTILE.map((h) => safeText(h).replace(/\r/g, "\n")), "plain"]);
    expect(titles.slice(0, HOSTILE.length).every((t) => String(t).startsWith("'"))).toBe(true);
    expect(rows[1][header.indexOf("year")]).toBe(2020);
    expect(rows[1][header.indexOf("theme 1: =battery · anode")]).toBe(0.75);
    // No cell of the workbook is a formula.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    let formulas = 0;
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => (formulas += cell.type === ExcelJS.ValueType.Formula ? 1 : 0)));
    expect(formulas).toBe(0);
  });

  it("neutralise exactly the cells the CSV writer neutralises", () => {
    const cases = [...HOSTILE, "plain", "a=b", "  -", "\u00a0@x", "x\n+y", "", "0", "-", "email@x"];
    for (const value of cases) expect(csvCell(value).replace(/^"|"$/g, "").replace(/""/g, '"').startsWith("'"), JSON.stringify(value)).toBe(safeText(value).startsWith("'"));
  });

  it("page through a large study in id order without losing or repeating a row", async () => {
    const n = 1234;
    await seedDocuments(Array.from({ length: n }, (_, i) => `Document ${i}`));
    const { bytes } = await read({ dataset: "documents", format: "csv" });
    const rows = parseCsv(text(bytes).slice(1)).slice(1);
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r[0])).size).toBe(n);
    expect(rows.map((r) => r[0])).toEqual([...rows.map((r) => r[0])].sort());
  });
});

describe("theme exports", () => {
  it("give each theme's indicators and the home country's position", async () => {
    await seedDocuments(["a", "b"]);
    await seedThemes();
    const { prepared, bytes } = await read({ dataset: "themes", format: "csv" });
    expect(prepared.fileName).toBe("export-study-themes-v1.csv");
    const [header, ...rows] = parseCsv(text(bytes).slice(1));
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => [r[col("label")], r[col("volume")], r[col("growth_per_year")], r[col("life_cycle_stage")], r[col("leader_country")], r[col("home_share")], r[col("home_rank")], r[col("home_position")]])).toEqual([
      // 0.4 < 75 % of the leader's 0.6: following.
      ["'=battery · anode", "3", "0.25", "growing", "US", "0.4", "2", "following"],
      ["qubit · gate", "1", "0.25", "growing", "CN", "0.6", "1", "leading"],
    ]);
    const years = await read({ dataset: "theme-years", format: "xlsx" });
    const sheet = await sheetOf(years.bytes);
    expect(sheet.rows).toEqual([
      ["theme_id", "index", "label", "year", "volume", "document_count", "international_share", "cross_sector_share", "top_countries"],
      [expect.any(String), 0, "'=battery · anode", 2020, 0.75, 1, 0, null, "DE 0.75"].map((v) => (v === null ? undefined : v)),
    ]);
  });

  it("refuse a study without themes and a missing version", async () => {
    await expect(read({ dataset: "themes" })).rejects.toMatchObject({ code: "conflict" });
    await seedDocuments(["a", "b"]);
    await seedThemes();
    await expect(read({ dataset: "themes", version: 7 })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("round exports", () => {
  async function answeredRound(experts: number, options: { close?: boolean; minN?: number } = {}) {
    const round = await createRound({ studyId, items: 2, minN: options.minN ?? 3 });
    const panel: Viewer[] = [];
    for (let i = 0; i < experts; i++) {
      const expert = await createInvitedExpert(round.id, { name: `Secret Expert ${i}`, email: `secret.${i}@example.test` });
      panel.push(expert);
      await saveAnswers(expert, { roundId: round.id, submit: true, answers: round.items.map((item, j) => ({ itemId: item.id, questionKey: "importance", value: ((i + j) % 5) + 1, dontKnow: false })) });
    }
    // One academic among the others: a sector group below the minimum n, withheld with its complement.
    await db().expertProfile.update({ where: { userId: panel[0].id }, data: { sector: "ACADEMIA" } });
    if (options.close !== false) await closeRound(round.id, admin.id);
    return { round, panel };
  }

  it("key answers by the round's pseudonyms and carry nothing that names an expert", async () => {
    const { round, panel } = await answeredRound(4);
    for (const format of ["csv", "xlsx"] as const) {
      const { prepared, bytes } = await read({ dataset: "answers", format, round: round.id });
      expect(prepared.fileName).toBe(`export-study-round-1-answers.${format}`);
      const rows = format === "csv" ? parseCsv(text(bytes).slice(1)) : (await sheetOf(bytes)).rows.map((r) => r.map((c) => (c === undefined ? "" : String(c))));
      expect(rows[0]).toEqual(["expert", "item", "item_title", "question", "value", "choice", "choices", "text", "dont_know", "revision"]);
      expect(rows).toHaveLength(1 + 4 * 2);
      expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(["Expert 1", "Expert 2", "Expert 3", "Expert 4"]));
      // Ordered by pseudonym, then item.
      expect(rows.slice(1).map((r) => `${r[0]}/${r[1]}`)).toEqual(["Expert 1/1", "Expert 1/2", "Expert 2/1", "Expert 2/2", "Expert 3/1", "Expert 3/2", "Expert 4/1", "Expert 4/2"]);
      const everything = format === "csv" ? text(bytes) : JSON.stringify(rows);
      for (const expert of panel) {
        expect(everything).not.toContain(expert.id);
        expect(everything).not.toContain(expert.email);
        expect(everything).not.toContain(expert.name);
      }
    }
    // The values are the submitted ones, whoever is behind each pseudonym.
    const { bytes } = await read({ dataset: "answers", format: "csv", round: round.id });
    const values = parseCsv(text(bytes).slice(1)).slice(1).map((r) => Number(r[4])).sort();
    expect(values).toEqual(panel.flatMap((_, i) => [((i + 0) % 5) + 1, ((i + 1) % 5) + 1]).sort());
    expect(await db().auditLog.count({ where: { action: "round.export_answers", entityId: round.id } })).toBe(3);
  });

  it("withhold answers from planners until the round is closed and has the minimum number of experts; admins may take them", async () => {
    const open = await answeredRound(3, { close: false });
    await expect(read({ dataset: "answers", round: open.round.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(read({ dataset: "statistics", round: open.round.id })).rejects.toMatchObject({ code: "conflict" });
    const { bytes } = await read({ dataset: "answers", round: open.round.id }, admin);
    expect(parseCsv(text(bytes).slice(1))).toHaveLength(1 + 3 * 2);
    await db().round.update({ where: { id: open.round.id }, data: { status: "CLOSED", closedAt: new Date() } });
    await db().round.update({ where: { id: open.round.id }, data: { minN: 5 } });
    await expect(read({ dataset: "answers", round: open.round.id })).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/Fewer than 5/) });
  });

  it("export statistics as stored, with rows below the minimum n withheld", async () => {
    const { round } = await answeredRound(3, { minN: 3 });
    const { bytes } = await read({ dataset: "statistics", format: "csv", round: round.id });
    const [header, ...rows] = parseCsv(text(bytes).slice(1));
    const col = (name: string) => header.indexOf(name);
    const overall = rows.filter((r) => r[col("subgroup")] === "all");
    expect(overall.map((r) => [r[col("item")], r[col("n")], r[col("withheld")]])).toEqual([["1", "3", "false"], ["2", "3", "false"]]);
    const stored = await db().itemStatistic.findMany({ where: { roundId: round.id, subgroup: "all" }, include: { item: true }, orderBy: { item: { position: "asc" } } });
    expect(overall.map((r) => Number(r[col("median")]))).toEqual(stored.map((s) => s.median));
    const withheld = rows.filter((r) => r[col("withheld")] === "true");
    expect(withheld.length).toBeGreaterThan(0);
    for (const r of withheld) expect([r[col("mean")], r[col("median")], r[col("distribution")]]).toEqual(["", "", ""]);
    const items = await read({ dataset: "items", format: "csv", round: round.id });
    expect(parseCsv(text(items.bytes).slice(1)).slice(1).map((r) => [r[0], r[2]])).toEqual([["1", "Item 1"], ["2", "Item 2"]]);
  });

  it("refuse experts, unknown datasets, and rounds of another study", async () => {
    const expert = await viewer("EXPERT", "Eve Expert");
    await expect(read({ dataset: "documents" }, expert)).rejects.toMatchObject({ code: "forbidden" });
    await expect(read({ dataset: "passwords" as never })).rejects.toMatchObject({ name: "ZodError" });
    const other = await createStudy({ name: "Other study" });
    const foreign = await createRound({ studyId: other.id });
    await expect(read({ dataset: "items", round: foreign.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(read({ dataset: "items" })).rejects.toMatchObject({ code: "invalid" });
  });
});
