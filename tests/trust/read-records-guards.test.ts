// The guards readRecords puts around every reader: a reader's unforeseen exception becomes one clear
// ReaderFailure (not retried, nothing internal shown), while the input's own errors — a database or a
// disk failing — reach the caller untouched, so the job is retried; long lines cost linear time.
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { readLines } from "@/lib/ingest/decode";
import { readRecords, ReaderFailure } from "@/lib/ingest/read-records";
import { risFormat } from "@/lib/ingest/ris";
import { chunks, collect } from "../unit/ingest/helpers";

const encoder = new TextEncoder();

describe("readRecords' safety net", () => {
  it("turns a reader's unforeseen exception into a ReaderFailure that keeps the cause", async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'trim')");
    const read = vi.spyOn(risFormat, "read").mockImplementation(async function* () {
      yield { ok: false, position: 1, line: 1, message: "Record 1 (line 1) has no title" };
      throw bug;
    });
    try {
      const { records } = await readRecords(chunks("TY  - JOUR\nER  - \n"));
      const error = await collect(records).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReaderFailure);
      expect(error).toMatchObject({ code: "invalid", message: "The RIS file could not be read past record 1; the rest of it was not imported" });
      expect((error as Error).cause).toBe(bug);
    } finally {
      read.mockRestore();
    }
  });

  it("lets the input's own error through untouched, so the job is retried", async () => {
    const lost = new Error("Connection terminated unexpectedly");
    async function* input() {
      yield encoder.encode("TY  - JOUR\nTI  - First\nER  - \n\n".repeat(2000));
      throw lost;
    }
    const { records } = await readRecords(input());
    const error = await collect(records).catch((e: unknown) => e);
    expect(error).toBe(lost);
    expect(error).not.toBeInstanceOf(AppError);
  });
});

describe("reading lines", () => {
  it("joins a long line once, not once per chunk", async () => {
    // 8 million characters in 1,000-character chunks: re-joining per chunk would copy ~32 billion characters.
    const piece = "x".repeat(1000);
    async function* text() {
      for (let i = 0; i < 8000; i++) yield piece;
      yield "\nnext\n";
    }
    const started = performance.now();
    const lines = await collect(readLines(text()));
    expect(lines.map((l) => l.length)).toEqual([8_000_000, 4]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses a line past the limit with an AppError", async () => {
    async function* text() {
      for (let i = 0; i < 20; i++) yield "x".repeat(1000);
    }
    await expect(collect(readLines(text(), 10_000))).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/a line longer than 10000 characters/) });
  });
});
