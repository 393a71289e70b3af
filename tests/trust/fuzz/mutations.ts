// fast-check arbitraries for hostile importer input: arbitrary bytes and text, and mutations of a real
// file — byte flips, truncation, duplicated and deleted lines, NULs, huge lines, wrong encodings,
// stray markup — each case labelled so a failure can be replayed from its label and seed.
import fc from "fast-check";

export type Mutated = { bytes: Uint8Array; label: string };
type Mutation = (bytes: Uint8Array) => Mutated;

const encoder = new TextEncoder();

function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) starts.push(i + 1);
  return starts;
}

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

/** A position in [0, length] from a fraction, so one arbitrary fits files of any size. */
const at = (fraction: number, length: number) => Math.min(length, Math.floor(fraction * (length + 1)));
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const flips: fc.Arbitrary<Mutation> = fc.array(fc.tuple(fraction, fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 24 }).map(
  (list) => (bytes) => {
    const out = Uint8Array.from(bytes);
    for (const [f, mask] of list) if (out.length) out[at(f, out.length - 1)] ^= mask;
    return { bytes: out, label: `flip×${list.length}` };
  },
);

const truncate: fc.Arbitrary<Mutation> = fraction.map((f) => (bytes) => {
  const cut = at(f, bytes.length);
  return { bytes: bytes.subarray(0, cut), label: `truncate@${cut}` };
});

const lineRange = fc.tuple(fraction, fc.integer({ min: 1, max: 40 }));

const duplicateLines: fc.Arbitrary<Mutation> = fc.tuple(lineRange, fc.integer({ min: 1, max: 50 })).map(([[f, count], times]) => (bytes) => {
  const starts = lineStarts(bytes);
  const first = at(f, starts.length - 1);
  const [from, to] = [starts[first], starts[Math.min(first + count, starts.length - 1)] ?? bytes.length];
  const block = bytes.subarray(from, to);
  const repeated = new Uint8Array(block.length * times);
  for (let i = 0; i < times; i++) repeated.set(block, i * block.length);
  return { bytes: splice(bytes, to, 0, repeated), label: `duplicate-lines@${first}+${count}×${times}` };
});

const deleteLines: fc.Arbitrary<Mutation> = lineRange.map(([f, count]) => (bytes) => {
  const starts = lineStarts(bytes);
  const first = at(f, starts.length - 1);
  const [from, to] = [starts[first], starts[Math.min(first + count, starts.length - 1)] ?? bytes.length];
  return { bytes: splice(bytes, from, Math.max(0, to - from)), label: `delete-lines@${first}+${count}` };
});

const nuls: fc.Arbitrary<Mutation> = fc.array(fraction, { minLength: 1, maxLength: 16 }).map((list) => (bytes) => {
  let out = bytes;
  for (const f of list) out = splice(out, at(f, out.length), 0, new Uint8Array(1 + Math.floor(f * 7)));
  return { bytes: out, label: `nul×${list.length}` };
});

/** One long line inserted at a line start: up to a few MB, of one repeated character or of record-looking text. */
const hugeLine = (maxChars: number): fc.Arbitrary<Mutation> =>
  fc.tuple(fraction, fc.integer({ min: 10_000, max: maxChars }), fc.constantFrom("x", " ", "\t", ",", '"', "<", "{", "é", "中", "AU  - ")).map(([f, length, unit]) => (bytes) => {
    const starts = lineStarts(bytes);
    const line = encoder.encode(`${unit.repeat(Math.ceil(length / unit.length)).slice(0, length)}\n`);
    return { bytes: splice(bytes, starts[at(f, starts.length - 1)], 0, line), label: `huge-line(${length}×${JSON.stringify(unit)})` };
  });

