// File imports through the upload path (startImport → processImport) and the streaming runImport.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { startImport } from "@/lib/ingest/start-import";
import { processImport } from "@/lib/ingest/process-import";
import { runImport } from "@/lib/ingest/run-import";
import { readRecords } from "@/lib/ingest/read-records";
import { prepareRecord, toWire, type PreparedRecord } from "@/lib/ingest/prepare-record";
import { storeRecords } from "@/lib/ingest/store-records";
import { closeQueues } from "@/lib/jobs/queues";
import { bytesOf, createStudy, createUser, resetDatabase, risFile } from "./helpers";

let admin: Awaited<ReturnType<typeof createUser>>;
let studyId: string;

beforeEach(async () => {
  await resetDatabase();
  admin = await createUser({ role: "ADMIN" });
  studyId = (await createStudy({ actorId: admin.id })).id;
});

afterAll(async () => {
  await closeQueues();
  await disconnectDb();
});

const THREE = risFile([
  { title: "Solid electrolytes for lithium metal", doi: "10.1000/a", year: 2021 },
  { title: "Sulfide separators at scale", doi: "10.1000/b", year: 2022 },
  { title: "Interfaces in garnet cells", year: 2023 },
]);

async function upload(content: string | Uint8Array, limitBytes = 10e6) {
  return startImport({ studyId, fileName: "upload.ris", body: bytesOf(content), actorId: admin.id, limitBytes });
}

async function importNow(content: string | Uint8Array) {
  const row = await upload(content);
  await processImport(row.id);
  return db().import.findUniqueOrThrow({ where: { id: row.id }, include: { errors: true } });
}

const documentCount = () => db().document.count({ where: { studyId } });

