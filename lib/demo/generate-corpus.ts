// The demo study's corpus: synthetic documents on eight themes with planted trends, and
// the truth the analysis is expected to rediscover.
import { draftRecord, type Draft } from "./draft-record";
import { createRng } from "./prng";
import { expectedCount, lifeCyclePhase } from "./trend";
import type { DemoRecord, DemoTruth, ThemeTruth } from "./types";
import { THEMES } from "./vocabularies";
import { toCsv } from "./write-csv";
import { toRis } from "./write-ris";

export type { DemoRecord, DemoTruth, ThemeTruth } from "./types";

export type GenerateCorpusOptions = {
  seed: number;
  /** First and last year, inclusive. Default [2012, 2025]. */
  years?: [number, number];
  /** Multiplies every theme's expected volume. 1 gives about 600 documents. */
  scale?: number;
};

export type DemoCorpus = { records: DemoRecord[]; truth: DemoTruth };

export const DEFAULT_YEARS: [number, number] = [2012, 2025];

/**
 * Each theme's yearly volume is a Poisson draw around its trend curve; every document is
 * then drafted from the theme's vocabulary. Same seed, same corpus.
 * @example generateCorpus({ seed: 1 }).records.length // => about 600
 */
export function generateCorpus(options: GenerateCorpusOptions): DemoCorpus {
  const { seed, years = DEFAULT_YEARS, scale = 1 } = options;
  const [first, last] = years;
  if (!Number.isInteger(seed)) throw new Error("seed must be an integer");
  if (!Number.isInteger(first) || !Number.isInteger(last) || first > last || first < 1900) {
    throw new Error(`years must be two whole years in order, got [${first}, ${last}]`);
  }
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error("scale must be a positive number");

  const rng = createRng(seed);
  const yearList = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const takenTitles = new Set<string>();
  const drafts: Draft[] = [];

  const themes = THEMES.map((theme): ThemeTruth => {
    const expected = yearList.map((year) => expectedCount(theme.trend, year) * scale);
    // The phase comes from the whole curve, so the kind mix does not depend on the window.
    const phases = lifeCyclePhase(expected);
    const perYear = yearList.map((year, i) => {
      const planted = rng.poisson(expected[i]);
      for (let k = 0; k < planted; k++) {
        drafts.push(draftRecord({ rng, theme, year, phase: phases[i], takenTitles }));
      }
      return { year, expected: Math.round(expected[i] * 100) / 100, planted };
    });
    const total = perYear.reduce((sum, y) => sum + y.planted, 0);
    return { themeId: theme.id, label: theme.label, trendKind: theme.trend.kind, trend: theme.trend, perYear, total };
  });

  return { records: assignIdentifiers(drafts), truth: { seed, years: [first, last], scale, themes } };
}

export type DemoFile = { name: string; content: string };

/**
 * The demo study's two files, as an analyst would bring them: papers and conference papers
 * as RIS from a bibliographic database, patents and news as a CSV export.
 */
export function demoFiles(seed: number): DemoFile[] {
  const { records } = generateCorpus({ seed });
  const isPaper = (r: DemoRecord) => r.kind === "PAPER" || r.kind === "CONFERENCE_PAPER";
  return [
    { name: "demo-papers.ris", content: toRis(records.filter(isPaper)) },
    { name: "demo-patents-news.csv", content: toCsv(records.filter((r) => !isPaper(r))) },
  ];
}

/** Orders by date and gives ids, DOIs (papers) and patent numbers (patents); news gets neither. */
function assignIdentifiers(drafts: Draft[]): DemoRecord[] {
  const sorted = [...drafts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const doiSerial = new Map<number, number>();
  let patentSerial = 0;
  return sorted.map((draft, i) => {
    const record: DemoRecord = { id: `demo-${pad(i + 1, 5)}`, ...draft };
    if (draft.kind === "PAPER" || draft.kind === "CONFERENCE_PAPER") {
      const serial = (doiSerial.get(draft.year) ?? 0) + 1;
      doiSerial.set(draft.year, serial);
      record.doi = `10.5555/demo.${draft.year}.${pad(serial, 5)}`;
    } else if (draft.kind === "PATENT") {
      record.patentNumber = patentNumber(draft.countries[0], draft.year, ++patentSerial);
    }
    return record;
  });
}

const EPO_COUNTRIES = new Set(["DE", "FR", "GB", "NL", "CH", "SE"]);

/** Publication numbers shaped like each office's own (CN, US, JP, KR, EP, else WO). */
export function patentNumber(country: string, year: number, serial: number): string {
  if (country === "CN") return `CN${110_000_000 + serial}A`;
  if (country === "US") return `US${11_000_000 + serial}B2`;
  if (country === "JP") return `JP${year}${pad(serial, 6)}A`;
  if (country === "KR") return `KR10${year}${pad(serial, 7)}A`;
  if (EPO_COUNTRIES.has(country)) return `EP${3_000_000 + serial}A1`;
  return `WO${year}${pad(serial, 6)}A1`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
