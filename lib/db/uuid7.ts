// UUID version 7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random bits. Ids made one after
// another sort one after another, so a bulk load appends to the primary-key index (and to the indexes
// that hold foreign keys to it) instead of touching a random page of it for every row.
import { randomFillSync } from "node:crypto";

const pool = new Uint8Array(16 * 256);
let offset = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function uuidv7(now = Date.now()): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const b = pool.subarray(offset, offset + 16);
  offset += 16;
  // Unix time in milliseconds, big-endian, in the first 6 bytes (beyond 2^32, so not with bit operators).
  let time = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = time % 256;
    time = Math.floor(time / 256);
  }
  b[6] = 0x70 | (b[6] & 0x0f); // version 7
  b[8] = 0x80 | (b[8] & 0x3f); // variant 10
  const h = (i: number) => HEX[b[i]];
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}
