// An upload becomes an import row, its bytes go to upload_chunk, and a job is queued to parse them.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { enqueue } from "@/lib/jobs/queues";
import { AppError, invalid, keyedError } from "@/lib/errors";
import type { CsvMapping } from "@/lib/ingest/csv-mapping";
import { getFormat } from "@/lib/ingest/formats";
import type { DocumentKind } from "@/lib/ingest/record";

const CHUNK = 4 * 1024 * 1024;

export type StartImportOptions = {
  studyId: string;
  fileName: string;
  body: AsyncIterable<Uint8Array>;
  actorId: string;
  limitBytes: number;
  /** A format id to use instead of detection; "auto" or absent detects. */
  format?: string;
  /** Column mapping for generic CSV / JSON Lines (already validated with ZCsvMapping). */
  mapping?: CsvMapping;
  /** The kind of CSV / JSON Lines records that do not state one. */
  defaultKind?: DocumentKind;
};

export async function startImport(options: StartImportOptions) {
  const fileName = options.fileName.replace(/[\\/]/g, "_").slice(0, 255) || "upload";
  const format = options.format && options.format !== "auto" ? options.format : null;
  if (format && !getFormat(format)) throw invalid("imports.unknownFormat", { format });
  const row = await db().import.create({
    data: { studyId: options.studyId, fileName, format, mapping: options.mapping, defaultKind: options.defaultKind, status: "QUEUED", createdById: options.actorId },
  });
  try {
    const { size, hash } = await storeChunks(row.id, options.body, options.limitBytes);
    if (size === 0) throw invalid("imports.empty");
    await db().import.update({ where: { id: row.id }, data: { fileSize: size, fileHash: hash } });
  } catch (error) {
    await db().uploadChunk.deleteMany({ where: { importId: row.id } });
    const refusal = error instanceof AppError ? error : invalid("imports.interrupted");
    await db().import.update({ where: { id: row.id }, data: { status: "FAILED", error: refusal.message, finishedAt: new Date() } });
    throw refusal;
  }
  await recordAudit({ actorId: options.actorId, action: "import.start", entity: "import", entityId: row.id, studyId: options.studyId, data: { fileName } });
  await enqueue("ingest.import", row.id);
  return row;
}

async function storeChunks(importId: string, body: AsyncIterable<Uint8Array>, limitBytes: number) {
  const hash = createHash("sha256");
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    await db().uploadChunk.create({ data: { importId, seq: seq++, data: Buffer.concat(pending) } });
    pending = [];
    pendingBytes = 0;
  };
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limitBytes) throw keyedError("too_large", "imports.tooLarge", { limit: formatBytes(limitBytes) });
    hash.update(chunk);
    pending.push(Buffer.from(chunk));
    pendingBytes += chunk.byteLength;
    if (pendingBytes >= CHUNK) await flush();
  }
  await flush();
  return { size, hash: hash.digest("hex") };
}

/** The stored bytes of an upload, chunk by chunk, never the whole file in memory. */
export async function* uploadedBytes(importId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const chunk = await db().uploadChunk.findUnique({ where: { importId_seq: { importId, seq } } });
    if (!chunk) return;
    yield chunk.data;
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
