// Compares our JSON output with a reference's: same keys in the same order, same strings, booleans
// and nulls, numbers within an absolute tolerance. Returns every difference, with its path.
export function jsonDifferences(actual: unknown, expected: unknown, tolerance: number, path = "$"): string[] {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return [`${path}: expected ${expected}, got ${JSON.stringify(actual)}`];
    return Math.abs(actual - expected) <= tolerance ? [] : [`${path}: expected ${expected}, got ${actual}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array`];
    if (actual.length !== expected.length) return [`${path}: expected ${expected.length} entries, got ${actual.length}`];
    return expected.flatMap((e, i) => jsonDifferences(actual[i], e, tolerance, `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return [`${path}: expected an object`];
    const keys = Object.keys(expected);
    const actualKeys = Object.keys(actual);
    if (keys.join() !== actualKeys.join()) return [`${path}: expected keys ${keys.join()}, got ${actualKeys.join()}`];
    return keys.flatMap((k) =>
      jsonDifferences((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], tolerance, `${path}.${k}`),
    );
  }
  return actual === expected ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