/** The right text in the wrong bytes: UTF-16 without a BOM, a BOM that lies, Latin-1, invalid UTF-8. */
const wrongEncoding: fc.Arbitrary<Mutation> = fc.tuple(fc.constantFrom("utf16le", "utf16be", "bom-lies", "latin1", "invalid-utf8", "lone-surrogates"), fraction).map(
  ([kind, f]) =>
    (bytes) => {
      const text = new TextDecoder().decode(bytes);
      switch (kind) {
        case "utf16le":
          return { bytes: Buffer.from(text, "utf16le"), label: "utf-16le without BOM" };
        case "utf16be":
          return { bytes: Buffer.from(text, "utf16le").swap16(), label: "utf-16be without BOM" };
        case "bom-lies":
          return { bytes: splice(bytes, 0, 0, Uint8Array.of(0xff, 0xfe)), label: "utf-16 BOM on utf-8" };
        case "latin1":
          return { bytes: Buffer.from(text, "latin1"), label: "latin-1" };
        case "invalid-utf8":
          return { bytes: splice(bytes, at(f, bytes.length), 0, Uint8Array.of(0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xff)), label: "invalid utf-8" };
        default:
          return { bytes: splice(bytes, at(f, bytes.length), 0, Uint8Array.of(0xed, 0xa0, 0x80, 0xed, 0xbf, 0xbf)), label: "encoded lone surrogates" };
      }
    },
);

// Pieces of syntax that break parsers: unbalanced markup, entity tricks, quotes, braces, huge numbers.
const HOSTILE = [
  "<", ">", "</", "<!DOCTYPE x [<!ENTITY a \"&a;&a;\">]>", "&a;", "&#0;", "&#xD800;", "&#x110000;", "&amp", "]]>", "<![CDATA[", "<?xml version=\"1.0\"?>",
  '"', '""', "\",\"", "{", "}", "[", "]", '{"a":', "1e999999", "-0", "NaN", "\\u0000", "\\ud800", "@article{", "}}}}", "ER  - ", "TY  - ", "PT ", "ER", "EF",
  "%0 ", "{Reference Type}: ", "\r", "\r\n\r\n", "\u2028", "\ufeff", "\u0000", "𝕏", "\u202e",
];

const insertSyntax: fc.Arbitrary<Mutation> = fc.array(fc.tuple(fraction, fc.constantFrom(...HOSTILE)), { minLength: 1, maxLength: 12 }).map((list) => (bytes) => {
  let out = bytes;
  for (const [f, piece] of list) out = splice(out, at(f, out.length), 0, encoder.encode(piece));
  return { bytes: out, label: `syntax×${list.length}` };
});

const swapBlocks: fc.Arbitrary<Mutation> = fc.tuple(fraction, fraction, fc.integer({ min: 1, max: 4096 })).map(([a, b, length]) => (bytes) => {
  const [x, y] = [at(a, bytes.length), at(b, bytes.length)].sort((p, q) => p - q);
  const n = Math.min(length, y - x, bytes.length - y);
  const out = Uint8Array.from(bytes);
  out.set(bytes.subarray(y, y + n), x);
  out.set(bytes.subarray(x, x + n), y);
  return { bytes: out, label: `swap(${n})` };
});

/** One to four mutations of a seed file, in sequence. */
export function mutationsOf(seed: Uint8Array, options: { maxLineChars: number }): fc.Arbitrary<Mutated> {
  const one = fc.oneof(flips, truncate, duplicateLines, deleteLines, nuls, hugeLine(options.maxLineChars), wrongEncoding, insertSyntax, swapBlocks);
  return fc.array(one, { minLength: 1, maxLength: 4 }).map((list) =>
    list.reduce<Mutated>((current, mutate) => {
      const next = mutate(current.bytes);
      return { bytes: next.bytes, label: current.label ? `${current.label}, ${next.label}` : next.label };
    }, { bytes: seed, label: "" }),
  );
}

/** Input that owes nothing to a real file: bytes, text, or a format's own first line followed by noise. */
export function arbitraryInput(firstLine: string): fc.Arbitrary<Mutated> {
  const text = (unit: "binary" | "grapheme" | "binary-ascii") => fc.string({ unit, maxLength: 3000 });
  const lines = fc.array(fc.oneof(text("grapheme"), fc.constantFrom(...HOSTILE), fc.string({ unit: fc.constantFrom("\n", " ", "-", "a", "<", ">", '"', ",", "{", "}", "="), maxLength: 200 })), { maxLength: 60 });
  return fc.oneof(
    fc.uint8Array({ maxLength: 8192 }).map((bytes) => ({ bytes, label: "random bytes" })),
    text("binary").map((s) => ({ bytes: encoder.encode(s), label: "random text" })),
    text("binary-ascii").map((s) => ({ bytes: encoder.encode(s), label: "random ascii" })),
    lines.map((list) => ({ bytes: encoder.encode(`${firstLine}\n${list.join("\n")}`), label: "first line + noise" })),
  );
}
