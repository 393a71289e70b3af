import { describe, expect, it } from "vitest";
import { assertDraft, expertWriteRefusal } from "@/lib/delphi/round-guard";

const now = new Date("2026-11-21T12:00:00Z");

describe("expertWriteRefusal", () => {
  it("takes writes to an open round before its deadline", () => {
    expect(expertWriteRefusal({ status: "OPEN", deadline: null }, "answers", now)).toBeNull();
    expect(expertWriteRefusal({ status: "OPEN", deadline: new Date("2026-11-21T12:00:01Z") }, "answers", now)).toBeNull();
  });

  it("says why it refuses: draft, deadline (with its time) or closed", () => {
    expect(expertWriteRefusal({ status: "DRAFT", deadline: null }, "answers", now)).toBe("This round is not open yet");
    expect(expertWriteRefusal({ status: "OPEN", deadline: new Date("2026-11-21T12:00:00Z") }, "comments", now)).toBe("The deadline of this round passed on 2026-11-21 12:00 UTC; comments are no longer accepted");
    expect(expertWriteRefusal({ status: "CLOSED", deadline: null }, "rankings", now)).toBe("This round is closed; rankings are no longer accepted");
  });
});

describe("assertDraft", () => {
  it("lets only a draft change", () => {
    expect(() => assertDraft({ status: "DRAFT", deadline: null }, "items")).not.toThrow();
    expect(() => assertDraft({ status: "OPEN", deadline: null }, "items")).toThrow("The round is open; the items can only be changed before it opens");
    expect(() => assertDraft({ status: "CLOSED", deadline: null }, "items")).toThrow("This round is closed and can no longer be changed (the items)");
  });
});
