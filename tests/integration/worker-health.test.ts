// The compose health check answers instead of hanging when the queue store is away, and says why.
// (Its passing, failing and passing again around a real Redis restart: tests/trust/integration/service-restarts.test.ts.)
import { describe, expect, it } from "vitest";
import { QUEUES } from "@/lib/jobs/queues";
import { workerHealth } from "../trust/integration/services";
import { closedPort } from "./helpers";

describe("npm run worker:health", () => {
  it("fails with the reason when Redis refuses the connection", { timeout: 60_000 }, async () => {
    const port = await closedPort();
    const result = await workerHealth({ DATABASE_URL: process.env.DATABASE_URL!, REDIS_URL: `redis://127.0.0.1:${port}` }, 30_000);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain(`unhealthy: the queue store refused the connection (connect ECONNREFUSED 127.0.0.1:${port})`);
  });

  it.runIf(process.env.REDIS_URL)("fails naming each queue when no worker of this host is connected", { timeout: 60_000 }, async () => {
    const result = await workerHealth({ DATABASE_URL: process.env.DATABASE_URL!, REDIS_URL: process.env.REDIS_URL!, QUEUE_PREFIX: `health-${process.pid}` }, 30_000);
    expect(result.code, result.output).toBe(1);
    expect(result.output.split("\n").filter((l) => l.startsWith("no worker of"))).toHaveLength(Object.values(QUEUES).length);
  });
});
