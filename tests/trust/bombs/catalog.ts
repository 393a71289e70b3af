// The hostile files of the bomb tests: entity expansion and external entities in every XML format,
// string-macro expansion in BibTeX, gzip and zip bombs, a 200 MB line in every line-based reader, and
// nesting deep enough to overflow a recursive parser. Large inputs are generated while they are read,
// archives are written once to a temporary folder (about 1 MB each), so nothing big sits on disk.
import { createReadStream, writeFileSync } from "node:fs";
import path from "node:path";
import type { FormatId } from "@/lib/ingest/formats";
import { gzipBomb, zipBomb, zipFile } from "../archives";

const MB = 1024 * 1024;
const GB = 1024 * MB;

export type Bomb = {
  name: string;
  /** What the figure line calls it. */
  what: string;
  prepare?(dir: string): Promise<void>;
  input(dir: string, full: boolean): AsyncIterable<Uint8Array>;
  format?: FormatId;
  /** The clear message expected, as the refusal or as the per-record error. */
  message: RegExp;
  /** Text that must appear in no result (an entity's expansion, a local file's content). */
  forbidden?(dir: string): string[];
  /** An open defect (known-defects.ts) this bomb still shows; the test then expects the checks to fail. */
  knownDefect?: string;
};

const encoder = new TextEncoder();

async function* text(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield encoder.encode(part);
}

