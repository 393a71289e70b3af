// Trust figures: each trust test states what it measured as one line, e.g.
// "importer fuzzing: 0 crashes in 3600 inputs (18 formats)". The line is printed with a fixed prefix
// ("[trust:key] …") and, when TRUST_RESULTS names a file, appended to it as one JSON line; `npm run
// test:trust` (scripts/test-trust.ts) collects both and prints each figure once. A new trust test plugs
// in by calling reportFigure.
import { appendFileSync } from "node:fs";

/** A printed figure: `[trust:<key>] <line>`. */
export const FIGURE_PATTERN = /\[trust:([\w-]+)\] (.+)$/;

/** Full-size runs (thousands of fuzz cases, 200 MB lines, killed workers) only under `npm run test:trust`. */
export const TRUST_FULL = process.env.TRUST_FULL === "1";

export type Figure = { key: string; line: string };

/** Records one figure: `key` names it (stable, for the runner's order), `line` is what a person reads. */
export function reportFigure(key: string, line: string): void {
  console.info(`[trust:${key}] ${line}`);
  const file = process.env.TRUST_RESULTS;
  // One short write with O_APPEND: lines from parallel test processes never interleave.
  if (file) appendFileSync(file, `${JSON.stringify({ key, line } satisfies Figure)}\n`);
}

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
