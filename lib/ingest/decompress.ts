// Compressed uploads. A gzip file or a zip archive — recognised by its first bytes, never by its name —
// is inflated as a stream before format detection, so every importer reads it like the plain file.
// The inflated size is capped, and past the first 16 MB so is the inflated-to-compressed ratio: a
// compression bomb fails with a clear message after a few megabytes of work, in bounded memory.
// A zip yields its FIRST FILE ENTRY (folders and macOS metadata before it are skipped; entries after
// it are not read): one export per archive. A compressed file inside the archive is refused, not
// unpacked again, so nested bombs (42.zip) stop at the first level.
import { Readable, type Transform } from "node:stream";
import { crc32, createGunzip, createInflateRaw } from "node:zlib";
import { env } from "@/lib/env";
import { AppError, invalid } from "@/lib/errors";

const MB = 1024 * 1024;

export type DecompressLimits = {
  /** Most bytes a compressed input may inflate to. */
  maxBytes: number;
  /** Most inflated bytes per compressed byte, checked once `ratioFloor` bytes are out. */
  maxRatio: number;
  ratioFloor?: number;
};

const RATIO_FLOOR = 16 * MB;

/** The limits the environment sets (DECOMPRESSED_LIMIT_MB, DECOMPRESSION_MAX_RATIO). */
export function decompressionLimits(): DecompressLimits {
  const { DECOMPRESSED_LIMIT_MB, DECOMPRESSION_MAX_RATIO } = env();
  return { maxBytes: DECOMPRESSED_LIMIT_MB * MB, maxRatio: DECOMPRESSION_MAX_RATIO };
}

type Kind = "gzip" | "zip" | "plain";

function kindOf(start: Uint8Array): Kind {
  if (start[0] === 0x1f && start[1] === 0x8b) return "gzip";
  if (start[0] === 0x50 && start[1] === 0x4b && [3, 5, 7].includes(start[2]) && start[3] === start[2] + 1) return "zip";
  return "plain";
}

/** Bytes in; the same bytes out, or, for gzip and zip, the inflated bytes. Errors are AppErrors. */
export async function* decompress(input: AsyncIterable<Uint8Array>, limits: DecompressLimits = decompressionLimits()): AsyncGenerator<Uint8Array> {
  const reader = new ByteReader(input[Symbol.asyncIterator]());
  try {
    await reader.fill(4);
    const kind = kindOf(reader.peek(4));
    if (kind === "plain") {
      yield* reader.stream();
      return;
    }
    const inflated = kind === "gzip" ? gunzip(reader, limits) : unzipFirstFile(reader, limits);
    yield* refuseNested(inflated, kind);
  } finally {
    await reader.close();
  }
}

function gunzip(reader: ByteReader, limits: DecompressLimits): AsyncGenerator<Uint8Array> {
  const gunzipper = createGunzip();
  // zlib's own count of the input it has consumed: the ratio is not fooled by read-ahead.
  return guard(inflate(reader.stream(), gunzipper, "gzip file"), () => gunzipper.bytesWritten, limits, "The gzip file");
}

/** The first bytes of what came out of an archive must not be another archive. */
async function* refuseNested(inflated: AsyncGenerator<Uint8Array>, kind: Kind): AsyncGenerator<Uint8Array> {
  const inner = new ByteReader(inflated);
  try {
    await inner.fill(4);
    if (kindOf(inner.peek(4)) !== "plain") {
      throw invalid(`The ${kind} file holds another compressed file; unpack it and upload the file inside`);
    }
    yield* inner.stream();
  } finally {
    await inner.close();
  }
}

// ── zip ──────────────────────────────────────────────────────────────────────────────────────────
// Read front to back through local file headers (APPNOTE.TXT 4.3.7), without the central directory
// at the end, so nothing is buffered. Sizes in a local header are trusted only as far as checked.

const LOCAL_HEADER = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const METHODS: Record<number, string> = { 1: "Shrink", 6: "Implode", 9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 99: "AES" };

type Entry = { name: string; flags: number; method: number; crc: number; compressed: number; size: number; descriptor: boolean };

async function* unzipFirstFile(reader: ByteReader, limits: DecompressLimits): AsyncGenerator<Uint8Array> {
  for (;;) {
    if (!(await reader.fill(4))) throw invalid("The zip archive holds no file");
    const signature = reader.u32(0);
    if (signature === CENTRAL_HEADER || signature === END_OF_CENTRAL) throw invalid("The zip archive holds no file");
    if (signature === DESCRIPTOR) {
      reader.take(4); // the spanning marker some writers put first
      continue;
    }
    if (signature !== LOCAL_HEADER) throw invalid(`The zip archive is corrupt: no file header at byte ${reader.offset}`);
    const entry = await readLocalHeader(reader);
    if (entry.flags & 1) throw invalid(`"${entry.name}" in the zip archive is encrypted; upload it unencrypted`);
    if (isFolderOrMetadata(entry.name)) {
      await skipEntry(reader, entry);
      continue;
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw invalid(`"${entry.name}" in the zip archive uses ${METHODS[entry.method] ?? `compression method ${entry.method}`}; only stored and deflated files are read`);
    }
    if (entry.method === 0 && entry.descriptor) throw invalid(`"${entry.name}" in the zip archive is stored without its size; zip it again with compression`);
    refuseDeclaredBomb(entry, limits);
    yield* readEntry(reader, entry, limits);
    return;
  }
}

