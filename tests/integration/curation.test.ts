// Theme curation against a real PostgreSQL: each accepted proposal makes the next theme-set version
// with the right themes, counts and document weights; votes can accept by majority; open proposals
// follow the themes they name; and experts never learn who proposed or voted.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import { proposeChange } from "@/lib/curation/propose-change";
import { acceptProposal, rejectProposal, withdrawProposal } from "@/lib/curation/decide-proposal";
import { voteOnProposal } from "@/lib/curation/vote-on-proposal";
import { updateCurationSettings } from "@/lib/curation/update-curation-settings";
import { getCurationBoard } from "@/lib/curation/get-curation-board";
import { compareThemeSets, machineAgreementByRound } from "@/lib/curation/compare-theme-sets";
import { createRoundFromThemes } from "@/lib/delphi/create-round";
import { createInvitedExpert, createRound, createStudy, createUser, resetDatabase } from "./helpers";

let admin: Viewer;
let studyId: string;
let roundId: string;

beforeEach(async () => {
  await resetDatabase();
  const { password: _p, ...a } = await createUser({ role: "ADMIN", name: "Ada Admin", email: "ada@example.test" });
  admin = a;
  studyId = (await createStudy({ actorId: admin.id })).id;
  roundId = (await createRound({ studyId, status: "DRAFT" })).id;
});
afterAll(disconnectDb);

const LITHIUM = ["lithium", "anode", "cathode", "electrolyte", "separator", "dendrite"];
const HYDROGEN = ["hydrogen", "electrolyser", "membrane", "catalyst", "platinum", "proton"];

/** Cluster text: six words of its own vocabulary in turn and a shared phrase, varied by position. */
function text(words: string[], i: number): string {
  const own = Array.from({ length: 14 }, (_, j) => words[(i * 5 + j * (j + 1)) % words.length]);
  return `${own.join(" ")} energy storage system`;
}

type Fixture = Awaited<ReturnType<typeof createThemeSet>>;

/**
 * Version 1, as a scan would store it: "storage" holds 12 lithium and 12 hydrogen documents (and two
 * where it is a minor share), "quantum computing" and "quantum sensing" share four documents, and
 * "misc" has five of its own.
 */
async function createThemeSet() {
  const docs: Record<string, { id: string; year: number }> = {};
  const make = async (key: string, title: string, year: number) => {
    const d = await db().document.create({ data: { studyId, kind: "PAPER", title, abstract: "", year, dedupKey: `title:${key}`, contentHash: key } });
    docs[key] = { id: d.id, year };
  };
  for (let i = 0; i < 12; i++) {
    await make(`L${i}`, text(LITHIUM, i), 2018 + (i % 6));
    await make(`H${i}`, text(HYDROGEN, i), 2018 + (i % 6));
  }
  for (let i = 0; i < 12; i++) await make(`Q${i}`, `quantum qubit entanglement gate ${i}`, 2019 + (i % 4));
  for (let i = 0; i < 5; i++) await make(`M${i}`, `miscellaneous notes ${i}`, 2020);

  const set = await db().themeSet.create({ data: { studyId, version: 1, origin: "MACHINE", note: "Machine themes from a scan" } });
  const weights: Record<string, [string, number][]> = {
    storage: [...Array.from({ length: 12 }, (_, i) => [`L${i}`, 0.5 + (i % 4) * 0.1] as [string, number]), ...Array.from({ length: 12 }, (_, i) => [`H${i}`, 0.6 + (i % 3) * 0.1] as [string, number]), ["Q0", 0.1], ["Q1", 0.12]],
    computing: Array.from({ length: 8 }, (_, i) => [`Q${i}`, i < 4 ? 0.8 : 0.15] as [string, number]),
    sensing: Array.from({ length: 8 }, (_, i) => [`Q${i + 4}`, i < 4 ? 0.1 : 0.7] as [string, number]),
    misc: Array.from({ length: 5 }, (_, i) => [`M${i}`, 0.9] as [string, number]),
  };
  const terms: Record<string, string[]> = {
    storage: ["energy", "storage", "lithium", "hydrogen", "membrane", "anode"],
    computing: ["quantum", "qubit", "gate"],
    sensing: ["quantum", "sensing", "entanglement"],
    misc: ["miscellaneous", "note"],
  };
  const themes: Record<string, { id: string; weight: number }> = {};
  for (const [index, name] of ["storage", "computing", "sensing", "misc"].entries()) {
    const list = weights[name];
    const theme = await db().theme.create({
      data: {
        themeSetId: set.id,
        index,
        label: name,
        topTerms: terms[name].map((term, j) => ({ term, weight: 0.2 / (j + 1) })),
        weight: [0.4, 0.2, 0.15, 0.25][index],
        documentCount: list.filter(([, w]) => w >= 0.2).length,
        evidence: { modelVersion: "gibbs-2", representative: [{ documentId: docs[list[0][0]].id, weight: list[0][1] }] },
      },
    });
    await db().documentTheme.createMany({ data: list.map(([key, weight]) => ({ themeId: theme.id, documentId: docs[key].id, weight })) });
    themes[name] = { id: theme.id, weight: [0.4, 0.2, 0.15, 0.25][index] };
  }
  return { set, themes, docs, weights };
}

