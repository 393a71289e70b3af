import { describe, expect, it } from "vitest";
import { decodeText, peekText, readLines } from "@/lib/ingest/decode";
import { chunks, collect } from "./helpers";

async function decode(...parts: (string | Uint8Array)[]): Promise<string> {
  return (await collect(decodeText(chunks(...parts)))).join("");
}

function utf16(text: string, endian: "le" | "be"): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [lo, hi] = [code & 0xff, code >> 8];
    bytes.set(endian === "le" ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return bytes;
}

describe("decodeText", () => {
  it("drops a UTF-8 byte order mark", async () => {
    expect(await decode(new Uint8Array([0xef, 0xbb, 0xbf]), "TY  - JOUR")).toBe("TY  - JOUR");
  });

  it("drops a byte order mark that arrives one byte at a time", async () => {
    expect(await decode(new Uint8Array([0xef]), new Uint8Array([0xbb]), new Uint8Array([0xbf]), "A")).toBe("A");
  });

  it("decodes UTF-16LE and UTF-16BE when their byte order mark says so", async () => {
    expect(await decode(utf16("Title,Year\r\n标题,2020", "le"))).toBe("Title,Year\n标题,2020");
    expect(await decode(utf16("Title,Year\n", "be"))).toBe("Title,Year\n");
  });

  it("turns CRLF and lone CR into LF, also when CR and LF arrive in different chunks", async () => {
    // The first chunk is at least 3 bytes, so the BOM sniffing does not glue it to the next one.
    expect(await decode("ab\r", "\nc\r", "\r\nd\r")).toBe("ab\nc\n\nd\n");
  });

  it("keeps a multi-byte character that is split across chunks", async () => {
    const bytes = new TextEncoder().encode("Béron 标题");
    expect(await decode(bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9))).toBe("Béron 标题");
  });

  it("replaces invalid UTF-8 after a valid UTF-8 sample with U+FFFD instead of failing", async () => {
    const filler = "x".repeat(70_000); // longer than the sample that chooses the encoding
    const text = await decode(`Béron ${filler}`, new Uint8Array([0x41, 0xff, 0x42]));
    expect(text).toBe(`Béron ${filler}A\uFFFDB`);
  });

  it("decodes a file shorter than a byte order mark", async () => {
    expect(await decode("a")).toBe("a");
    expect(await decode()).toBe("");
  });
});

describe("readLines", () => {
  it("joins lines split across chunks and keeps a last line without newline", async () => {
    async function* text() {
      yield "TY  - JO";
      yield "UR\nTI  - x\n\nER  -";
    }
    expect(await collect(readLines(text()))).toEqual(["TY  - JOUR", "TI  - x", "", "ER  -"]);
  });
});

describe("peekText", () => {
  it("replays the peeked head before the rest of the stream", async () => {
    async function* text() {
      yield "ab";
      yield "c\nd";
      yield "ef";
    }
    const { head, stream } = await peekText(text(), (h) => h.includes("\n"));
    expect(head).toBe("abc\nd");
    expect((await collect(stream)).join("")).toBe("abc\ndef");
  });
});