async function readLocalHeader(reader: ByteReader): Promise<Entry> {
  if (!(await reader.fill(30))) throw invalid("The zip archive is truncated inside a file header");
  const [flags, method, crc] = [reader.u16(6), reader.u16(8), reader.u32(14)];
  let [compressed, size] = [reader.u32(18), reader.u32(22)];
  const [nameLength, extraLength] = [reader.u16(26), reader.u16(28)];
  if (!(await reader.fill(30 + nameLength + extraLength))) throw invalid("The zip archive is truncated inside a file header");
  reader.take(30);
  const nameBytes = reader.take(nameLength);
  const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(nameBytes).slice(0, 200);
  const extra = reader.take(extraLength);
  // Zip64 (4.5.3): sizes that do not fit 32 bits are 0xFFFFFFFF here and 64-bit in extra field 0x0001.
  if (size === 0xffffffff || compressed === 0xffffffff) {
    const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
    for (let at = 0; at + 4 <= extra.length; at += 4 + view.getUint16(at + 2, true)) {
      if (view.getUint16(at, true) !== 0x0001) continue;
      let field = at + 4;
      const next = () => (field + 8 <= extra.length ? Number(view.getBigUint64((field += 8) - 8, true)) : -1);
      if (size === 0xffffffff) size = next();
      if (compressed === 0xffffffff) compressed = next();
      break;
    }
    if (size < 0 || compressed < 0 || size === 0xffffffff || compressed === 0xffffffff) throw invalid(`"${name}" in the zip archive has a broken Zip64 header`);
  }
  return { name, flags, method, crc, compressed, size, descriptor: (flags & 8) !== 0 };
}

/** What the header declares is checked before a byte is inflated (the inflated bytes are checked again as they come). */
function refuseDeclaredBomb(entry: Entry, limits: DecompressLimits): void {
  if (entry.descriptor) return;
  const what = `"${entry.name}" in the zip archive`;
  if (entry.size > limits.maxBytes) {
    throw new AppError("too_large", `${what} inflates to more than ${Math.round(limits.maxBytes / MB)} MB, the limit for compressed uploads`);
  }
  if (entry.size > (limits.ratioFloor ?? RATIO_FLOOR) && entry.size > limits.maxRatio * Math.max(1, entry.compressed)) {
    throw new AppError("too_large", `${what} inflates to more than ${limits.maxRatio} times its compressed size: refused as a likely compression bomb`);
  }
}

function isFolderOrMetadata(name: string): boolean {
  const base = name.replace(/\/$/, "").split("/").at(-1) ?? "";
  return name.endsWith("/") || name.startsWith("__MACOSX/") || base.startsWith("._") || base === ".DS_Store";
}

/** Passes over an entry not to be read: its recorded size, or a folder's empty data and descriptor. */
async function skipEntry(reader: ByteReader, entry: Entry): Promise<void> {
  if (!entry.descriptor || entry.compressed > 0) {
    if (!(await reader.skip(entry.compressed))) throw invalid("The zip archive is truncated");
    if (entry.descriptor) await skipDescriptor(reader);
    return;
  }
  if (!entry.name.endsWith("/")) throw invalid(`"${entry.name}" comes before the file to import and has no recorded size; zip the export alone`);
  // A folder written by a streaming zipper: no data when stored, an empty final block (03 00) when deflated.
  if (entry.method === 8) {
    if (!(await reader.fill(2)) || reader.u16(0) !== 0x0003) throw invalid(`The zip archive is corrupt at "${entry.name}"`);
    reader.take(2);
  }
  await skipDescriptor(reader);
}

async function skipDescriptor(reader: ByteReader): Promise<void> {
  await reader.fill(4);
  const length = reader.u32(0) === DESCRIPTOR ? 16 : 12; // 32-bit sizes; Zip64 descriptors only follow Zip64 entries
  if (!(await reader.skip(length))) throw invalid("The zip archive is truncated");
}

