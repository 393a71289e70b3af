// Files without a byte order mark: UTF-16 by its NUL bytes, and the legacy encodings of Chinese
// databases (GB18030) and of Excel (Windows-1252, Mac Roman), told apart by content.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeText } from "@/lib/ingest/decode";
import { guessEncoding, utf16FromNulBytes } from "@/lib/ingest/legacy-encoding";
import { readRecords } from "@/lib/ingest/read-records";
import { chunks, collect, sliced } from "./helpers";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures", import.meta.url));
const present = existsSync(path.join(FIXTURES, "PROVENANCE.md"));
// Skipped without the fixtures, except in CI, where they must be present (the tests then fail).
const skipFixtures = !present && process.env.CI !== "true";

if (skipFixtures) console.info(`Re-encoded fixture tests skipped: ${FIXTURES} not found`);

// Windows-1252 is Latin-1 except 0x80–0x9F; those bytes are listed from the Windows code page table.
const CP1252_SPECIALS: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "Š": 0x8a, "Œ": 0x8c, "Ž": 0x8e, "‘": 0x91, "’": 0x92,
  "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "™": 0x99, "š": 0x9a, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

/** char → bytes, by decoding every one- and two-byte sequence with the platform's (ICU) decoder. */
function reverseTable(encoding: "macintosh" | "gb18030"): Map<string, number[]> {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const add = (bytes: number[]) => {
    try {
      const char = decoder.decode(new Uint8Array(bytes));
      if (!table.has(char)) table.set(char, bytes);
    } catch {
      // not a character in this encoding
    }
  };
  for (let b = 0x80; b <= 0xff; b++) add([b]);
  if (encoding === "gb18030") for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  return table;
}

const tables = { macintosh: reverseTable("macintosh"), gb18030: reverseTable("gb18030") };

function encode(text: string, encoding: "windows-1252" | "macintosh" | "gb18030"): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (encoding === "windows-1252") bytes.push(CP1252_SPECIALS[char] ?? (code >= 0xa0 && code <= 0xff ? code : Number.NaN));
    else bytes.push(...(tables[encoding].get(char) ?? [Number.NaN]));
    if (Number.isNaN(bytes.at(-1))) throw new Error(`${char} has no ${encoding} encoding`);
  }
  return new Uint8Array(bytes);
}

function utf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const buffer = Buffer.from(text, "utf16le");
  if (endian === "be") buffer.swap16();
  const mark = endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? new Uint8Array([...mark, ...buffer]) : new Uint8Array(buffer);
}

async function decode(bytes: Uint8Array, chunkSize = 65536): Promise<string> {
  return (await collect(decodeText(sliced(bytes, chunkSize)))).join("");
}

const CHINESE = "{Reference Type}: Journal Article\n{Title}: 软组织肉瘤诊治中国专家共识(2015年版)\n{Author}: 中国抗癌协会肉瘤专业委员会\n{Keywords}: 肉瘤；软组织肿瘤；诊断\n{Abstract}: 软组织肉瘤是一类间叶来源的恶性肿瘤，可发生于全身各个部位。\n";
const LATIN = "Titel;Autoren\nÜber die Straßenbahn in München — „Geschichte“;Müller, Jürgen\nL’économie française, résumé;Lefèvre, Hélène\nLa niña y el niño en España;Peña, Íñigo\n";

