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

/** The pool under the Prisma client. For a connection of its own, use withConnection. */
export function pgPool(): pg.Pool {
  return handles().pool;
}

/**
 * Runs `work` on a connection of the pool, for what Prisma cannot issue (COPY, see copy.ts). A
 * connection lost between two statements is reported on the client as an "error" event, which would
 * end the process if nobody listened: it is heard here, and the next statement fails instead. After
 * any failure the connection is closed, not handed to the next caller (an open transaction dies with it).
 */
export async function withConnection<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await handles().pool.connect();
  let failed = false;
  const onError = () => {
    failed = true;
  };
  client.on("error", onError);
  try {
    return await work(client);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    client.off("error", onError);
    client.release(failed);
  }
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
