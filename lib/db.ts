// The Prisma client, one per process, on node-postgres through the driver adapter. Prisma and the few
// statements it cannot express (COPY, for bulk loading) share one connection pool.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";

type Handles = { prisma: PrismaClient; pool: pg.Pool };

const globalForDb = globalThis as unknown as { foresightDb?: Handles };

function createHandles(): Handles {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 10, application_name: "foresight" });
  // An idle connection the server drops (a restart) must not crash the process; the next query
  // opens a new one, and jobs wait out an outage (lib/jobs/outage.ts).
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return { prisma: new PrismaClient({ adapter }), pool };
}

function handles(): Handles {
  globalForDb.foresightDb ??= createHandles();
  return globalForDb.foresightDb;
}

/** The shared client; created on first use so that importing this module never needs a database. */
export function db(): PrismaClient {
  return handles().prisma;
}

/** The pool under the Prisma client, for COPY (see copy.ts); a connection taken must be released. */
export function pgPool(): pg.Pool {
  return handles().pool;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.foresightDb;
  globalForDb.foresightDb = undefined;
  if (!current) return;
  await current.prisma.$disconnect();
  if (!current.pool.ended) await current.pool.end();
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
