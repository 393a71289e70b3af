// `foresight import FILE`: the same import as an upload, read straight from disk in this process.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { findOrCreateStudy } from "@/lib/studies/create-study";
import { runImport, type ImportProgress, type ImportSummary } from "@/lib/ingest/run-import";
import type { CsvMapping } from "@/lib/ingest/csv-mapping";
import type { FormatId } from "@/lib/ingest/formats";
import type { DocumentKind } from "./record";

export type ImportFileOptions = {
  file: string;
  studyName: string;
  format?: FormatId | "auto";
  mapping?: CsvMapping;
  /** The kind of CSV / JSON Lines records that do not state one. */
  defaultKind?: DocumentKind;
  onProgress?: (p: ImportProgress) => void;
};

export async function importFile(options: ImportFileOptions): Promise<ImportSummary & { importId: string; studyId: string }> {
  const info = await stat(options.file);
  const study = await findOrCreateStudy(options.studyName, null);
  const row = await db().import.create({
    data: { studyId: study.id, fileName: path.basename(options.file), fileSize: info.size, defaultKind: options.defaultKind, status: "RUNNING", startedAt: new Date() },
  });
  await recordAudit({ actorId: null, action: "import.start", entity: "import", entityId: row.id, studyId: study.id, data: { fileName: row.fileName, via: "cli" } });
  try {
    const summary = await runImport({ importId: row.id, bytes: createReadStream(options.file), format: options.format, mapping: options.mapping, onProgress: options.onProgress });
    return { ...summary, importId: row.id, studyId: study.id };
  } catch (error) {
    await db().import.update({ where: { id: row.id }, data: { status: "FAILED", error: (error as Error).message, finishedAt: new Date() } });
    throw error;
  }
}
