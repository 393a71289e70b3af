import { describe, expect, it } from "vitest";
import { singular } from "@/lib/text/singular";

describe("singular", () => {
  it.each([
    ["networks", "network"],
    ["batteries", "battery"],
    ["approaches", "approach"],
    ["processes", "process"],
    ["boxes", "box"],
    ["images", "image"],
    ["caches", "cache"],
    ["cookies", "cookie"],
  ])("turns the plural %s into %s", (plural, expected) => {
    expect(singular(plural)).toBe(expected);
  });

  it.each(["analysis", "glass", "virus", "genomics", "photonics", "robotics", "physics", "series", "lens", "gas", "learning"])(
    "leaves the singular %s alone",
    (word) => {
      expect(singular(word)).toBe(word);
    },
  );
});