async function expert(name: string): Promise<Viewer> {
  return createInvitedExpert(roundId, { name, email: `${name.toLowerCase()}@example.test` });
}

async function latestVersion() {
  return db().themeSet.findFirstOrThrow({
    where: { studyId },
    orderBy: { version: "desc" },
    include: { themes: { orderBy: { index: "asc" }, include: { documents: true, yearStats: { orderBy: { year: "asc" } } } } },
  });
}

const weightsOf = (theme: { documents: { documentId: string; weight: number }[] }) =>
  Object.fromEntries(theme.documents.map((d) => [d.documentId, Number(d.weight.toFixed(10))]));

describe("an accepted relabel", () => {
  it("makes version 2 with the expert's label, the same documents, and every other theme copied", async () => {
    const { set, themes } = await createThemeSet();
    const eve = await expert("Eve");
    const proposal = await proposeChange(eve, studyId, { kind: "RELABEL", themeId: themes.storage.id, label: "Electrochemical energy storage", labelZh: "电化学储能", reason: "The machine label is too generic" });
    const v2 = await acceptProposal(admin, proposal.id);

    expect(v2).toMatchObject({ version: 2, origin: "CURATION", parentId: set.id, createdById: admin.id });
    const latest = await latestVersion();
    const previous = await db().theme.findMany({ where: { themeSetId: set.id }, orderBy: { index: "asc" }, include: { documents: true } });
    expect(latest.themes.map((t) => [t.label, t.labelSource, t.originIds])).toEqual([
      ["Electrochemical energy storage", "EXPERT", [themes.storage.id]],
      ["computing", "MACHINE", [themes.computing.id]],
      ["sensing", "MACHINE", [themes.sensing.id]],
      ["misc", "MACHINE", [themes.misc.id]],
    ]);
    expect(latest.themes[0].labelZh).toBe("电化学储能");
    latest.themes.forEach((t, i) => {
      expect(weightsOf(t)).toEqual(weightsOf(previous[i]));
      expect(t.documentCount).toBe(previous[i].documentCount);
      expect(t.weight).toBe(previous[i].weight);
    });
    // Version 1 is kept as it was.
    expect(previous[0].label).toBe("storage");
    expect(await db().curationProposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: "ACCEPTED", decidedById: admin.id, resultThemeSetId: v2.id });
    const actions = (await db().auditLog.findMany({ where: { studyId }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["proposal.create", "proposal.accept", "theme_set.create"]));
  });
});

