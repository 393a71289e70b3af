// withConnection (lib/db.ts): a pooled connection the server drops between two statements must fail
// the next statement, not end the process with an unheard "error" event, and must not go back to the pool.
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb, pgPool, withConnection } from "@/lib/db";

afterAll(disconnectDb);

describe("withConnection", () => {
  it("turns a connection lost between statements into a failed statement, and closes it", async () => {
    let lostPid = 0;
    const error = await withConnection(async (client) => {
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      lostPid = rows[0].pid;
      await pgPool().query("SELECT pg_terminate_backend($1)", [lostPid]);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the "error" event arrives while idle
      await client.query("SELECT 1");
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    // The pool hands out a working connection, not the dead one.
    const pid = await withConnection(async (client) => (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid);
    expect(pid).not.toBe(lostPid);
  });

  it("gives back the result of work that succeeds", async () => {
    expect(await withConnection(async (client) => (await client.query<{ n: number }>("SELECT 41 + 1 AS n")).rows[0].n)).toBe(42);
  });
});
