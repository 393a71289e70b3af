// A job that meets an unreachable database waits for it and runs again instead of spending its
// attempts (lib/jobs/outage.ts, workers/handlers.ts). The errors are real ones: a connection to a port
// where nothing listens, through pg and through Prisma's adapter. The full restart of a real
// PostgreSQL in the middle of an import is tests/trust/integration/service-restarts.test.ts.
import type { Job } from "bullmq";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isDatabaseUnavailable, waitForDatabase } from "@/lib/jobs/outage";
import { HANDLERS, MAX_OUTAGE_RERUNS, runJob } from "@/workers/handlers";
import { closedPort } from "./helpers";

async function refusedByPg(): Promise<unknown> {
  const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${await closedPort()}/none`, connectionTimeoutMillis: 2_000 });
  return client.connect().then(() => null, (error: unknown) => error);
}

async function refusedByPrisma(): Promise<unknown> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://postgres@127.0.0.1:${await closedPort()}/none` }) });
  try {
    return await prisma.$queryRaw`SELECT 1`.then(() => null, (error: unknown) => error);
  } finally {
    await prisma.$disconnect();
  }
}

const original = { ...HANDLERS["reports.generate"] };
afterEach(() => Object.assign(HANDLERS["reports.generate"], original));
afterAll(disconnectDb);

const job = (attemptsMade = 0) => ({ name: "reports.generate", data: { id: "report-1" }, attemptsMade, opts: { attempts: 3 } }) as unknown as Job;

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection from pg and from Prisma, and nothing else", async () => {
    const [fromPg, fromPrisma] = [await refusedByPg(), await refusedByPrisma()];
    expect(fromPg).toBeInstanceOf(Error);
    expect(fromPrisma).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(fromPg)).toBe(true);
    expect(isDatabaseUnavailable(fromPrisma)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }))).toBe(true);

    expect(isDatabaseUnavailable(new AppError("conflict", "This round is closed"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('relation "nothing" does not exist'), { code: "42P01" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("waitForDatabase", () => {
  it("polls until the database answers, gives up after the timeout, and passes other errors on", async () => {
    const refused = await refusedByPg();
    let calls = 0;
    const recovering = () => (++calls < 3 ? Promise.reject(refused) : Promise.resolve(1));
    expect(await waitForDatabase({ timeoutMs: 1_000, intervalMs: 10, ping: recovering })).toBe(true);
    expect(calls).toBe(3);

    const started = Date.now();
    expect(await waitForDatabase({ timeoutMs: 200, intervalMs: 50, ping: () => Promise.reject(refused) })).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);

    await expect(waitForDatabase({ timeoutMs: 1_000, ping: () => Promise.reject(new Error("syntax error")) })).rejects.toThrow("syntax error");
  });
});

describe("a job meeting an unreachable database", () => {
  it("waits for it and runs again in the same attempt, logging both", async () => {
    const refused = await refusedByPrisma();
    const runs: string[] = [];
    HANDLERS["reports.generate"].run = async (id) => {
      runs.push(id);
      if (runs.length === 1) throw refused;
    };
    HANDLERS["reports.generate"].fail = async () => {
      throw new Error("must not be called");
    };
    const log: string[] = [];
    await runJob(job(2), { log: (line) => log.push(line), outageWaitMs: 5_000 }); // even on the last attempt
    expect(runs).toEqual(["report-1", "report-1"]);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/^\[worker\] reports\.generate report-1: database unavailable \(.+\); waiting up to 5 s for it$/);
    expect(log[1]).toBe("[worker] reports.generate report-1: database back; running again");
  });

  it("counts as a failed attempt when the error persists although the database answers, and marks the row failed on the last", async () => {
    const refused = await refusedByPrisma();
    let runs = 0;
    HANDLERS["reports.generate"].run = async () => {
      runs++;
      throw refused;
    };
    const failed: string[] = [];
    let failCalls = 0;
    HANDLERS["reports.generate"].fail = async (id, message) => {
      if (++failCalls === 1) throw refused; // the database is away when the row is to be marked
      failed.push(`${id}: ${message.slice(0, 8)}`);
    };
    const log: string[] = [];
    await expect(runJob(job(0), { log: (line) => log.push(line), outageWaitMs: 1_000 })).rejects.toBe(refused);
    expect(runs).toBe(1 + MAX_OUTAGE_RERUNS);
    expect(log.filter((l) => l.includes("database unavailable"))).toHaveLength(MAX_OUTAGE_RERUNS);
    expect(failed).toEqual([]); // not the last attempt: the row is left for the retry

    await expect(runJob(job(2), { log: (line) => log.push(line), outageWaitMs: 1_000 })).rejects.toBe(refused);
    expect(failed).toEqual(["report-1: Failed: "]); // marked once the database answered
    expect(failCalls).toBe(2);
  });

  it("does not wait on errors that are not about the connection", async () => {
    HANDLERS["reports.generate"].run = async () => {
      throw new Error("division by zero");
    };
    const log: string[] = [];
    await expect(runJob(job(0), { log: (line) => log.push(line), outageWaitMs: 5_000 })).rejects.toThrow("division by zero");
    expect(log).toEqual([]);
  });
});
