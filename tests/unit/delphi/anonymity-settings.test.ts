import { describe, expect, it } from "vitest";
import { anonymitySettingsOf, attributionCovers, DEFAULT_ANONYMITY_SETTINGS } from "@/lib/delphi/anonymity-settings";

const SINCE = "2026-03-01T12:00:00.000Z";
const on = { adminAttribution: true, attributedSince: SINCE };

describe("anonymitySettingsOf", () => {
  it("reads the stored setting", () => {
    expect(anonymitySettingsOf({ anonymity: on, alerts: { emergingScoreMin: 2 } })).toEqual(on);
    expect(anonymitySettingsOf({ anonymity: { adminAttribution: false, attributedSince: null } })).toEqual({ adminAttribution: false, attributedSince: null });
  });

  it.each([
    ["no settings", null],
    ["no anonymity key", { curation: { autoAccept: null } }],
    ["a string for the flag", { anonymity: { adminAttribution: "true", attributedSince: SINCE } }],
    ["on without the time it was switched on", { anonymity: { adminAttribution: true, attributedSince: null } }],
    ["a time that is not ISO 8601", { anonymity: { adminAttribution: true, attributedSince: "yesterday" } }],
    ["an unknown key", { anonymity: { ...on, showToPlanners: true } }],
  ])("falls back to anonymous with %s", (_, settings) => {
    expect(anonymitySettingsOf(settings)).toEqual({ adminAttribution: false, attributedSince: null });
    expect(DEFAULT_ANONYMITY_SETTINGS).toEqual({ adminAttribution: false, attributedSince: null });
  });
});

describe("attributionCovers", () => {
  const at = (iso: string) => new Date(iso);

  it("covers nothing while attribution is off", () => {
    expect(attributionCovers(DEFAULT_ANONYMITY_SETTINGS, { status: "DRAFT", openedAt: null })).toBe(false);
    expect(attributionCovers(DEFAULT_ANONYMITY_SETTINGS, { status: "OPEN", openedAt: at("2030-01-01T00:00:00Z") })).toBe(false);
  });

  it("covers rounds opened at or after the switch and drafts, never rounds opened before it", () => {
    expect(attributionCovers(on, { status: "OPEN", openedAt: at(SINCE) })).toBe(true);
    expect(attributionCovers(on, { status: "CLOSED", openedAt: at("2026-03-01T12:00:00.001Z") })).toBe(true);
    expect(attributionCovers(on, { status: "CLOSED", openedAt: at("2026-03-01T11:59:59.999Z") })).toBe(false);
    expect(attributionCovers(on, { status: "DRAFT", openedAt: null })).toBe(true);
  });

  it("treats an opened round without an opening time as opened before: anonymous", () => {
    expect(attributionCovers(on, { status: "OPEN", openedAt: null })).toBe(false);
  });
});
