import { describe, expect, it } from "vitest";
import { detectFormat } from "@/lib/ingest/detect";
import { readRecords, UnknownFormatError } from "@/lib/ingest/read-records";
import { chunks, readAll } from "./helpers";

/** An endless export that counts how many chunks were pulled from it. */
function endless(header: string, record: (i: number) => string) {
  const state = { pulled: 0 };
  async function* bytes(): AsyncGenerator<Uint8Array> {
    const encoder = new TextEncoder();
    yield encoder.encode(header);
    for (let i = 1; ; i++) {
      state.pulled++;
      yield encoder.encode(record(i));
    }
  }
  return { state, bytes: bytes() };
}

describe("readRecords", () => {
  it("rejects content that is no known format with a clear message", async () => {
    const promise = readRecords(chunks("Dear colleagues,\nplease find the papers attached.\n"));
    await expect(promise).rejects.toBeInstanceOf(UnknownFormatError);
    await expect(promise).rejects.toThrow(/^Unrecognised file format: expected RIS, .*Web of Science.* or CSV/);
  });

  it("closes the input when it rejects the format", async () => {
    let closed = false;
    async function* input() {
      try {
        for (;;) yield new TextEncoder().encode("no format here\n".repeat(100));
      } finally {
        closed = true;
      }
    }
    await expect(readRecords(input())).rejects.toThrow(UnknownFormatError);
    expect(closed).toBe(true);
  });

  it("rejects a format id that no reader is registered for", async () => {
    const options = { format: "no-such-format" } as unknown as { format: "ris" };
    await expect(readRecords(chunks("PT J\n"), options)).rejects.toThrow('no reader for "no-such-format"');
  });

  it("rejects an empty file and says that it is empty", async () => {
    await expect(readRecords(chunks())).rejects.toThrow(/expected .* \(the file is empty\)$/);
  });

  it("detects the format from content, whatever the first chunk size", async () => {
    const { format } = await readAll(chunks("T", "Y  - JOUR\nTI  - x\nER  - \n"));
    expect(format).toBe("ris");
    expect(detectFormat('"Title","Year"\n')).toBe("csv");
    expect(detectFormat("TY  - JOUR\nTI  - x\n")).toBe("ris");
    expect(detectFormat("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Doe, J\nTI A title\nER\n")).toBe("wos");
    expect(detectFormat("<?xml version='1.0'?><html><body>not a record</body></html>")).toBeNull();
  });

  it("reads with the format it is told, skipping detection", async () => {
    const { format, results } = await readAll("Heading\nA\n", { format: "csv", mapping: { title: "Heading" } });
    expect(format).toBe("csv");
    expect(results).toMatchObject([{ ok: true, record: { title: "A" } }]);
  });

  it("streams RIS: the first records arrive without reading the whole (endless) input", async () => {
    const source = endless("", (i) => `TY  - JOUR\nTI  - Record ${i}\nER  - \n`);
    const { records } = await readRecords(source.bytes);
    const titles: string[] = [];
    for await (const result of records) {
      if (result.ok) titles.push(result.record.title);
      if (titles.length === 5) break;
    }
    expect(titles).toEqual(["Record 1", "Record 2", "Record 3", "Record 4", "Record 5"]);
    expect(source.state.pulled).toBeLessThan(2000); // the 16 KB head peek plus a few records
  });

  it("streams CSV: the first rows arrive without reading the whole (endless) input", async () => {
    const source = endless("Title,Year\n", (i) => `Row ${i},2020\n`);
    const { records } = await readRecords(source.bytes);
    let seen = 0;
    for await (const result of records) {
      expect(result).toMatchObject({ ok: true, position: seen + 1, line: seen + 2 });
      if (++seen === 3) break;
    }
    expect(source.state.pulled).toBeLessThan(5000);
  });
});
