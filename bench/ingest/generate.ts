// Generated import files for the ingest benchmark: the demo corpus's records (realistic English
// titles and abstracts with authors, affiliations and keywords), cycled with unique identifiers to any
// length, written as a stream so a million records never sit in memory.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { generateCorpus, type DemoRecord } from "@/lib/demo/generate-corpus";

export type BenchFormat = "jsonl" | "csv" | "ris" | "wos";

type Row = { id: string; title: string; abstract: string; year: number; doi: string; authors: string[]; keywords: string[]; affiliation: string };

function* rows(count: number): Generator<Row> {
  const base: DemoRecord[] = generateCorpus({ seed: 7, scale: 10 }).records;
  for (let i = 0; i < count; i++) {
    const r = base[i % base.length];
    yield {
      id: `bench-${i}`,
      title: `${r.title} (${i})`,
      abstract: r.abstract,
      year: r.year,
      doi: `10.5555/bench.${i}`,
      authors: r.authors,
      keywords: r.keywords,
      affiliation: r.affiliations[0] ?? "",
    };
  }
}

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

function serialise(format: BenchFormat, row: Row): string {
  switch (format) {
    case "jsonl":
      return `${JSON.stringify(row)}\n`;
    case "csv":
      return `${[row.title, row.abstract, String(row.year), row.doi, row.authors.join("; "), row.keywords.join("; "), row.affiliation, row.id].map(csvCell).join(",")}\n`;
    case "ris":
      return `TY  - JOUR\n${row.authors.map((a) => `AU  - ${a}\n`).join("")}TI  - ${row.title}\nAB  - ${row.abstract}\nPY  - ${row.year}\nDO  - ${row.doi}\n${row.keywords.map((k) => `KW  - ${k}\n`).join("")}AD  - ${row.affiliation}\nID  - ${row.id}\nER  - \n\n`;
    case "wos":
      return `PT J\nAU ${row.authors.join("\n   ")}\nTI ${row.title}\nSO JOURNAL OF BENCHMARKS\nDE ${row.keywords.join("; ")}\nC1 ${row.affiliation}\nAB ${row.abstract}\nPY ${row.year}\nDI ${row.doi}\nUT WOS:${row.id}\nER\n\n`;
  }
}

const HEADERS: Record<BenchFormat, string> = {
  jsonl: "",
  csv: "Title,Abstract,Year,DOI,Authors,Author Keywords,Affiliations,EID\n",
  ris: "",
  wos: "FN Clarivate Analytics Web of Science\nVR 1.0\n",
};

/** Writes `count` records in `format` to `file`, respecting back-pressure. */
export async function writeBenchFile(file: string, format: BenchFormat, count: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(HEADERS[format]);
  for (const row of rows(count)) {
    if (!out.write(serialise(format, row))) await once(out, "drain");
  }
  if (format === "wos") out.write("EF\n");
  out.end();
  await once(out, "finish");
}
