// COPY's text encoding (lib/db/copy.ts) against a real PostgreSQL: whatever a file holds comes back as
// it went in, except what PostgreSQL cannot store (U+0000, lone surrogates in jsonb), which is cleaned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, pgPool } from "@/lib/db";
import { copyRows, jsonCell, numberCell, textArrayCell, textCell, timestampCell } from "@/lib/db/copy";

afterAll(disconnectDb);

const TABLE = "copy_test";

beforeAll(async () => {
  await pgPool().query(`DROP TABLE IF EXISTS ${TABLE}; CREATE TABLE ${TABLE} (n int, t text, a text[], j jsonb, at timestamp(3))`);
});
afterAll(async () => {
  await pgPool().query(`DROP TABLE IF EXISTS ${TABLE}`);
});

async function roundTrip(rows: { n: number | null; t: string | null; a: string[] | null; j: unknown; at: Date }[]) {
  const client = await pgPool().connect();
  try {
    await client.query(`TRUNCATE ${TABLE}`);
    await copyRows(client, TABLE, ["n", "t", "a", "j", "at"], rows.map((r) => [numberCell(r.n), textCell(r.t), textArrayCell(r.a), jsonCell(r.j), timestampCell(r.at)].join("\t")));
    const { rows: back } = await client.query(`SELECT n, t, a, j, to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at FROM ${TABLE} ORDER BY n`);
    return back;
  } finally {
    client.release();
  }
}

describe("COPY text encoding", () => {
  it("keeps tabs, newlines, carriage returns, backslashes, quotes, braces and any script", async () => {
    const tricky = 'a\tb\nc\r\nd \\ e \\N "quoted" {braces}, commas; 量子 计算 — ü ß 🚀';
    const at = new Date(Date.UTC(2026, 10, 21, 8, 30, 15, 250));
    const back = await roundTrip([{ n: 1, t: tricky, a: [tricky, "", "NULL", "\\"], j: { text: tricky, list: [1, null, "x"] }, at }]);
    expect(back).toEqual([{ n: 1, t: tricky, a: [tricky, "", "NULL", "\\"], j: { text: tricky, list: [1, null, "x"] }, at: "2026-11-21T08:30:15.250" }]);
  });

  it("writes NULL for null values and an empty array as one", async () => {
    const at = new Date(0);
    expect(await roundTrip([{ n: null, t: null, a: null, j: null, at }, { n: 2, t: "", a: [], j: [], at }])).toEqual([
      { n: 2, t: "", a: [], j: [], at: "1970-01-01T00:00:00.000" },
      { n: null, t: null, a: null, j: null, at: "1970-01-01T00:00:00.000" },
    ]);
  });

  it("drops U+0000 and replaces lone surrogates, which PostgreSQL refuses, and keeps the rest of the row", async () => {
    const at = new Date(0);
    const back = await roundTrip([{ n: 3, t: "nul\u0000here", a: ["x\u0000y"], j: { broken: "half \ud83d pair", nul: "a\u0000b", ok: "🚀" }, at }]);
    expect(back).toEqual([{ n: 3, t: "nulhere", a: ["xy"], j: { broken: "half \ufffd pair", nul: "ab", ok: "🚀" }, at: "1970-01-01T00:00:00.000" }]);
  });

  it("refuses a number that is not finite rather than writing it", () => {
    expect(() => numberCell(Number.NaN)).toThrow(RangeError);
  });
});