describe("an accepted merge", () => {
  it("makes one theme whose document weights, shares and yearly figures are the sums of its parts", async () => {
    const { themes, docs, weights } = await createThemeSet();
    const eve = await expert("Eve");
    const proposal = await proposeChange(eve, studyId, { kind: "MERGE", themeIds: [themes.computing.id, themes.sensing.id], label: "Quantum technologies", reason: "Same community" });
    await acceptProposal(admin, proposal.id);

    const latest = await latestVersion();
    expect(latest.themes.map((t) => t.label)).toEqual(["storage", "Quantum technologies", "misc"]);
    const merged = latest.themes[1];
    expect(merged).toMatchObject({ labelSource: "EXPERT", originIds: [themes.computing.id, themes.sensing.id], index: 1 });
    expect(merged.weight).toBeCloseTo(themes.computing.weight + themes.sensing.weight, 12);

    const expected = new Map<string, number>();
    for (const [key, w] of [...weights.computing, ...weights.sensing]) expected.set(docs[key].id, (expected.get(docs[key].id) ?? 0) + w);
    expect(weightsOf(merged)).toEqual(Object.fromEntries([...expected].map(([id, w]) => [id, Number(w.toFixed(10))])));
    // Q4–Q7 are 0.15 + 0.1 = 0.25 together: members of the merged theme though of neither part.
    expect(merged.documentCount).toBe(12);

    const byYear = new Map<number, { volume: number; count: number }>();
    for (const [id, w] of expected) {
      const year = Object.values(docs).find((d) => d.id === id)!.year;
      const entry = byYear.get(year) ?? { volume: 0, count: 0 };
      entry.volume += w;
      if (w >= 0.2) entry.count++;
      byYear.set(year, entry);
    }
    expect(merged.yearStats.map((y) => [y.year, Number(y.volume.toFixed(10)), y.documentCount])).toEqual(
      [...byYear].sort((a, b) => a[0] - b[0]).map(([year, e]) => [year, Number(e.volume.toFixed(10)), e.count]),
    );
    expect((merged.evidence as { indicators: { volume: number } }).indicators.volume).toBeCloseTo([...expected.values()].reduce((a, b) => a + b, 0), 10);
  });
});