describe("importing an uploaded file", () => {
  it("imports the good records and reports the one without a title by its position", async () => {
    const done = await importNow(risFile([{ title: "First", doi: "10.1000/1" }, { doi: "10.1000/2" }, { title: "Third", doi: "10.1000/3" }]));
    expect(done).toMatchObject({ status: "SUCCEEDED", format: "ris", recordsRead: 3, recordsImported: 2, recordsRejected: 1, recordsDuplicate: 0, progress: 1 });
    expect(done.errors).toHaveLength(1);
    expect(done.errors[0].record).toBe(2);
    expect(done.errors[0].message).toMatch(/title/);
    expect((await db().document.findMany({ where: { studyId }, orderBy: { title: "asc" } })).map((d) => d.title)).toEqual(["First", "Third"]);
    expect(await db().uploadChunk.count({ where: { importId: done.id } })).toBe(0);
  });

  it("adds nothing when the same file is imported again, and leaves the first import's documents as they were", async () => {
    const first = await importNow(THREE);
    const before = await db().document.findMany({ where: { studyId }, orderBy: { id: "asc" } });
    const second = await importNow(THREE);
    expect(first).toMatchObject({ recordsImported: 3, recordsDuplicate: 0 });
    expect(second).toMatchObject({ status: "SUCCEEDED", recordsRead: 3, recordsImported: 0, recordsDuplicate: 3, recordsRejected: 0 });
    expect(await db().document.findMany({ where: { studyId }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await db().documentSource.count({ where: { importId: second.id } })).toBe(0); // the same records: no new provenance
  });

  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x01]);
  const PROSE = "Dear colleagues,\nplease find attached the list of papers we discussed.\nBest wishes, Jane\n";

  it.each([
    ["a PNG image", PNG],
    ["plain prose", PROSE],
  ])("fails %s as an unrecognised format and leaves the study's documents alone", async (_, content) => {
    await importNow(THREE);
    const before = await documentCount();
    const failed = await importNow(content);
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(/^Unrecognised file format: expected .*RIS.* or /);
    expect(failed.recordsImported).toBe(0);
    expect(await documentCount()).toBe(before);
  });

  it("refuses an upload over the size limit and keeps none of its bytes", async () => {
    // 6 MB in 1 MB pieces: the first 4 MB chunk is already stored when the limit is crossed.
    const piece = new Uint8Array(1024 * 1024).fill(0x41);
    async function* big() {
      for (let i = 0; i < 6; i++) yield piece;
    }
    const error = await startImport({ studyId, fileName: "big.csv", body: big(), actorId: admin.id, limitBytes: 5 * 1024 * 1024 }).catch((e) => e);
    expect(error).toMatchObject({ name: "AppError", code: "too_large" });
    const row = await db().import.findFirstOrThrow({ where: { studyId, fileName: "big.csv" } });
    expect(row.status).toBe("FAILED");
    expect(row.error).toMatch(/larger than the upload limit of 5 MB/);
    expect(await db().uploadChunk.count()).toBe(0);
  });

  it("does nothing when a finished import is delivered again", async () => {
    const done = await importNow(THREE);
    const count = await documentCount();
    await processImport(done.id);
    const again = await db().import.findUniqueOrThrow({ where: { id: done.id }, include: { errors: true } });
    expect(again).toEqual(done);
    expect(await documentCount()).toBe(count);
  });

  it("finishes an import left running after a crash with every record counted once", async () => {
    const entries = [
      { title: "One", doi: "10.1000/r1" },
      { title: "Two", doi: "10.1000/r2" },
      { doi: "10.1000/r3" },
      { title: "Four", year: 2020 },
      { title: "Five", doi: "10.1000/r5" },
    ];
    const text = risFile(entries);
    const row = await upload(text);
    // The crash: the row was claimed, the first batch (records 1–2) and an error were written, then the worker died.
    await db().import.update({ where: { id: row.id }, data: { status: "RUNNING", startedAt: new Date() } });
    const { records } = await readRecords(bytesOf(text));
    const firstBatch: PreparedRecord[] = [];
    for await (const r of records) if (r.ok && r.position <= 2) firstBatch.push(prepareRecord("ris", r.position, r.record));
    expect(firstBatch).toHaveLength(2);
    await storeRecords({ studyId, importId: row.id, batch: firstBatch });
    await db().importError.create({ data: { importId: row.id, record: 3, message: "Record 3 has no title" } });

    await processImport(row.id);
    const done = await db().import.findUniqueOrThrow({ where: { id: row.id }, include: { errors: true } });
    expect(done).toMatchObject({ status: "SUCCEEDED", recordsRead: 5, recordsImported: 4, recordsDuplicate: 0, recordsRejected: 1 });
    expect(done.errors.map((e) => e.record)).toEqual([3]);
    expect(await documentCount()).toBe(4);
    const sources = await db().documentSource.findMany({ where: { importId: row.id }, orderBy: { position: "asc" } });
    expect(sources.map((s) => s.position)).toEqual([1, 2, 4, 5]);
  });

  it("keeps a record a file holds twice as one document with one provenance row, in one batch or across two", async () => {
    const line = (i: number) => JSON.stringify({ title: `Repeated record ${i}`, doi: `10.1000/twice.${i}`, year: 2021 });
    // Record 1 twice in the first batch; record 2 at the end of the first batch and again in the second.
    const lines = [line(1), line(1), ...Array.from({ length: 997 }, (_, i) => line(100 + i)), line(2), line(2)];
    const done = await importNow(`${lines.join("\n")}\n`);
    expect(done).toMatchObject({ status: "SUCCEEDED", recordsRead: 1001, recordsImported: 999, recordsDuplicate: 2, recordsRejected: 0 });
    for (const doi of ["10.1000/twice.1", "10.1000/twice.2"]) {
      const document = await db().document.findFirstOrThrow({ where: { studyId, doi }, include: { sources: true } });
      expect(document.sources).toHaveLength(1);
    }
  });

  it("parses a record that came from the reading thread only when it merges with a document", async () => {
    const text = risFile([
      { title: "Solid electrolytes for lithium metal", doi: "10.1000/w1", year: 2021 },
      { title: "Sulfide separators at scale", doi: "10.1000/w2", year: 2022 },
      { title: "Solid electrolytes for lithium metal", doi: "10.1000/w1", year: 2021 },
    ]);
    const { records } = await readRecords(bytesOf(text));
    const parsed: number[] = [];
    const batch: PreparedRecord[] = [];
    for await (const r of records) {
      if (!r.ok) continue;
      // As fromWire gives it, with each parse counted.
      const { recordJson, ...rest } = toWire(prepareRecord("ris", r.position, r.record));
      batch.push({
        ...rest,
        get record() {
          parsed.push(r.position);
          return JSON.parse(recordJson);
        },
      });
    }
    expect(await storeRecords({ studyId, importId: null, batch: batch.slice(0, 2) })).toEqual({ created: 2, merged: 0 });
    expect(parsed).toEqual([]);
    expect(await storeRecords({ studyId, importId: null, batch: batch.slice(2) })).toEqual({ created: 0, merged: 1 });
    expect(parsed).toContain(3);
    expect(await documentCount()).toBe(2);
  });

  it("merges two records with the same DOI into one document with two provenance rows", async () => {
    const done = await importNow(
      risFile([
        { title: "Quantum error correction", doi: "10.1000/SAME" },
        { title: "Other paper", doi: "10.1000/other" },
        { title: "Quantum Error Correction (preprint)", doi: "https://doi.org/10.1000/same" },
      ]),
    );
    expect(done).toMatchObject({ recordsRead: 3, recordsImported: 2, recordsDuplicate: 1 });
    const merged = await db().document.findFirstOrThrow({ where: { studyId, doi: "10.1000/same" }, include: { sources: true } });
    expect(merged.sources.map((s) => s.position).sort()).toEqual([1, 3]);
    expect(await documentCount()).toBe(2);
  });
});

