// The state of every application table as (row count, hash of all rows), so "nothing changed" is a
// comparison, whatever a refused call might have touched. The tables are the ones prisma/schema.prisma
// maps; the queue backend's own tables are not application state.
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { ROOT } from "./discover";

export type Fingerprint = Map<string, { rows: number; hash: string }>;

export function applicationTables(): string[] {
  const schema = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
  return [...schema.matchAll(/@@map\("([a-z_]+)"\)/g)].map((m) => m[1]).sort();
}

let query: string | undefined;

export async function fingerprint(): Promise<Fingerprint> {
  query ??= applicationTables()
    .map((t) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM "${t}" x`)
    .join(" UNION ALL ");
  const rows = await db().$queryRawUnsafe<{ t: string; n: number; h: string }[]>(query);
  return new Map(rows.map((r) => [r.t, { rows: r.n, hash: r.h }]));
}

/** Tables whose rows differ between two fingerprints, with the change in row count. */
export function changedTables(before: Fingerprint, after: Fingerprint): { table: string; delta: number }[] {
  return [...after]
    .filter(([t, a]) => before.get(t)?.hash !== a.hash)
    .map(([table, a]) => ({ table, delta: a.rows - (before.get(table)?.rows ?? 0) }));
}
