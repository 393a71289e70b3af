// Writes a batch of parsed records: one document per dedup key, one provenance row per source record.
// Idempotent: a redelivered batch adds nothing (unique keys + ON CONFLICT DO NOTHING).
import { db } from "@/lib/db";
import type { NormalisedRecord } from "@/lib/ingest/record";
import { contentHash, dedupKey } from "@/lib/ingest/dedup-key";

export type StoredRecord = { position: number; record: NormalisedRecord };

export async function storeRecords(options: { studyId: string; importId: string | null; format: string; batch: StoredRecord[] }): Promise<void> {
  const { studyId, importId, format, batch } = options;
  if (batch.length === 0) return;
  const keyed = batch.map((b) => ({ ...b, key: dedupKey(b.record) }));
  await db().$transaction(async (tx) => {
    await tx.document.createMany({
      data: keyed.map(({ record: r, key }) => ({
        studyId,
        kind: r.kind,
        title: r.title,
        abstract: r.abstract,
        language: r.language,
        publishedOn: r.publishedOn ? new Date(`${r.publishedOn}T00:00:00Z`) : null,
        year: r.year,
        authors: r.authors,
        affiliations: r.affiliations,
        countries: r.countries,
        keywords: r.keywords,
        classifications: r.classifications,
        assignees: r.assignees,
        venue: r.venue,
        citationCount: r.citationCount,
        doi: r.doi,
        patentNumber: r.patentNumber,
        arxivId: r.arxivId,
        pmid: r.pmid,
        dedupKey: key,
        contentHash: contentHash(r),
        flags: qualityFlags(r),
      })),
      skipDuplicates: true,
    });
    const ids = await tx.document.findMany({
      where: { studyId, dedupKey: { in: [...new Set(keyed.map((k) => k.key))] } },
      select: { id: true, dedupKey: true },
    });
    const idByKey = new Map(ids.map((d) => [d.dedupKey, d.id]));
    await tx.documentSource.createMany({
      data: keyed.map(({ key, position, record }) => ({
        documentId: idByKey.get(key)!,
        importId,
        format,
        position,
        externalId: record.externalId,
        raw: record.raw as object,
      })),
      skipDuplicates: true,
    });
  });
}

/** Flags for suspect records, kept on the document so analysts can filter them. */
export function qualityFlags(r: NormalisedRecord): string[] {
  const flags: string[] = [];
  if (!r.abstract) flags.push("missing_abstract");
  if (r.year === null) flags.push("missing_year");
  else if (r.year > new Date().getUTCFullYear() + 1) flags.push("future_year");
  return flags;
}