/** `before`, then `size` bytes of `unit` in 1 MB chunks made as they are read, then `after`. */
async function* longRun(before: string, unit: string, size: number, after: string): AsyncGenerator<Uint8Array> {
  yield encoder.encode(before);
  const block = encoder.encode(unit.repeat(Math.floor(MB / unit.length))); // whole units, so none is cut in two
  for (let left = size; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
  yield encoder.encode(after);
}

const lineSize = (full: boolean) => (full ? 200 * MB : 40 * MB);

// XML roots that make each XML reader take the file, and where a record's title goes.
const XML_ROOTS: { format: FormatId; open: string; close: string }[] = [
  { format: "pubmed-xml", open: "<PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>", close: "</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>" },
  { format: "uspto-xml", open: "<us-patent-grant><us-bibliographic-data-grant><invention-title>", close: "</invention-title></us-bibliographic-data-grant></us-patent-grant>" },
  { format: "ep-xml", open: '<ep-patent-document id="EP1" country="EP"><SDOBI><B500><B540><B541>en</B541><B542>', close: "</B542></B540></B500></SDOBI></ep-patent-document>" },
  { format: "nsf-award", open: "<rootTag><Award><AwardID>1</AwardID><AwardTitle>", close: "</AwardTitle></Award></rootTag>" },
];

function laughs(): string {
  const levels = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
  return levels.join("\n");
}

const canary = (dir: string) => path.join(dir, "canary.txt");
const CANARY = "trust-canary-7d1f0c5e-never-read";

const xmlBombs: Bomb[] = XML_ROOTS.flatMap(({ format, open, close }) => [
  {
    name: `billion-laughs-${format}`,
    what: `billion laughs (${format})`,
    format,
    input: () => text(`<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${laughs()}\n]>\n`, open, "&lol9;", close),
    message: /entit/i,
    forbidden: () => ["lollollol"],
  },
  {
    name: `quadratic-blowup-${format}`,
    what: `quadratic blow-up (${format})`,
    format,
    input: () => text(`<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "${"a".repeat(100_000)}">]>\n`, open, "&a;".repeat(50_000), close),
    message: /entit/i,
    forbidden: () => ["a".repeat(200_000)],
  },
  {
    name: `external-entity-${format}`,
    what: `external entity (${format})`,
    format,
    prepare: async (dir) => writeFileSync(canary(dir), CANARY),
    input: (dir) =>
      text(
        `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY canary SYSTEM "file://${canary(dir)}"><!ENTITY passwd SYSTEM "file:///etc/passwd">` +
          `<!ENTITY % remote SYSTEM "file://${canary(dir)}"> %remote;]>\n`,
        open, "&canary; &passwd;", close,
      ),
    message: /entit/i,
    forbidden: () => [CANARY, "root:x:0:0"],
  },
]);

const archiveBombs: Bomb[] = [
  {
    name: "gzip-bomb",
    what: "gzip bomb (1 GB in ~1 MB)",
    prepare: async (dir) => writeFileSync(path.join(dir, "bomb.ris.gz"), await gzipBomb("TY  - JOUR\nTI  - ", GB)),
    input: (dir) => createReadStream(path.join(dir, "bomb.ris.gz")),
    message: /gzip file inflates to more than \d+ times its compressed size/,
  },
  {
    name: "zip-bomb",
    what: "zip bomb (1 GB in ~1 MB, sizes in a descriptor)",
    prepare: async (dir) => writeFileSync(path.join(dir, "bomb.zip"), await zipBomb("savedrecs.ris", "TY  - JOUR\nTI  - ", GB)),
    input: (dir) => createReadStream(path.join(dir, "bomb.zip")),
    message: /"savedrecs.ris" in the zip archive inflates to more than \d+ times its compressed size/,
  },
  {
    name: "nested-zip-bomb",
    what: "nested zip bomb (42.zip-style)",
    prepare: async (dir) => {
      const inner = await zipBomb("inner.ris", "TY  - JOUR\nTI  - ", 256 * MB);
      writeFileSync(path.join(dir, "nested.zip"), zipFile([1, 2, 3].map((i) => ({ name: `part${i}.zip`, data: inner, method: 0 }))));
    },
    input: (dir) => createReadStream(path.join(dir, "nested.zip")),
    message: /holds another compressed file/,
  },
];

// A record with one enormous line, in each reader that reads lines or tokens.
const LONG_LINES: { format: FormatId; before: string; unit: string; after: string }[] = [
  { format: "ris", before: "TY  - JOUR\nTI  - ", unit: "x", after: "\nER  - \n" },
  { format: "csv", before: "Title,Year\n\"", unit: "x", after: '",2020\n' },
  { format: "jsonl", before: '{"title":"ok"}\n{"title":"', unit: "x", after: '"}\n' },
  { format: "bibtex", before: "@article{k,\n title = {", unit: "x", after: "}\n}\n" },
  { format: "pubmed-xml", before: "<PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>", unit: "x", after: "</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>" },
  { format: "nih-reporter", before: '{"results":[{"appl_id":1,"project_num":"R01","project_title":"', unit: "x", after: '"}]}' },
];

const lineBombs: Bomb[] = [
  ...LONG_LINES.map(({ format, before, unit, after }) => ({
    name: `long-line-${format}`,
    what: `one 200 MB line (${format})`,
    format,
    input: (_: string, full: boolean) => longRun(before, unit, lineSize(full), after),
    message: /longer than|larger than|too long|too large|exceed|Max/i,
  })),
  {
    name: "long-line-undetected",
    what: "200 MB without a line break (auto-detected)",
    input: (_: string, full: boolean) => longRun("", "x", lineSize(full), ""),
    message: /Unrecognised file format/,
  },
];

// Nesting that a recursive parser or tree walker would follow until its stack runs out.
const nestingBombs: Bomb[] = [
  {
    name: "deep-nesting-jsonl",
    what: "5 million nested JSON arrays (jsonl)",
    format: "jsonl",
    input: () => longRun('{"title":"ok"}\n{"title":', "[", 5_000_000, "\n"),
    message: /JSON|record|line/i,
  },
  {
    name: "deep-nesting-nih-reporter",
    what: "5 million nested JSON arrays (nih-reporter)",
    format: "nih-reporter",
    input: () => longRun('{"results":[{"appl_id":1,"project_num":"R01","project_title":', "[", 5_000_000, ""),
    message: /JSON|record|project|nested/i,
  },
  {
    name: "deep-nesting-xml",
    what: "1 million nested elements (pubmed-xml)",
    format: "pubmed-xml",
    input: () => longRun("<PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>", "<i>", 3_000_000, "</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"),
    message: /record|large|longer|deep|nest/i,
  },
  {
    name: "bibtex-string-laughs",
    what: "BibTeX @string expansion (billion laughs)",
    format: "bibtex",
    input: () => {
      const levels = ['@string{l0 = "lollollollol"}'];
      for (let i = 1; i <= 9; i++) levels.push(`@string{l${i} = ${Array(10).fill(`l${i - 1}`).join(" # ")}}`);
      return text(`${levels.join("\n")}\n@article{k,\n title = l9\n}\n`);
    },
    message: /string|long|large|expan/i,
    forbidden: () => ["lollollollol".repeat(1000)],
  },
];

export const BOMBS: Bomb[] = [...xmlBombs, ...archiveBombs, ...lineBombs, ...nestingBombs];

export function bombNamed(name: string): Bomb {
  const bomb = BOMBS.find((b) => b.name === name);
  if (!bomb) throw new Error(`No bomb named ${name}`);
  return bomb;
}
