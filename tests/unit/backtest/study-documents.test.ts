// A study's documents as a back-test corpus (prepared exactly as corpus files are), the default cut-off
// year, and the start form's checks.
import { describe, expect, it } from "vitest";
import { toBacktestCorpus, defaultUntil, withStudyCounts, type StudyDocumentRow } from "@/lib/backtest/study-documents";
import { parseCorpusLine } from "@/lib/backtest/read-corpus";
import { demoBacktestCorpus } from "@/lib/backtest/demo-corpus";
import { generateCorpus } from "@/lib/demo/generate-corpus";
import { backtestInputSchema } from "@/lib/backtest/start-backtest";
import type { BacktestReport } from "@/lib/backtest/run-backtest";

const row = (id: string, title: string, abstract: string, year: number | null): StudyDocumentRow => ({ id, title, abstract, year });

describe("toBacktestCorpus", () => {
  it("joins title and abstract, keeps the order, and counts documents without a year or text", () => {
    const corpus = toBacktestCorpus([
      row("d1", "Solid electrolytes", "Sulfide separators for lithium metal.", 2019),
      row("d2", "Undated", "No year here.", null),
      row("d3", "Qubits", "", 2020),
      row("d4", "  ", "Only an abstract.", 2021),
      row("d5", " ", "", 2022),
      row("d6", "", "", null),
    ]);
    expect(corpus).toEqual({
      documents: [
        { id: "d1", text: "Solid electrolytes. Sulfide separators for lithium metal.", year: 2019 },
        { id: "d3", text: "Qubits", year: 2020 },
        { id: "d4", text: "Only an abstract.", year: 2021 },
      ],
      withoutYear: 2,
      withoutText: 1,
    });
  });

  it("prepares a document's text exactly as a corpus file line with the same title and abstract", () => {
    const line = parseCorpusLine(JSON.stringify({ id: "x", title: "LEO constellations", abstract: "Inter-satellite links at 1550 nm.", year: 2018 }), { position: 1, line: 1 });
    const [document] = toBacktestCorpus([row("x", "LEO constellations", "Inter-satellite links at 1550 nm.", 2018)]).documents;
    expect(document).toEqual(line);
  });

  it("gives the demo study's records the same documents the demo back-test corpus is built from", () => {
    const { records } = generateCorpus({ seed: 5 });
    const demo = demoBacktestCorpus({ seed: 5 });
    const corpus = toBacktestCorpus(records.map((r) => row(r.id, r.title, r.abstract, r.year)));
    expect(corpus.withoutYear + corpus.withoutText).toBe(0);
    expect(corpus.documents).toEqual(demo.documents);
  });
});

describe("withStudyCounts", () => {
  it("counts the unusable documents among the study's documents and the ignored ones", () => {
    const report = { corpus: { documents: 100, train: 70, test: 25, ignored: 5, vocabulary: 300, tokens: 5000, testYears: [2021, 2022] } } as BacktestReport;
    const stored = withStudyCounts(report, { documents: [], withoutYear: 3, withoutText: 1 });
    expect(stored.corpus).toEqual({ documents: 104, train: 70, test: 25, ignored: 9, vocabulary: 300, tokens: 5000, testYears: [2021, 2022], withoutYear: 3, withoutText: 1 });
  });
});

const uniform = (from: number, to: number, documents: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, documents }));

describe("defaultUntil", () => {
  it("takes the latest year that leaves at least a quarter of the documents after it", () => {
    // 140 documents over 2012–2025: after 2021 come 40 (≥ 35), after 2022 only 30.
    expect(defaultUntil(uniform(2012, 2025, 10))).toBe(2021);
    // 8 documents: after 2020 come 3 (≥ 2), after 2019 would be 5, and 2021 has only one later year.
    expect(defaultUntil([{ year: 2022, documents: 2 }, { year: 2018, documents: 1 }, { year: 2020, documents: 2 }, { year: 2019, documents: 2 }, { year: 2021, documents: 1 }])).toBe(2020);
  });

  it("keeps two later years with documents, so that growth can be measured", () => {
    // A doubling corpus: after 2021 come 16 of 31 documents, but 2022 is its only later year.
    expect(defaultUntil([{ year: 2018, documents: 1 }, { year: 2019, documents: 2 }, { year: 2020, documents: 4 }, { year: 2021, documents: 8 }, { year: 2022, documents: 16 }])).toBe(2020);
    // Years without documents do not count as later years.
    expect(defaultUntil([{ year: 2010, documents: 5 }, { year: 2011, documents: 0 }, { year: 2012, documents: 5 }, { year: 2013, documents: 5 }])).toBe(2010);
  });

  it("falls back to the earliest possible year when none leaves a quarter, and to null with fewer than three years", () => {
    expect(defaultUntil([{ year: 2010, documents: 100 }, { year: 2011, documents: 1 }, { year: 2012, documents: 1 }, { year: 2013, documents: 1 }])).toBe(2010);
    expect(defaultUntil([{ year: 2020, documents: 5 }, { year: 2021, documents: 5 }])).toBeNull();
    expect(defaultUntil([])).toBeNull();
  });
});

describe("the start form's checks", () => {
  const defaults = { datedDocuments: 140, firstYear: 2012, lastYear: 2025, until: 2021, horizon: 4, k: 10, seed: 42, iterations: 200 };
  const schema = backtestInputSchema(defaults);

  it("fills blank fields with the defaults, the horizon reaching the last year", () => {
    expect(schema.parse({ studyId: "s", until: "", horizon: "", k: "", seed: "", iterations: "" })).toEqual({ studyId: "s", until: 2021, horizon: 4, k: 10, seed: 42, iterations: 200 });
    expect(schema.parse({ studyId: "s", until: "2015", k: "5" })).toEqual({ studyId: "s", until: 2015, horizon: 10, k: 5, seed: 42, iterations: 200 });
  });

  it("refuses a cut-off outside the study's years, a horizon under 2 and K outside 3–200, saying what is allowed", () => {
    const message = (input: object) => schema.safeParse({ studyId: "s", ...input }).error?.issues[0]?.message;
    expect(message({ until: "2011" })).toBe("The cut-off year must be within the years of the study's documents, 2012–2025");
    expect(message({ until: "2026" })).toBe("The cut-off year must be within the years of the study's documents, 2012–2025");
    expect(message({ until: "2020.5" })).toBe("The cut-off year must be a whole number");
    expect(message({ horizon: "1" })).toBe("The horizon must be at least 2 years: growth is measured over two years or more");
    expect(message({ horizon: "51" })).toBe("The horizon can be at most 50 years");
    expect(message({ k: "2" })).toBe("Use at least 3 themes: Spearman's ρ compares three or more");
    expect(message({ k: "201" })).toBe("Use at most 200 themes");
    expect(message({ seed: "-1" })).toBe("The seed must be 0 or more");
    expect(message({ k: "many" })).toBe("The number of themes must be a number");
  });

  it("asks for a cut-off when the documents span too few years for a default", () => {
    const short = backtestInputSchema({ ...defaults, firstYear: 2020, lastYear: 2021, until: null, horizon: null });
    expect(short.safeParse({ studyId: "s" }).error?.issues[0]?.message).toBe("Give a cut-off year: the study's documents span too few years for a default");
    expect(short.parse({ studyId: "s", until: "2020" })).toEqual({ studyId: "s", until: 2020, horizon: 2, k: 10, seed: 42, iterations: 200 });
  });
});