/** The entry's bytes, inflated and checked against the sizes and CRC-32 its header declares (when it does). */
async function* readEntry(reader: ByteReader, entry: Entry, limits: DecompressLimits): AsyncGenerator<Uint8Array> {
  const counter = { compressed: 0 };
  const source = counted(reader.stream(entry.descriptor ? Infinity : entry.compressed), counter);
  const what = `"${entry.name}" in the zip archive`;
  const inflater = createInflateRaw();
  const raw = entry.method === 0 ? source : inflate(source, inflater, `zip entry "${entry.name}"`);
  const consumed = () => (entry.method === 0 ? counter.compressed : inflater.bytesWritten);
  let [size, crc] = [0, 0];
  for await (const chunk of guard(raw, consumed, limits, what)) {
    size += chunk.length;
    if (!entry.descriptor && size > entry.size) throw invalid(`${what} inflates to more than the ${entry.size} bytes it declares`);
    crc = crc32(chunk, crc);
    yield chunk;
  }
  if (entry.descriptor) return; // sizes and CRC follow the data; nothing after this entry is read
  if (consumed() < entry.compressed || size < entry.size) throw invalid(`${what} is truncated`);
  if (crc !== entry.crc) throw invalid(`${what} is corrupt (its CRC-32 does not match)`);
}

// ── streams ──────────────────────────────────────────────────────────────────────────────────────

async function* counted(source: AsyncIterable<Uint8Array>, counter: { compressed: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    counter.compressed += chunk.length;
    yield chunk;
  }
}

/** Fails as soon as the output passes the size cap, or (past the floor) the ratio to its input. */
async function* guard(output: AsyncIterable<Uint8Array>, consumed: () => number, limits: DecompressLimits, what: string) {
  const floor = limits.ratioFloor ?? RATIO_FLOOR;
  let inflated = 0;
  for await (const chunk of output) {
    inflated += chunk.length;
    if (inflated > limits.maxBytes) {
      throw new AppError("too_large", `${what} inflates to more than ${Math.round(limits.maxBytes / MB)} MB, the limit for compressed uploads`);
    }
    if (inflated > floor && inflated > limits.maxRatio * Math.max(1, consumed())) {
      throw new AppError("too_large", `${what} inflates to more than ${limits.maxRatio} times its compressed size: refused as a likely compression bomb`);
    }
    yield chunk;
  }
}

/** Pipes bytes through a zlib transform with backpressure; zlib's errors become AppErrors, the source's pass through. */
async function* inflate(source: AsyncIterable<Uint8Array>, transform: Transform, what: string): AsyncGenerator<Uint8Array> {
  let sourceError: unknown = null;
  const input = Readable.from(source, { highWaterMark: 1 }); // one chunk read ahead, not sixteen
  input.once("error", (error) => {
    sourceError = error;
    transform.destroy(error);
  });
  input.pipe(transform);
  try {
    for await (const chunk of transform) yield chunk as Buffer;
  } catch (error) {
    if (sourceError) throw sourceError;
    throw invalid(`The ${what} is corrupt or truncated (${(error as Error).message})`);
  } finally {
    input.destroy();
    transform.destroy();
  }
}

/** A byte source read by exact counts (headers) or as it comes (data), with nothing held beyond a chunk. */
class ByteReader {
  private chunks: Uint8Array[] = [];
  private length = 0;
  private ended = false;
  /** Bytes taken so far, for messages. */
  offset = 0;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  /** Buffers until `n` bytes are available; false when the input ends first. */
  async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.ended) {
      const next = await this.source.next();
      if (next.done) this.ended = true;
      else if (next.value.length > 0) {
        this.chunks.push(next.value);
        this.length += next.value.length;
      }
    }
    return this.length >= n;
  }

  /** Up to `n` buffered bytes without taking them. */
  peek(n: number): Uint8Array {
    const first = this.chunks[0];
    if (first && first.length >= n) return first.subarray(0, n);
    const out = new Uint8Array(Math.min(n, this.length));
    let at = 0;
    for (const chunk of this.chunks) {
      if (at >= out.length) break;
      const part = chunk.subarray(0, out.length - at);
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  /** Takes up to `n` buffered bytes. */
  take(n: number): Uint8Array {
    const out = this.peek(n);
    let left = out.length;
    while (left > 0) {
      const first = this.chunks[0];
      if (first.length <= left) {
        this.chunks.shift();
        left -= first.length;
      } else {
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    this.length -= out.length;
    this.offset += out.length;
    return out;
  }

  u16(at: number): number {
    const b = this.peek(at + 2);
    return b[at] | (b[at + 1] << 8);
  }

  u32(at: number): number {
    const b = this.peek(at + 4);
    return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
  }

  /** The next `limit` bytes (all that remain when Infinity), chunk by chunk. */
  async *stream(limit = Infinity): AsyncGenerator<Uint8Array> {
    let left = limit;
    while (left > 0 && (this.length > 0 || (await this.fill(1)))) {
      const chunk = this.take(Math.min(left, this.chunks[0].length));
      left -= chunk.length;
      yield chunk;
    }
  }

  /** Discards `n` bytes; false when the input ends first. */
  async skip(n: number): Promise<boolean> {
    let skipped = 0;
    for await (const chunk of this.stream(n)) skipped += chunk.length;
    return skipped === n;
  }

  async close(): Promise<void> {
    await this.source.return?.();
  }
}