describe("an accepted split", () => {
  it("re-fits the theme's documents into parts that partition them, keeping each document's weight", async () => {
    const { themes, docs, weights } = await createThemeSet();
    const eve = await expert("Eve");
    const proposal = await proposeChange(eve, studyId, { kind: "SPLIT", themeId: themes.storage.id, parts: [{}, {}], reason: "Batteries and hydrogen are different" });
    await acceptProposal(admin, proposal.id);

    const latest = await latestVersion();
    expect(latest.themes).toHaveLength(5);
    const parts = latest.themes.slice(0, 2);
    for (const part of parts) expect(part.originIds).toEqual([themes.storage.id]);
    const original = Object.fromEntries(weights.storage.map(([key, w]) => [docs[key].id, w]));
    const ids = parts.flatMap((p) => p.documents.map((d) => d.documentId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(Object.keys(original).sort());
    for (const part of parts) for (const d of part.documents) expect(d.weight).toBe(original[d.documentId]);
    // The two vocabularies end up in different parts.
    const clusterOf = (id: string) => Object.entries(docs).find(([, d]) => d.id === id)![0][0];
    const members = parts.map((p) => new Set(p.documents.filter((d) => d.weight >= 0.2).map((d) => clusterOf(d.documentId))));
    expect(members.map((m) => [...m].sort())).toEqual(expect.arrayContaining([["L"], ["H"]]));
    expect(parts[0].documentCount + parts[1].documentCount).toBe(24);
    expect(parts[0].weight + parts[1].weight).toBeCloseTo(themes.storage.weight, 12);
  });

  it("with seed words sends the documents that contain them to their part", async () => {
    const { themes, docs } = await createThemeSet();
    // One hydrogen document also speaks of fuel cells, one lithium document of solid-state batteries.
    await db().document.update({ where: { id: docs.H0.id }, data: { abstract: "fuel cell" } });
    await db().document.update({ where: { id: docs.L3.id }, data: { abstract: "solid-state batteries" } });
    const eve = await expert("Eve");
    const proposal = await proposeChange(eve, studyId, {
      kind: "SPLIT",
      themeId: themes.storage.id,
      parts: [{ label: "Fuel cells", seedWords: ["fuel cell", "platinum"] }, { label: "Batteries", seedWords: ["solid-state battery", "dendrite"] }],
      reason: "Two technologies",
    });
    await acceptProposal(admin, proposal.id);
    const latest = await latestVersion();
    const [fuel, battery] = latest.themes;
    expect([fuel.label, battery.label, fuel.labelSource]).toEqual(["Fuel cells", "Batteries", "EXPERT"]);
    const seeded = await db().document.findMany({ where: { studyId, OR: [{ title: { contains: "platinum" } }, { abstract: { contains: "fuel cell" } }] }, select: { id: true, title: true } });
    const fuelIds = new Set(fuel.documents.map((d) => d.documentId));
    expect(seeded.length).toBeGreaterThan(0);
    for (const d of seeded) if (!d.title.includes("dendrite")) expect(fuelIds.has(d.id)).toBe(true);
    expect(fuelIds.has(docs.H0.id)).toBe(true);
    expect(battery.documents.some((d) => d.documentId === docs.L3.id)).toBe(true);
  });
});

describe("an accepted delete", () => {
  it("removes the theme from the new version and from the next round's items", async () => {
    const { themes } = await createThemeSet();
    const eve = await expert("Eve");
    const proposal = await proposeChange(eve, studyId, { kind: "DELETE", themeId: themes.misc.id, reason: "Not a technology" });
    await acceptProposal(admin, proposal.id);
    const latest = await latestVersion();
    expect(latest.themes.map((t) => t.label)).toEqual(["storage", "computing", "sensing"]);
    expect(latest.themes.map((t) => t.index)).toEqual([0, 1, 2]);
    // Round 1 of the study is made from the current version.
    await db().round.deleteMany({ where: { studyId } });
    const round = await createRoundFromThemes({ studyId }, admin.id);
    const items = await db().item.findMany({ where: { roundId: round.id }, select: { title: true } });
    expect(items.map((i) => i.title).sort()).toEqual(["computing", "sensing", "storage"]);
  });
});

describe("voting", () => {
  it("keeps one changeable vote per expert and accepts by the study's majority", async () => {
    const { themes } = await createThemeSet();
    const [eve, finn, gus, hal] = [await expert("Eve"), await expert("Finn"), await expert("Gus"), await expert("Hal")];
    await updateCurationSettings(admin, studyId, { minVotes: "3", minSharePercent: "66.67" });
    const proposal = await proposeChange(eve, studyId, { kind: "RELABEL", themeId: themes.misc.id, label: "Other", reason: "Clearer" });

    await expect(voteOnProposal(eve, { proposalId: proposal.id, support: true })).rejects.toMatchObject({ code: "conflict" });
    expect(await voteOnProposal(finn, { proposalId: proposal.id, support: "false" })).toMatchObject({ tally: { support: 0, oppose: 1 }, accepted: false });
    expect(await voteOnProposal(finn, { proposalId: proposal.id, support: "true" })).toMatchObject({ tally: { support: 1, oppose: 0 }, accepted: false });
    expect(await voteOnProposal(gus, { proposalId: proposal.id, support: false })).toMatchObject({ tally: { support: 1, oppose: 1 }, accepted: false });
    expect(await db().themeSet.count({ where: { studyId } })).toBe(1);
    expect(await voteOnProposal(hal, { proposalId: proposal.id, support: true })).toMatchObject({ tally: { support: 2, oppose: 1 }, accepted: true });

    expect(await db().proposalVote.count({ where: { proposalId: proposal.id } })).toBe(3);
    const row = await db().curationProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row).toMatchObject({ status: "ACCEPTED", decidedById: null });
    expect((await latestVersion()).themes[3]).toMatchObject({ label: "Other", labelSource: "EXPERT" });
    expect(await db().auditLog.count({ where: { action: "proposal.accept_by_majority", entityId: proposal.id } })).toBe(1);
    await expect(voteOnProposal(gus, { proposalId: proposal.id, support: true })).rejects.toMatchObject({ code: "conflict" });
  });

  it("accepts proposals that already meet a newly set majority at once", async () => {
    const { themes } = await createThemeSet();
    const [eve, finn] = [await expert("Eve"), await expert("Finn")];
    const proposal = await proposeChange(eve, studyId, { kind: "DELETE", themeId: themes.misc.id, reason: "Noise" });
    await voteOnProposal(finn, { proposalId: proposal.id, support: true });
    expect(await db().themeSet.count({ where: { studyId } })).toBe(1);
    expect(await updateCurationSettings(admin, studyId, { minVotes: "1", minSharePercent: "50" })).toMatchObject({ accepted: 1 });
    expect((await latestVersion()).themes).toHaveLength(3);
  });
});

describe("open proposals", () => {
  it("move to the new version when their themes were copied, and close when their themes were merged", async () => {
    const { themes } = await createThemeSet();
    const eve = await expert("Eve");
    const relabel = await proposeChange(eve, studyId, { kind: "RELABEL", themeId: themes.storage.id, label: "Storage", reason: "Shorter" });
    const merge = await proposeChange(eve, studyId, { kind: "MERGE", themeIds: [themes.computing.id, themes.sensing.id], reason: "One field" });
    const deleteSensing = await proposeChange(eve, studyId, { kind: "DELETE", themeId: themes.sensing.id, reason: "Too small" });
    const v2 = await acceptProposal(admin, merge.id);

    const moved = await db().curationProposal.findUniqueOrThrow({ where: { id: relabel.id } });
    const newStorage = await db().theme.findFirstOrThrow({ where: { themeSetId: v2.id, originIds: { equals: [themes.storage.id] } } });
    expect(moved).toMatchObject({ status: "OPEN", themeSetId: v2.id, themeIds: [newStorage.id] });
    expect(await db().curationProposal.findUniqueOrThrow({ where: { id: deleteSensing.id } })).toMatchObject({ status: "WITHDRAWN", decidedById: null });
    await acceptProposal(admin, relabel.id);
    expect((await latestVersion()).themes[0].label).toBe("Storage");
  });

  it("can be rejected by the admin or withdrawn by their author only", async () => {
    const { themes } = await createThemeSet();
    const [eve, finn] = [await expert("Eve"), await expert("Finn")];
    const a = await proposeChange(eve, studyId, { kind: "DELETE", themeId: themes.misc.id, reason: "Noise" });
    const b = await proposeChange(eve, studyId, { kind: "DELETE", themeId: themes.sensing.id, reason: "Small" });
    await expect(rejectProposal(eve, a.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(acceptProposal(eve, a.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(withdrawProposal(finn, a.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await rejectProposal(admin, a.id, "Keep it for now")).toMatchObject({ status: "REJECTED" });
    expect(await withdrawProposal(eve, b.id)).toMatchObject({ status: "WITHDRAWN" });
    await expect(acceptProposal(admin, a.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await db().themeSet.count({ where: { studyId } })).toBe(1);
  });
});

describe("permissions", () => {
  it("let only panelists and admins propose, and only panel experts vote", async () => {
    const { themes } = await createThemeSet();
    const { password: _a, ...outsider } = await createUser({ role: "EXPERT" });
    const { password: _b, ...planner } = await createUser({ role: "PLANNER" });
    const input = { kind: "DELETE" as const, themeId: themes.misc.id, reason: "Noise here" };
    await expect(proposeChange(outsider, studyId, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(proposeChange(planner, studyId, input)).rejects.toMatchObject({ code: "forbidden" });
    const proposal = await proposeChange(admin, studyId, input);
    await expect(voteOnProposal(outsider, { proposalId: proposal.id, support: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(voteOnProposal(admin, { proposalId: proposal.id, support: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getCurationBoard(outsider, studyId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(proposeChange(admin, studyId, { kind: "SPLIT", themeId: themes.misc.id, parts: [{ seedWords: ["a"] }, {}], reason: "Mixed" })).rejects.toThrow(/every part, or for none/);
  });
});

describe("what an expert sees", () => {
  it("never names who proposed or voted", async () => {
    const { themes } = await createThemeSet();
    const [eve, finn, gus] = [await expert("Eve"), await expert("Finn"), await expert("Gus")];
    const p = await proposeChange(eve, studyId, { kind: "RELABEL", themeId: themes.misc.id, label: "Other", reason: "Clearer" });
    await proposeChange(admin, studyId, { kind: "DELETE", themeId: themes.sensing.id, reason: "Small" });
    await voteOnProposal(finn, { proposalId: p.id, support: true });
    await voteOnProposal(gus, { proposalId: p.id, support: false });

    const seenByGus = await getCurationBoard(gus, studyId);
    const json = JSON.stringify(seenByGus);
    for (const other of [eve, finn, admin]) {
      expect(json).not.toContain(other.id);
      expect(json).not.toContain(other.email);
      expect(json).not.toContain(other.name);
    }
    const relabel = seenByGus.proposals.find((x) => x.id === p.id)!;
    expect(relabel).toMatchObject({ author: expect.stringMatching(/^Expert [0-9A-F]{6}$/), tally: { support: 1, oppose: 1 }, myVote: false, mine: false });
    expect(seenByGus.proposals.find((x) => x.kind === "DELETE")!.author).toBe("Programme office");
    expect(Object.keys(relabel).sort()).not.toContain("votes");
    // The same author has the same pseudonym for everyone; the author sees "You"; the admin sees the name.
    expect((await getCurationBoard(finn, studyId)).proposals.find((x) => x.id === p.id)!.author).toBe(relabel.author);
    expect((await getCurationBoard(eve, studyId)).proposals.find((x) => x.id === p.id)!.author).toBe("You");
    expect((await getCurationBoard(admin, studyId)).proposals.find((x) => x.id === p.id)!.author).toBe("Eve <eve@example.test>");
  });
});

describe("compare and machine agreement", () => {
  it("list what each version changed and how much of the machine's version a round used unchanged", async () => {
    const fixture: Fixture = await createThemeSet();
    const { themes } = fixture;
    const eve = await expert("Eve");
    const accept = async (input: Parameters<typeof proposeChange>[2]) => acceptProposal(admin, (await proposeChange(eve, studyId, input)).id);
    await accept({ kind: "RELABEL", themeId: themes.storage.id, label: "Energy storage", reason: "Clearer" });
    const v2 = await latestVersion();
    await accept({ kind: "MERGE", themeIds: [v2.themes[1].id, v2.themes[2].id], label: "Quantum", reason: "Same field" });
    const v3 = await latestVersion();
    await accept({ kind: "DELETE", themeId: v3.themes[2].id, reason: "Noise" });
    const v4 = await latestVersion();

    const step = await compareThemeSets(admin, studyId, v4.id);
    expect(step.from.version).toBe(3);
    expect(step.changes.map((c) => c.change)).toEqual(["unchanged", "unchanged", "deleted"]);

    const all = await compareThemeSets(admin, studyId, v4.id, fixture.set.id);
    expect(all.changes.map((c) => [c.change, c.change === "deleted" ? c.previousLabel : c.label])).toEqual([
      ["relabelled", "Energy storage"],
      ["merged", "Quantum"],
      ["deleted", "misc"],
    ]);
    await expect(compareThemeSets(admin, studyId, fixture.set.id, v4.id)).rejects.toMatchObject({ code: "invalid" });

    await db().round.update({ where: { id: roundId }, data: { themeSetId: v4.id } });
    const [agreement] = await machineAgreementByRound(admin, studyId);
    expect(agreement).toMatchObject({ themeSetVersion: 4, machineVersion: 1, agreement: { machineThemes: 4, unchanged: 0, share: 0, counts: { relabelled: 1, merged: 1, deleted: 1 } } });
    await db().round.update({ where: { id: roundId }, data: { themeSetId: v2.id } });
    expect((await machineAgreementByRound(admin, studyId))[0].agreement!.share).toBe(0.75);
  });
});
