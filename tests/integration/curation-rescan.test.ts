// Expert labels outlive re-training: after a new scan, the machine theme that matches an
// expert-labelled theme of the previous version (top-term Jaccard ≥ 0.3) carries the expert's label.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { processScan } from "@/lib/scans/process-scan";
import { proposeChange } from "@/lib/curation/propose-change";
import { acceptProposal } from "@/lib/curation/decide-proposal";
import { compareThemeSets } from "@/lib/curation/compare-theme-sets";
import { LABEL_MATCH } from "@/lib/curation/label-matching";
import type { Viewer } from "@/lib/auth/permissions";
import { createInvitedExpert, createRound, createStudy, createUser, resetDatabase } from "./helpers";

let admin: Viewer;
let studyId: string;

beforeEach(async () => {
  await resetDatabase();
  const { password: _p, ...a } = await createUser({ role: "ADMIN" });
  admin = a;
  studyId = (await createStudy({ actorId: admin.id })).id;
});
afterAll(disconnectDb);

const VOCABULARIES = {
  battery: ["lithium", "anode", "cathode", "electrolyte", "separator", "dendrite", "cell", "capacity", "cycling", "graphite", "solid", "ion"],
  hydrogen: ["hydrogen", "electrolyser", "membrane", "catalyst", "platinum", "proton", "fuel", "stack", "oxygen", "water", "pressure", "tank"],
  quantum: ["quantum", "qubit", "entanglement", "gate", "superconducting", "photon", "error", "correction", "circuit", "coherence", "algorithm", "annealing"],
};

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function createDocuments() {
  const random = mulberry32(5);
  let n = 0;
  for (const [name, words] of Object.entries(VOCABULARIES)) {
    for (let i = 0; i < 20; i++) {
      const pick = () => words[Math.floor(random() * words.length)];
      const text = Array.from({ length: 30 }, pick).join(" ");
      await db().document.create({
        data: { studyId, kind: "PAPER", title: `${name} study ${i}`, abstract: text, year: 2015 + (i % 8), dedupKey: `title:${name}-${i}`, contentHash: `${name}${i}` },
      });
      n++;
    }
  }
  return n;
}

async function scan(seed: number) {
  const row = await db().scan.create({ data: { studyId, parameters: { k: 3, iterations: 150, seed } } });
  await processScan(row.id);
  expect(await db().scan.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SUCCEEDED" });
  return db().themeSet.findFirstOrThrow({ where: { studyId }, orderBy: { version: "desc" }, include: { themes: { orderBy: { index: "asc" } } } });
}

const termsOf = (theme: { topTerms: unknown }) => (theme.topTerms as { term: string }[]).map((t) => t.term);

describe("a re-scan", () => {
  it("keeps the expert's label on the theme that matches the relabelled one, and only there, and closes stale proposals", async () => {
    await createDocuments();
    const round = await createRound({ studyId, status: "DRAFT" });
    const eve = await createInvitedExpert(round.id);

    const v1 = await scan(1);
    const battery = v1.themes.find((t) => termsOf(t).slice(0, 5).includes("lithium"))!;
    expect(battery).toBeDefined();
    const proposal = await proposeChange(eve, studyId, { kind: "RELABEL", themeId: battery.id, label: "Lithium-ion batteries", labelZh: "锂离子电池", reason: "Name the technology" });
    const v2 = await acceptProposal(admin, proposal.id);
    expect(v2.version).toBe(2);

    const pending = await proposeChange(eve, studyId, { kind: "DELETE", themeId: (await db().theme.findFirstOrThrow({ where: { themeSetId: v2.id, labelSource: "MACHINE" } })).id, reason: "Not needed" });

    const v3 = await scan(9);
    // The re-fitted themes are not the ones the open proposal named: it is closed as superseded.
    expect(await db().curationProposal.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "WITHDRAWN", decidedById: null });
    expect(v3).toMatchObject({ version: 3, origin: "MACHINE" });
    const carried = v3.themes.filter((t) => t.labelSource === "EXPERT");
    expect(carried).toHaveLength(1);
    const [theme] = carried;
    expect(theme).toMatchObject({ label: "Lithium-ion batteries", labelZh: "锂离子电池" });
    expect(termsOf(theme).slice(0, 5)).toContain("lithium");
    const labelCarried = (theme.evidence as { labelCarried: { fromVersion: number; jaccard: number; machineLabel: string } }).labelCarried;
    expect(labelCarried.fromVersion).toBe(2);
    expect(labelCarried.jaccard).toBeGreaterThanOrEqual(LABEL_MATCH.threshold);
    expect(labelCarried.machineLabel).not.toBe("Lithium-ion batteries");
    for (const other of v3.themes.filter((t) => t.id !== theme.id)) expect(other.labelSource).toBe("MACHINE");
    expect(await db().auditLog.count({ where: { studyId, action: "theme_set.carry_labels", entityId: v3.id } })).toBe(1);

    // A new machine version is not in the curated line; it compares with nothing but itself.
    const self = await compareThemeSets(admin, studyId, v3.id);
    expect(self.changes.every((c) => c.change === "unchanged")).toBe(true);
  });
});
