// The two lookups every stored batch makes (store-records.ts) must probe their unique index once per
// key, whatever the planner's statistics say. With `key = ANY($2)` the planner read a growing study's
// whole key range and filtered it while the statistics still described the study as small, so an
// import slowed down with every batch. The study here is that case: 20,000 documents stored and not
// analysed since.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb, pgPool } from "@/lib/db";
import { KNOWN_DOCUMENTS_SQL, STORED_SOURCES_SQL } from "@/lib/ingest/store-records";
import { createStudy, resetDatabase } from "./helpers";

const DOCUMENTS = 20_000;

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Cond"?: string; Filter?: string; Plans?: PlanNode[] };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function plan(sql: string, params: unknown[]): Promise<PlanNode[]> {
  const { rows } = await pgPool().query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  return nodes(rows[0]["QUERY PLAN"][0].Plan);
}

let studyId: string;

beforeAll(async () => {
  await resetDatabase();
  studyId = (await createStudy()).id;
  await db().$executeRawUnsafe(
    `INSERT INTO document (id, study_id, kind, title, dedup_key, content_hash, updated_at)
     SELECT 'doc-' || i, $1, 'PAPER', 'Title ' || i, 'doi:10.1/' || i, md5(i::text), now() FROM generate_series(1, ${DOCUMENTS}) i`,
    studyId,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO document_key (study_id, key, document_id)
     SELECT $1, k.key, 'doc-' || i FROM generate_series(1, ${DOCUMENTS}) i,
       LATERAL (VALUES ('doi:10.1/' || i), ('title:title ' || i || '|2020')) AS k(key)`,
    studyId,
  );
  await db().$executeRawUnsafe(
    `INSERT INTO document_source (id, document_id, format, raw, record_hash)
     SELECT 'src-' || i, 'doc-' || i, 'ris', '{}', md5('r' || i) FROM generate_series(1, ${DOCUMENTS}) i`,
  );
});

afterAll(disconnectDb);

describe("document lookups while a study grows", () => {
  it("finds each stored document by any of its keys and nothing for unknown keys, with one index probe per key", async () => {
    const keys = [...Array.from({ length: 2000 }, (_, i) => `doi:10.1/${i * 7 + 1}`), "title:title 5|2020", "doi:10.1/none"];
    const { rows } = await pgPool().query<{ key: string; id: string }>(KNOWN_DOCUMENTS_SQL, [studyId, keys]);
    expect(rows).toHaveLength(2001);
    expect(rows.find((r) => r.key === "title:title 5|2020")?.id).toBe("doc-5");
    expect(rows.find((r) => r.key === "doi:10.1/8")?.id).toBe("doc-8");
    expect(rows.some((r) => r.key === "doi:10.1/none")).toBe(false);

    const scans = (await plan(KNOWN_DOCUMENTS_SQL, [studyId, keys])).filter((n) => n["Relation Name"] === "document_key");
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) {
      expect(scan["Index Cond"]).toMatch(/key = q\.key/);
      expect(scan.Filter).toBeUndefined();
    }
  });

  it("finds stored provenance by document and record hash, with one index probe per pair", async () => {
    const ids = ["doc-1", "doc-2", "doc-3"];
    const hashes = await pgPool().query<{ h: string }>("SELECT md5('r1') AS h UNION ALL SELECT md5('other') UNION ALL SELECT md5('r3')");
    const params = [ids, hashes.rows.map((r) => r.h)];
    const { rows } = await pgPool().query<{ document_id: string }>(STORED_SOURCES_SQL, params);
    expect(rows.map((r) => r.document_id).sort()).toEqual(["doc-1", "doc-3"]);

    const scans = (await plan(STORED_SOURCES_SQL, params)).filter((n) => n["Relation Name"] === "document_source");
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) expect(scan["Index Cond"]).toMatch(/document_id = q\.document_id\) AND \(record_hash = q\.record_hash/);
  });
});