describe("legacy encodings", () => {
  it("reads the well-known bytes of each encoding", async () => {
    expect(await decode(new Uint8Array([0xd6, 0xd0, 0xb9, 0xfa]))).toBe("中国"); // GBK
    expect(await decode(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x61, 0x94]))).toBe("café “a”"); // Windows-1252
    expect(await decode(new Uint8Array([0x63, 0x61, 0x66, 0x8e, 0x20, 0x4d, 0x9f, 0x6c, 0x6c, 0x65, 0x72]))).toBe("café Müller"); // Mac Roman
  });

  for (const [name, text, encoding] of [
    ["Chinese in GB18030", CHINESE, "gb18030"],
    ["accented Latin in Windows-1252", LATIN, "windows-1252"],
    ["accented Latin in Mac Roman", LATIN, "macintosh"],
  ] as const) {
    it(`round-trips ${name}, whole or one byte at a time`, async () => {
      const bytes = encode(text, encoding);
      expect(guessEncoding(bytes, true)).toBe(encoding);
      expect(await decode(bytes)).toBe(text);
      expect(await decode(bytes, 1)).toBe(text);
    });

    it(`turns CRLF, lone CR and mixed line ends into LF in ${name}`, async () => {
      const lines = text.slice(0, -1).split("\n"); // the text ends with a line end
      const mixed = lines.map((line, i) => line + ["\r\n", "\r", "\n"][i % 3]).join("");
      for (const variant of [text.replaceAll("\n", "\r\n"), text.replaceAll("\n", "\r"), mixed]) {
        expect(await decode(encode(variant, encoding), 7)).toBe(text);
      }
    });
  }

  it("decides late: legacy bytes after more than 64 KB of ASCII are still recognised", async () => {
    const ascii = "PT J\n".repeat(20_000);
    const bytes = new Uint8Array([...new TextEncoder().encode(ascii), ...encode(CHINESE, "gb18030")]);
    expect(await decode(bytes, 4096)).toBe(ascii + CHINESE);
  });

  it("keeps valid UTF-8 as UTF-8 even where a legacy reading would be plausible", async () => {
    const text = "Café Müller, Zürich — 中国";
    expect(guessEncoding(new TextEncoder().encode(text), true)).toBe("utf-8");
    expect(await decode(new TextEncoder().encode(text), 3)).toBe(text);
  });

  it("tells the legacy encodings apart on short, realistic samples", () => {
    const cases = [
      ["Universität Stuttgart, Institut für Energieübertragung", "windows-1252"],
      ["Universität Stuttgart, Institut für Energieübertragung", "macintosh"],
      ["Instituto Tecnológico de Aeronáutica, São José dos Campos", "windows-1252"],
      ["Instituto Tecnológico de Aeronáutica, São José dos Campos", "macintosh"],
      ["“Smart” cities don’t wait", "windows-1252"],
      ["Ångström Laboratory, Uppsala universitet", "macintosh"],
      ["清华大学 计算机系, Beijing 100084", "gb18030"],
      ["2021年第1期", "gb18030"],
    ] as const;
    for (const [text, encoding] of cases) expect(guessEncoding(encode(text, encoding), true), `${text} in ${encoding}`).toBe(encoding);
  });
});

describe("UTF-16 without a byte order mark", () => {
  const text = "PT\tAU\tTI\r\nJ\t张三\tCafé 研究一\r\n";

  it("is recognised by its NUL bytes, little- and big-endian", async () => {
    expect(utf16FromNulBytes(utf16(text, "le", false))).toBe("utf-16le");
    expect(utf16FromNulBytes(utf16(text, "be", false))).toBe("utf-16be");
    expect(utf16FromNulBytes(new TextEncoder().encode(text))).toBeNull();
    expect(await decode(utf16(text, "le", false), 7)).toBe(text.replaceAll("\r\n", "\n"));
    expect(await decode(utf16(text, "be", false), 7)).toBe(text.replaceAll("\r\n", "\n"));
  });

  it("decodes a file shorter than the bytes the decision looks at", async () => {
    expect(await decode(utf16("PT\tTI\n", "le", false))).toBe("PT\tTI\n");
  });
});

describe.skipIf(skipFixtures)("re-encoded fixtures", () => {
  async function records(bytes: Uint8Array, chunkSize: number) {
    const { format, records } = await readRecords(sliced(bytes, chunkSize));
    return { format, results: await collect(records) };
  }

  it("imports the WoS tab-delimited export in UTF-16LE, with and without BOM, like the UTF-8 original", async () => {
    const original = readFileSync(path.join(FIXTURES, "wos-tab/scientopy_wos_2026_04_02_4071_tab.txt"));
    const expected = await records(original, 65536);
    const text = new TextDecoder().decode(original); // drops the UTF-8 BOM
    for (const bom of [true, false]) expect(await records(utf16(text, "le", bom), 7)).toEqual(expected);
  });

  it("imports a Wanfang NoteExpress export in GB18030 like the UTF-8 original", async () => {
    const original = readFileSync(path.join(FIXTURES, "wanfang/mrhelper_demo_wanfang_202101.net"));
    const expected = await records(original, 65536);
    expect(expected.results).toHaveLength(20);
    const gb = encode(new TextDecoder().decode(original), "gb18030");
    expect(await records(gb, 7)).toEqual(expected);
  });

  it("imports a CNKI E-Study export in GB18030 like the UTF-8 original", async () => {
    const original = readFileSync(path.join(FIXTURES, "cnki/mrhelper_demo_cnki_202101_estudy.txt"));
    const gb = encode(new TextDecoder().decode(original), "gb18030");
    expect(await records(gb, 64)).toEqual(await records(original, 65536));
  });
});

describe("chunk boundaries", () => {
  it("keeps a GB18030 character split across chunks", async () => {
    const bytes = encode("标题：中国", "gb18030");
    expect((await collect(decodeText(chunks(bytes.subarray(0, 3), bytes.subarray(3, 8), bytes.subarray(8))))).join("")).toBe("标题：中国");
  });
});
