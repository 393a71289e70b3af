// Archives built in memory for the trust tests: zip files written entry by entry (APPNOTE.TXT local
// headers, optional data descriptors, a central directory), and bombs whose inflated bytes are
// streamed through zlib so they never exist at once.
import { createDeflateRaw, createGzip, crc32, deflateRawSync } from "node:zlib";
import type { Transform } from "node:stream";

export type ZipEntrySpec = {
  name: string;
  data: Uint8Array | string;
  /** 0 stored, 8 deflated (default), anything else to test refusal. */
  method?: number;
  /** Sizes and CRC after the data (general-purpose flag bit 3), as streaming zippers write them. */
  descriptor?: boolean;
  /** Extra general-purpose flags (bit 0: encrypted). */
  flags?: number;
  /** Overrides of what the header declares, to build lying or corrupt archives. */
  declaredSize?: number;
  declaredCrc?: number;
};

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

type Written = { name: Buffer; flags: number; method: number; crc: number; compressed: number; size: number; offset: number };

/** A complete zip archive holding `entries` in order. */
export function zipFile(entries: ZipEntrySpec[]): Buffer {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  for (const entry of entries) {
    const data = Buffer.from(typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : entry.data);
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const flags = (entry.flags ?? 0) | 0x800 | (entry.descriptor ? 8 : 0);
    const w: Written = {
      name: Buffer.from(entry.name, "utf8"), flags, method, crc: entry.declaredCrc ?? crc32(data), compressed: body.length,
      size: entry.declaredSize ?? data.length, offset,
    };
    written.push(w);
    const [crc, compressed, size] = entry.descriptor ? [0, 0, 0] : [w.crc, w.compressed, w.size];
    push(Buffer.concat([u32(0x04034b50), u16(20), u16(flags), u16(method), u16(0), u16(0x21), u32(crc), u32(compressed), u32(size), u16(w.name.length), u16(0), w.name]));
    push(body);
    if (entry.descriptor) push(Buffer.concat([u32(0x08074b50), u32(w.crc), u32(w.compressed), u32(w.size)]));
  }
  push(centralDirectory(written, offset));
  return Buffer.concat(parts);
}

function centralDirectory(written: Written[], start: number): Buffer {
  const records = written.map((w) =>
    Buffer.concat([
      u32(0x02014b50), u16(20), u16(20), u16(w.flags), u16(w.method), u16(0), u16(0x21), u32(w.crc), u32(w.compressed), u32(w.size),
      u16(w.name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(w.offset), w.name,
    ]),
  );
  const directory = Buffer.concat(records);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(written.length), u16(written.length), u32(directory.length), u32(start), u16(0)]);
  return Buffer.concat([directory, end]);
}

/** `prefix` then `size` bytes of `fill`, pushed through a zlib compressor; returns the compressed bytes and the CRC-32 of the input. */
async function compressStream(compressor: Transform, prefix: string, size: number, fill: number): Promise<{ bytes: Buffer; crc: number }> {
  const out: Buffer[] = [];
  compressor.on("data", (c: Buffer) => out.push(c));
  const ended = new Promise((resolve, reject) => compressor.on("end", resolve).on("error", reject));
  const block = Buffer.alloc(1024 * 1024, fill);
  let crc = crc32(prefix);
  compressor.write(prefix);
  for (let left = size; left > 0; left -= block.length) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    crc = crc32(piece, crc);
    if (!compressor.write(piece)) await new Promise((resolve) => compressor.once("drain", resolve));
  }
  compressor.end();
  await ended;
  return { bytes: Buffer.concat(out), crc };
}

/** A gzip file of `prefix` followed by `size` bytes of `fill` (1 GB of spaces compresses to ~1 MB). */
export async function gzipBomb(prefix: string, size: number, fill = 0x20): Promise<Buffer> {
  return (await compressStream(createGzip({ level: 9 }), prefix, size, fill)).bytes;
}

/** A zip archive whose one entry inflates to `prefix` + `size` bytes of `fill`; sizes in a trailing descriptor, as streaming zippers write them. */
export async function zipBomb(name: string, prefix: string, size: number, fill = 0x20): Promise<Buffer> {
  const { bytes, crc } = await compressStream(createDeflateRaw({ level: 9 }), prefix, size, fill);
  const nameBytes = Buffer.from(name, "utf8");
  const total = Buffer.byteLength(prefix) + size;
  const header = Buffer.concat([u32(0x04034b50), u16(20), u16(0x808), u16(8), u16(0), u16(0x21), u32(0), u32(0), u32(0), u16(nameBytes.length), u16(0), nameBytes]);
  const descriptor = Buffer.concat([u32(0x08074b50), u32(crc), u32(bytes.length), u32(total)]);
  const written: Written = { name: nameBytes, flags: 0x808, method: 8, crc, compressed: bytes.length, size: total, offset: 0 };
  return Buffer.concat([header, bytes, descriptor, centralDirectory([written], header.length + bytes.length + descriptor.length)]);
}
