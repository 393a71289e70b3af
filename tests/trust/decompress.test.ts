// Compressed uploads: gzip and zip are recognised by their bytes and read like the plain file; every way
// an archive can be broken, lying or hostile ends in one AppError that says what is wrong.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decompress, type DecompressLimits } from "@/lib/ingest/decompress";
import { collect, readAll, sliced } from "../unit/ingest/helpers";
import { gzipBomb, zipBomb, zipFile } from "./archives";

const RIS = ["TY  - JOUR", "TI  - Solid electrolytes for lithium metal", "PY  - 2021", "ER  - ", "", "TY  - JOUR", "TI  - Sulfide separators", "PY  - 2022", "ER  - ", ""].join("\n");
const OTHER_RIS = "TY  - JOUR\nTI  - A record from the second file\nER  - \n";

async function titles(bytes: Uint8Array, pieces = 65536): Promise<string[]> {
  const { results } = await readAll(sliced(bytes, pieces));
  return results.map((r) => (r.ok ? r.record.title : `error: ${r.message}`));
}

async function failure(bytes: Uint8Array, limits?: DecompressLimits): Promise<AppError> {
  const error = await collect(decompress(sliced(bytes, 4096), limits)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const PLAIN_TITLES = ["Solid electrolytes for lithium metal", "Sulfide separators"];

describe("a gzip upload", () => {
  it("is read like the plain file, whatever the chunk size", async () => {
    const gz = gzipSync(RIS);
    expect(await titles(gz)).toEqual(PLAIN_TITLES);
    expect(await titles(gz, 1)).toEqual(PLAIN_TITLES);
    expect(await titles(Buffer.concat([gzipSync(RIS.slice(0, 40)), gzipSync(RIS.slice(40))]), 7)).toEqual(PLAIN_TITLES); // two members
  });

  it("that is truncated or corrupt fails with a message saying so", async () => {
    const gz = gzipSync(RIS);
    expect((await failure(gz.subarray(0, gz.length - 6))).message).toMatch(/gzip file is corrupt or truncated/);
    const flipped = Buffer.from(gz);
    flipped[20] ^= 0xff;
    expect((await failure(flipped)).message).toMatch(/gzip file is corrupt or truncated/);
  });

  it("that inflates past the size cap is refused as too large", async () => {
    const error = await failure(gzipSync(Buffer.alloc(3 * 1024 * 1024, 0x20)), { maxBytes: 1024 * 1024, maxRatio: 1e9 });
    expect(error).toMatchObject({ code: "too_large", message: expect.stringMatching(/inflates to more than 1 MB, the limit/) });
  });

  it("that inflates far beyond the ratio is refused as a likely bomb after the floor", async () => {
    const bomb = await gzipBomb("TY  - JOUR\nTI  - ", 64 * 1024 * 1024);
    const error = await failure(bomb, { maxBytes: 2 ** 40, maxRatio: 100, ratioFloor: 1024 * 1024 });
    expect(error).toMatchObject({ code: "too_large", message: expect.stringMatching(/more than 100 times its compressed size.*compression bomb/) });
  });

  it("holding another gzip file is refused, not unpacked again", async () => {
    expect((await failure(gzipSync(gzipSync(RIS)))).message).toMatch(/holds another compressed file/);
  });
});

describe("a zip upload", () => {
  it("reads its first file, deflated or stored, skipping folders and macOS metadata before it", async () => {
    const zip = zipFile([
      { name: "export/", data: "", method: 0 },
      { name: "__MACOSX/export/._savedrecs.ris", data: "\u0000\u0005\u0016\u0007 metadata" },
      { name: "export/savedrecs.ris", data: RIS },
    ]);
    expect(await titles(zip)).toEqual(PLAIN_TITLES);
    expect(await titles(zip, 3)).toEqual(PLAIN_TITLES);
    expect(await titles(zipFile([{ name: "a.ris", data: RIS, method: 0 }]))).toEqual(PLAIN_TITLES);
  });

  it("reads an entry whose sizes follow in a data descriptor, and a folder written the same way", async () => {
    const zip = zipFile([
      { name: "export/", data: "", method: 8, descriptor: true },
      { name: "export/a.ris", data: RIS, descriptor: true },
    ]);
    expect(await titles(zip, 5)).toEqual(PLAIN_TITLES);
  });

  it("reads only the first file: the entries after it are not imported", async () => {
    const zip = zipFile([{ name: "a.ris", data: RIS }, { name: "b.ris", data: OTHER_RIS }]);
    expect(await titles(zip)).toEqual(PLAIN_TITLES);
  });

  it.each([
    ["an encrypted entry", zipFile([{ name: "a.ris", data: RIS, flags: 1 }]), /"a.ris" in the zip archive is encrypted/],
    ["a bzip2 entry", zipFile([{ name: "a.ris", data: RIS, method: 12 }]), /uses bzip2; only stored and deflated files are read/],
    ["a stored entry without its size", zipFile([{ name: "a.ris", data: RIS, method: 0, descriptor: true }]), /stored without its size/],
    ["a wrong CRC-32", zipFile([{ name: "a.ris", data: RIS, declaredCrc: 12345 }]), /"a.ris" in the zip archive is corrupt \(its CRC-32 does not match\)/],
    ["a size smaller than the data", zipFile([{ name: "a.ris", data: RIS, declaredSize: 10 }]), /inflates to more than the 10 bytes it declares/],
    ["a size larger than the data", zipFile([{ name: "a.ris", data: RIS, declaredSize: 10_000 }]), /"a.ris" in the zip archive is truncated/],
    ["only folders", zipFile([{ name: "export/", data: "", method: 0 }]), /holds no file/],
    ["no entries at all", zipFile([]), /holds no file/],
    ["another zip inside", zipFile([{ name: "inner.zip", data: zipFile([{ name: "a.ris", data: RIS }]) }]), /zip file holds another compressed file/],
    ["a gzip file inside", zipFile([{ name: "a.ris.gz", data: gzipSync(RIS) }]), /zip file holds another compressed file/],
  ])("with %s fails with a message saying so", async (_, zip, message) => {
    expect((await failure(zip)).message).toMatch(message);
  });

  it("cut short anywhere fails with a message, never an unexpected exception", async () => {
    const zip = zipFile([{ name: "export/", data: "", method: 0 }, { name: "export/a.ris", data: RIS.repeat(20) }]);
    for (let cut = 4; cut < zip.length - 22; cut += 7) {
      const outcome = await collect(decompress(sliced(zip.subarray(0, cut), 64))).then(
        () => null,
        (e: unknown) => e,
      );
      // Cut inside the central directory, the file itself is whole and reads fine.
      if (outcome !== null) expect(outcome, `cut at ${cut}`).toBeInstanceOf(AppError);
    }
  });

  it("that declares a size over the cap or the ratio is refused before anything is inflated", async () => {
    const declared = zipFile([{ name: "a.ris", data: RIS, declaredSize: 3 * 1024 * 1024 }]);
    expect(await failure(declared, { maxBytes: 1024 * 1024, maxRatio: 1e9 })).toMatchObject({ code: "too_large", message: expect.stringMatching(/"a.ris" in the zip archive inflates to more than 1 MB/) });
    expect(await failure(declared, { maxBytes: 2 ** 40, maxRatio: 100, ratioFloor: 1024 })).toMatchObject({ code: "too_large", message: expect.stringMatching(/more than 100 times/) });
  });

  it("whose one entry inflates far beyond the ratio is refused as a likely bomb", async () => {
    const bomb = await zipBomb("bomb.ris", "TY  - JOUR\nTI  - ", 64 * 1024 * 1024);
    const error = await failure(bomb, { maxBytes: 2 ** 40, maxRatio: 100, ratioFloor: 1024 * 1024 });
    expect(error).toMatchObject({ code: "too_large", message: expect.stringMatching(/"bomb.ris" in the zip archive inflates to more than 100 times/) });
  });
});

describe("a plain upload", () => {
  it("passes through untouched, chunk for chunk, even when it starts with PK", async () => {
    const parts = [Buffer.from("PK title,year\n"), Buffer.from("x,2020\n")];
    async function* source() {
      yield* parts;
    }
    const out = await collect(decompress(source()));
    expect(out).toHaveLength(2);
    expect(Buffer.concat(out).toString()).toBe("PK title,year\nx,2020\n");
  });

  it("of under four bytes, or none, passes through", async () => {
    expect(Buffer.concat(await collect(decompress(sliced(Buffer.from("ab"), 1)))).toString()).toBe("ab");
    expect(await collect(decompress(sliced(Buffer.alloc(0), 1)))).toEqual([]);
  });
});
