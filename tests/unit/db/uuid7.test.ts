import { describe, expect, it } from "vitest";
import { uuidv7 } from "@/lib/db/uuid7";

describe("uuidv7", () => {
  it("writes the version, the variant and the time in milliseconds", () => {
    const id = uuidv7(Date.UTC(2026, 10, 21, 12, 0, 0, 123));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 21, 12, 0, 0, 123));
  });

  it("sorts later ids after earlier ones, and never repeats", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => uuidv7(1_700_000_000_000 + Math.floor(i / 10)));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 10; i < ids.length; i += 10) expect(ids[i] > ids[i - 1]).toBe(true);
  });
});