describe("a requested format and a column mapping", () => {
  it("reads a CSV with unusual headers through the mapping kept on the import row", async () => {
    const csv = "Headline,Body,Published\nSodium-ion cells for grid storage,An abstract.,2019\n";
    const row = await startImport({ studyId, fileName: "news.csv", body: bytesOf(csv), actorId: admin.id, limitBytes: 1e6, format: "csv", mapping: { title: "Headline", abstract: "Body", year: "Published" } });
    await processImport(row.id);
    expect(await db().import.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SUCCEEDED", recordsImported: 1, mapping: { title: "Headline" } });
    expect(await db().document.findFirstOrThrow({ where: { studyId } })).toMatchObject({ title: "Sodium-ion cells for grid storage", abstract: "An abstract.", year: 2019 });
  });

  it("gives the kind chosen for the upload to the records that do not state one, and only to those", async () => {
    const jsonl = '{"title": "Sparse coding of natural images", "year": 2011}\n{"title": "A weekly news digest", "type": "news", "year": 2012}\n';
    const row = await startImport({ studyId, fileName: "abstracts.jsonl", body: bytesOf(jsonl), actorId: admin.id, limitBytes: 1e6, defaultKind: "PAPER" });
    await processImport(row.id);
    expect(await db().import.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SUCCEEDED", recordsImported: 2, defaultKind: "PAPER" });
    const kinds = await db().document.findMany({ where: { studyId }, orderBy: { title: "asc" }, select: { title: true, kind: true } });
    expect(kinds).toEqual([
      { title: "A weekly news digest", kind: "NEWS" },
      { title: "Sparse coding of natural images", kind: "PAPER" },
    ]);
    // Without the choice a record that does not say stays "other".
    const other = await startImport({ studyId, fileName: "more.csv", body: bytesOf("title,year\nGraph kernels revisited,2013\n"), actorId: admin.id, limitBytes: 1e6 });
    await processImport(other.id);
    expect(await db().document.findFirstOrThrow({ where: { studyId, title: "Graph kernels revisited" } })).toMatchObject({ kind: "OTHER" });
  });

  it("refuses an unknown format before storing anything", async () => {
    await expect(startImport({ studyId, fileName: "x.txt", body: bytesOf("x"), actorId: admin.id, limitBytes: 1e6, format: "docx" })).rejects.toThrow('Unknown format "docx"');
    expect(await db().import.count({ where: { studyId } })).toBe(0);
  });
});

describe("deduplication across sources", () => {
  it("merges one paper from RIS (DOI), CSV (DOI + PMID) and CSV (no identifier) into one document with three provenance rows", async () => {
    await importNow(risFile([{ title: "Dendrite suppression in lithium metal anodes", doi: "10.1000/dendrite", year: 2022 }]));
    const pubmedCsv = "title,year,doi,pmid,abstract\n\"Dendrite suppression in lithium-metal anodes.\",2022,10.1000/DENDRITE,35000001,An abstract from PubMed.\n";
    const pubmed = await importNow(pubmedCsv);
    const noIds = await importNow("title,year,keywords\nDendrite Suppression in Lithium Metal Anodes,2022,dendrite; anode\n");
    expect(pubmed).toMatchObject({ recordsImported: 0, recordsDuplicate: 1 });
    expect(noIds).toMatchObject({ recordsImported: 0, recordsDuplicate: 1 });
    const [document] = await db().document.findMany({ where: { studyId }, include: { sources: true, keys: true } });
    expect(await documentCount()).toBe(1);
    expect(document).toMatchObject({
      title: "Dendrite suppression in lithium metal anodes", doi: "10.1000/dendrite", pmid: "35000001",
      abstract: "An abstract from PubMed.", keywords: ["dendrite", "anode"],
    });
    expect(document.sources.map((s) => s.format).sort()).toEqual(["csv", "csv", "ris"]);
    expect(document.keys.map((k) => k.key).sort()).toEqual([
      "doi:10.1000/dendrite", "pmid:35000001", "title:dendrite suppression in lithium metal anodes|2022",
    ]);
  });

  it("stores records whose text holds NUL bytes (which PostgreSQL refuses) without losing the rest of the batch", async () => {
    const done = await importNow("title,year,abstract\nBroken\u0000 export of a solid-state battery paper,2020,Text with a \u0000 NUL\nA clean row about sodium-ion cells,2021,Fine\n");
    expect(done).toMatchObject({ status: "SUCCEEDED", recordsImported: 2, recordsRejected: 0 });
    const titles = (await db().document.findMany({ where: { studyId }, orderBy: { year: "asc" } })).map((d) => d.title);
    expect(titles).toEqual(["Broken export of a solid-state battery paper", "A clean row about sodium-ion cells"]);
  });

  it("keeps two papers with the same title but different DOIs apart", async () => {
    await importNow(risFile([
      { title: "A survey of solid-state battery interfaces", doi: "10.1000/one", year: 2020 },
      { title: "A survey of solid-state battery interfaces", doi: "10.1000/two", year: 2020 },
    ]));
    expect(await documentCount()).toBe(2);
  });

  it("stores one document when two imports of the same records run at the same time", async () => {
    const file = risFile(Array.from({ length: 300 }, (_, i) => ({ title: `Concurrent paper number ${i} on anodes`, doi: `10.1000/c${i}`, year: 2021 })));
    const [a, b] = await Promise.all([upload(file), upload(file)]);
    await Promise.all([processImport(a.id), processImport(b.id)]);
    expect(await documentCount()).toBe(300);
    expect(await db().documentKey.count({ where: { studyId } })).toBe(600); // doi + title per document
  });
});

describe("streaming a large file", () => {
  it("imports 20,000 generated CSV rows, streamed in chunks, with every row counted", async () => {
    const rows = 20_000;
    async function* csv(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("title,year,doi,abstract\n");
      for (let start = 0; start < rows; start += 500) {
        const lines = [];
        for (let i = start; i < start + 500; i++) lines.push(`"Generated paper ${i}, on topic ${i % 7}",${2000 + (i % 25)},10.5555/gen.${i},Abstract number ${i}`);
        yield Buffer.from(`${lines.join("\n")}\n`);
      }
    }
    const row = await db().import.create({ data: { studyId, fileName: "large.csv", status: "RUNNING" } });
    const summary = await runImport({ importId: row.id, bytes: csv() });
    expect(summary).toEqual({ format: "csv", records: rows, imported: rows, duplicates: 0, errors: [] });
    expect(await documentCount()).toBe(rows);
    expect(await db().import.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SUCCEEDED", recordsImported: rows });
    const sample = await db().document.findFirstOrThrow({ where: { studyId, doi: "10.5555/gen.12345" } });
    expect(sample).toMatchObject({ title: "Generated paper 12345, on topic 4", year: 2020 });
  });
});
