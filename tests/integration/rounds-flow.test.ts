// The full Delphi round on the real database: the item block and its configuration, answering every
// kind of question, deadlines and closed rounds, the rationale outside the IQR, carry-over to the next
// round (with curation's changes), feedback hidden below the minimum n, statistics equal to the
// `foresight delphi stats` functions, the ranking round's Kendall's W, and anonymity.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import type { Sector } from "@/lib/generated/prisma/enums";
import { createRound } from "@/lib/delphi/create-round";
import { openRound } from "@/lib/delphi/open-round";
import { closeRound } from "@/lib/delphi/close-round";
import { saveAnswers } from "@/lib/delphi/save-answers";
import { saveRanking } from "@/lib/delphi/save-ranking";
import { addComment } from "@/lib/delphi/add-comment";
import { addItem } from "@/lib/delphi/add-item";
import { configureItemBlock } from "@/lib/delphi/configure-item-block";
import { updateRound } from "@/lib/delphi/update-round";
import { moderateComment } from "@/lib/delphi/moderate-comment";
import { registerConsensusRules } from "@/lib/delphi/consensus-rules";
import { getExpertRound } from "@/lib/delphi/get-expert-round";
import { getAdminRound } from "@/lib/delphi/get-admin-round";
import { getRoundReport } from "@/lib/delphi/get-round-report";
import { computeDelphiStats, parseDelphiStatsInput } from "@/lib/delphi/stats-contract";
import { kendallW } from "@/lib/delphi/stability";
import { DEFAULT_ITEM_BLOCK } from "@/lib/delphi/default-item-block";
import { createStudy, createUser, resetDatabase } from "./helpers";

let adminId: string;
let studyId: string;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await createUser({ role: "ADMIN" })).id;
  studyId = (await createStudy({ actorId: adminId })).id;
});
afterAll(disconnectDb);

type ThemeSpec = { label: string; labelZh?: string; originIds?: string[] };

/** A theme set of the study with one representative document per theme. */
async function createThemeSet(specs: ThemeSpec[], options: { version?: number; parentId?: string } = {}) {
  const set = await db().themeSet.create({ data: { studyId, version: options.version ?? 1, origin: options.parentId ? "CURATION" : "MACHINE", parentId: options.parentId } });
  for (const [index, spec] of specs.entries()) {
    const doc = await db().document.create({
      data: { studyId, kind: "PAPER", title: `Evidence for ${spec.label}`, year: 2024, dedupKey: `title:${randomUUID()}`, contentHash: randomUUID() },
    });
    await db().theme.create({
      data: {
        themeSetId: set.id, index, label: spec.label, labelZh: spec.labelZh ?? null, originIds: spec.originIds ?? [], documentCount: 10 + index, weight: 1 - index / 100,
        topTerms: [{ term: `${spec.label.toLowerCase().replace(/\W+/g, "_")}_term`, weight: 0.1 }],
        evidence: { representative: [{ documentId: doc.id, weight: 0.9 }], growth: 0.25, volume: [{ year: 2024, value: 3 }], modelVersion: "lda-test" },
      },
    });
  }
  return db().themeSet.findUniqueOrThrow({ where: { id: set.id }, include: { themes: { orderBy: { index: "asc" } } } });
}

async function expertIn(roundId: string, sector: Sector = "OTHER", name = `Expert ${randomUUID()}`): Promise<Viewer> {
  const { password: _, ...expert } = await createUser({ role: "EXPERT", name, email: `${randomUUID()}@example.test` });
  await db().expertProfile.update({ where: { userId: expert.id }, data: { sector } });
  await db().invitation.create({ data: { roundId, userId: expert.id, status: "ACCEPTED", acceptedAt: new Date() } });
  return expert;
}

async function itemsOf(roundId: string) {
  return db().item.findMany({ where: { roundId }, orderBy: { position: "asc" } });
}

const importance = (itemId: string, value: number | null, dontKnow = false) => ({ itemId, questionKey: "importance", value, dontKnow });

/** A round 1 of the given themes, opened, with the rules IQR ≤ 1 and ≥ 70 % in 4–5 (the defaults). */
async function openFirstRound(labels: string[], minN = 3) {
  await createThemeSet(labels.map((label) => ({ label })));
  const round = await createRound({ studyId, minN }, adminId);
  await openRound(round.id, adminId);
  return { round, items: await itemsOf(round.id) };
}

describe("the item block", () => {
  it("follows the national surveys by default, bilingual for every question and option, with each theme's evidence", async () => {
    await createThemeSet([{ label: "Solid-state batteries", labelZh: "固态电池" }, { label: "Quantum sensing" }]);
    const round = await createRound({ studyId }, adminId);
    const questions = await db().question.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } });
    expect(questions.map((q) => [q.key, q.kind])).toEqual([
      ["familiarity", "CHOICE"], ["importance", "SCALE"], ["realisation_year", "YEAR"], ["application_year", "YEAR"],
      ["rd_position", "CHOICE"], ["leading_countries", "MULTI_CHOICE"], ["constraints", "MULTI_CHOICE"], ["policy_measures", "MULTI_CHOICE"], ["rationale", "TEXT"],
    ]);
    for (const q of questions) {
      expect(q.label.length).toBeGreaterThan(0);
      expect(q.labelZh).toMatch(/[\u4e00-\u9fff]/);
      const config = q.config as { options?: { label: string; labelZh: string }[]; labels?: Record<string, string>; labelsZh?: Record<string, string> };
      for (const o of config.options ?? []) expect([o.label.length > 0, /[\u4e00-\u9fff]/.test(o.labelZh)]).toEqual([true, true]);
      if (config.labels) expect(Object.keys(config.labelsZh ?? {})).toEqual(Object.keys(config.labels));
    }
    expect((questions[0].config as { options: { key: string; level: number }[] }).options.map((o) => [o.key, o.level])).toEqual([["very_familiar", 4], ["familiar", 3], ["somewhat", 2], ["unfamiliar", 1]]);
    expect((questions[4].config as { options: { labelZh: string }[] }).options.map((o) => o.labelZh)).toEqual(["领跑", "并跑", "跟跑"]);

    const items = await itemsOf(round.id);
    expect(items.map((i) => [i.title, i.titleZh, i.origin])).toEqual([["Solid-state batteries", "固态电池", "THEME"], ["Quantum sensing", null, "THEME"]]);
    expect(items[0].evidence).toMatchObject({ topTerms: [{ term: "solid_state_batteries_term" }], documentCount: 10, growth: 0.25, documents: [{ title: "Evidence for Solid-state batteries", year: 2024 }] });
  });

  it("is configured per round before it opens, validated, and frozen once open", async () => {
    await createThemeSet([{ label: "Theme A" }]);
    const round = await createRound({ studyId }, adminId);
    await configureItemBlock({
      roundId: round.id,
      questions: [
        { key: "constraints", enabled: false },
        { key: "importance", allowDontKnow: false, agreeBand: [5, 5], disagreeBand: [1, 1] },
        { key: "realisation_year", minYear: 2030, maxYear: 2060, allowNever: false },
      ],
    }, adminId);
    const questions = await db().question.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } });
    expect(questions.map((q) => q.key)).not.toContain("constraints");
    expect(questions.find((q) => q.key === "importance")?.config).toMatchObject({ allowDontKnow: false, agreeBand: [5, 5], disagreeBand: [1, 1] });
    expect(questions.find((q) => q.key === "realisation_year")?.config).toMatchObject({ minYear: 2030, maxYear: 2060, allowNever: false, allowAlready: true });

    await expect(configureItemBlock({ roundId: round.id, questions: [{ key: "importance", agreeBand: [3, 5], disagreeBand: [1, 3] }] }, adminId)).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/overlap/) });
    await expect(configureItemBlock({ roundId: round.id, questions: [{ key: "importance", agreeBand: [4, 7] }] }, adminId)).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/outside the scale/) });
    await expect(configureItemBlock({ roundId: round.id, questions: [{ key: "familiarity", minYear: 2030 }] }, adminId)).rejects.toMatchObject({ code: "invalid" });
    await configureItemBlock({ roundId: round.id, questions: [{ key: "constraints", enabled: true }] }, adminId);
    expect(await db().question.count({ where: { roundId: round.id } })).toBe(DEFAULT_ITEM_BLOCK.length);

    const added = await addItem({ roundId: round.id, title: "Hydrogen steelmaking", titleZh: "氢冶金", description: "Direct reduction with green hydrogen", descriptionZh: "绿氢直接还原" }, adminId);
    expect(added).toMatchObject({ origin: "ADMIN", position: 1, titleZh: "氢冶金" });
    await openRound(round.id, adminId);
    await expect(configureItemBlock({ roundId: round.id, questions: [{ key: "importance", enabled: false }] }, adminId)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/before it opens/) });
    await expect(addItem({ roundId: round.id, title: "Late item" }, adminId)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("answering", () => {
  it("stores every kind of answer, feeds familiarity to the expert's theme self-rating, and counts real revisions", async () => {
    const { round, items } = await openFirstRound(["Theme A"]);
    const expert = await expertIn(round.id);
    const itemId = items[0].id;
    const all = [
      { itemId, questionKey: "familiarity", choice: "familiar" },
      importance(itemId, 4),
      { itemId, questionKey: "realisation_year", value: 2035 },
      { itemId, questionKey: "application_year", choice: "never" },
      { itemId, questionKey: "rd_position", choice: "alongside" },
      { itemId, questionKey: "leading_countries", choices: ["CN", "US"] },
      { itemId, questionKey: "constraints", choices: ["cost", "talent"] },
      { itemId, questionKey: "policy_measures", dontKnow: false, choices: ["funding"] },
      { itemId, questionKey: "rationale", text: "Pilot lines exist." },
    ];
    expect(await saveAnswers(expert, { roundId: round.id, answers: all })).toEqual({ saved: 9, cleared: 0 });
    const view = await getExpertRound(expert, round.id);
    const byKey = Object.fromEntries(view.answers.map((a) => [a.questionKey, a]));
    expect(byKey.familiarity).toMatchObject({ choice: "familiar", value: 3 });
    expect(byKey.realisation_year).toMatchObject({ value: 2035, choice: null });
    expect(byKey.application_year).toMatchObject({ value: null, choice: "never" });
    // Stored in the options' order, not the order ticked.
    expect(byKey.leading_countries.choices).toEqual(["US", "CN"]);
    expect(byKey.rationale.text).toBe("Pilot lines exist.");
    expect(await db().themeFamiliarity.findMany()).toEqual([{ themeId: items[0].themeId, userId: expert.id, level: 3 }]);

    // Saving the same form again changes nothing; changing one answer bumps that answer only.
    await saveAnswers(expert, { roundId: round.id, answers: all });
    await saveAnswers(expert, { roundId: round.id, answers: [{ itemId, questionKey: "familiarity", choice: "very_familiar" }, { itemId, questionKey: "constraints", clear: true }] });
    const revisions = Object.fromEntries((await db().answer.findMany({ include: { question: true } })).map((a) => [a.question.key, a.revision]));
    expect(revisions).toMatchObject({ familiarity: 2, importance: 1, realisation_year: 1 });
    expect(revisions.constraints).toBeUndefined();
    expect((await db().themeFamiliarity.findFirstOrThrow()).level).toBe(4);

    for (const bad of [
      { itemId, questionKey: "familiarity", choice: "expert" },
      { itemId, questionKey: "realisation_year", value: 1990 },
      { itemId, questionKey: "realisation_year", choice: "soon" },
      { itemId, questionKey: "leading_countries", choices: ["US", "US"] },
      { itemId, questionKey: "leading_countries", choices: ["US", "CN", "JP", "KR"] },
      { itemId, questionKey: "constraints", dontKnow: true },
      { itemId, questionKey: "familiarity", dontKnow: true },
    ]) {
      await expect(saveAnswers(expert, { roundId: round.id, answers: [bad] }), JSON.stringify(bad)).rejects.toMatchObject({ code: "invalid" });
    }
  });

  it("refuses a submission that leaves a required question unanswered, naming the item", async () => {
    const { round, items } = await openFirstRound(["Theme A", "Theme B"]);
    const expert = await expertIn(round.id);
    await expect(saveAnswers(expert, { roundId: round.id, submit: true, answers: [importance(items[0].id, 4)] })).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining('item 2 "Theme B"') });
    expect(await db().answer.count()).toBe(0);
    await saveAnswers(expert, { roundId: round.id, submit: true, answers: [importance(items[0].id, 4), importance(items[1].id, null, true)] });
    expect(await db().answer.count({ where: { status: "SUBMITTED" } })).toBe(2);
  });
});

describe("deadlines and closed rounds", () => {
  it("refuses answers, comments and rankings after the deadline with the date, and takes them again when the deadline moves", async () => {
    const { round, items } = await openFirstRound(["Theme A"]);
    const expert = await expertIn(round.id);
    await db().round.update({ where: { id: round.id }, data: { deadline: new Date(Date.now() - 60_000) } });
    const passed = { code: "conflict", message: expect.stringMatching(/^The deadline of this round passed on \d{4}-\d\d-\d\d \d\d:\d\d UTC; answers are no longer accepted$/) };
    await expect(saveAnswers(expert, { roundId: round.id, answers: [importance(items[0].id, 3)] })).rejects.toMatchObject(passed);
    await expect(addComment(expert, { itemId: items[0].id, body: "late" })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/deadline.*comments are no longer accepted/) });
    expect((await getExpertRound(expert, round.id)).refusal).toMatch(/deadline/);
    await updateRound({ roundId: round.id, deadline: new Date(Date.now() + 3_600_000) }, adminId);
    await saveAnswers(expert, { roundId: round.id, answers: [importance(items[0].id, 3)] });
    await expect(updateRound({ roundId: round.id, deadline: new Date(Date.now() - 1000) }, adminId)).rejects.toMatchObject({ code: "invalid" });
    expect(await db().answer.count()).toBe(1);
  });

  it("refuses every write to a closed round with a clear message", async () => {
    const { round, items } = await openFirstRound(["Theme A", "Theme B"], 1);
    const expert = await expertIn(round.id);
    await addComment(expert, { itemId: items[0].id, body: "A remark" });
    const comment = await db().comment.findFirstOrThrow();
    await saveAnswers(expert, { roundId: round.id, submit: true, answers: [importance(items[0].id, 5), importance(items[1].id, 4)] });
    await closeRound(round.id, adminId);
    const closed = { code: "conflict", message: expect.stringMatching(/closed/) };
    await expect(saveAnswers(expert, { roundId: round.id, answers: [importance(items[0].id, 1)] })).rejects.toMatchObject({ code: "conflict", message: "This round is closed; answers are no longer accepted" });
    await expect(addComment(expert, { itemId: items[0].id, body: "after" })).rejects.toMatchObject({ code: "conflict", message: "This round is closed; comments are no longer accepted" });
    await expect(saveRanking(expert, { roundId: round.id, itemIds: [items[0].id] })).rejects.toMatchObject({ code: "conflict", message: "This round is closed; rankings are no longer accepted" });
    await expect(configureItemBlock({ roundId: round.id, questions: [{ key: "importance", enabled: false }] }, adminId)).rejects.toMatchObject(closed);
    await expect(addItem({ roundId: round.id, title: "More" }, adminId)).rejects.toMatchObject(closed);
    await expect(updateRound({ roundId: round.id, deadline: null }, adminId)).rejects.toMatchObject(closed);
    await expect(moderateComment({ commentId: comment.id, status: "HIDDEN" }, adminId)).rejects.toMatchObject(closed);
    await expect(openRound(round.id, adminId)).rejects.toMatchObject(closed);
    await expect(closeRound(round.id, adminId)).rejects.toMatchObject(closed);
    expect((await db().answer.findMany()).map((a) => a.numeric).sort()).toEqual([4, 5]);
    expect((await db().comment.findFirstOrThrow()).status).toBe("VISIBLE");
  });
});

/** Round 1 closed with the given importance ratings per item (one array entry per expert), then round 2 opened. */
async function twoRounds(ratings: number[][], options: { minN?: number; sectors?: Sector[] } = {}) {
  const labels = ratings.map((_, i) => `Theme ${String.fromCharCode(65 + i)}`);
  const { round, items } = await openFirstRound(labels, options.minN ?? 3);
  const experts: Viewer[] = [];
  for (let e = 0; e < ratings[0].length; e++) experts.push(await expertIn(round.id, options.sectors?.[e] ?? "OTHER"));
  for (const [e, expert] of experts.entries()) {
    await saveAnswers(expert, { roundId: round.id, submit: true, answers: items.map((item, i) => importance(item.id, ratings[i][e])) });
  }
  await closeRound(round.id, adminId);
  const round2 = await createRound({ studyId, minN: options.minN ?? 3 }, adminId);
  await openRound(round2.id, adminId);
  return { round1: round, items1: await itemsOf(round.id), round2, items2: await itemsOf(round2.id), experts };
}

describe("the rationale outside the previous round's IQR", () => {
  it("is required on submission for an answer outside [Q1, Q3] and not for one inside", async () => {
    // Theme A: 2 3 3 3 4 5 → Q1 3, Q3 3.75, no consensus → carried over.
    const { round2, items2, experts } = await twoRounds([[2, 3, 3, 3, 4, 5]]);
    const [item] = items2;
    const [inside, outside] = experts;
    await saveAnswers(inside, { roundId: round2.id, submit: true, answers: [importance(item.id, 3)] });

    // A draft may sit outside the range; submitting it needs the reason.
    await saveAnswers(outside, { roundId: round2.id, answers: [importance(item.id, 5)] });
    await expect(saveAnswers(outside, { roundId: round2.id, submit: true, answers: [importance(item.id, 5)] })).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringContaining('item 1 "Theme A": "Importance for the country\'s science, technology and society" 5 lies outside the group\'s range 3–3.75'),
    });
    expect(await db().invitation.count({ where: { roundId: round2.id, submittedAt: { not: null } } })).toBe(1);
    await saveAnswers(outside, { roundId: round2.id, submit: true, answers: [importance(item.id, 5), { itemId: item.id, questionKey: "rationale", text: "Demonstrators run at scale already." }] });

    // A submitted answer revised to outside the range keeps needing its reason.
    await expect(saveAnswers(inside, { roundId: round2.id, answers: [importance(item.id, 1)] })).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/rationale/) });
    await expect(saveAnswers(outside, { roundId: round2.id, answers: [{ itemId: item.id, questionKey: "rationale", clear: true }] })).rejects.toMatchObject({ code: "invalid" });
    await saveAnswers(outside, { roundId: round2.id, answers: [importance(item.id, 3.0), { itemId: item.id, questionKey: "rationale", clear: true }] });
    const view = await getExpertRound(inside, round2.id);
    expect(view.items[0].spreads).toEqual([{ questionKey: "importance", q1: 3, q3: 3.75 }]);
  });

  it("is not asked when the previous range was withheld below the minimum n", async () => {
    const { round2, items2, experts } = await twoRounds([[1, 3, 5, 5]], { minN: 5 });
    await saveAnswers(experts[0], { roundId: round2.id, submit: true, answers: [importance(items2[0].id, 1)] });
    expect((await getExpertRound(experts[0], round2.id)).items[0].spreads).toEqual([]);
  });
});

describe("carry-over", () => {
  it("asks the next round only the items without consensus, pointing back to them, with the same panel and item block", async () => {
    // A: 5 5 5 4 4 4 → IQR ≤ 1 and 100 % in 4–5 → accepted. B: 1 1 1 2 2 2 → consensus out → rejected.
    // C: 1 2 3 4 5 5 → no consensus → carried over.
    const { round1, items1, round2, items2, experts } = await twoRounds([[5, 5, 5, 4, 4, 4], [1, 1, 1, 2, 2, 2], [1, 2, 3, 4, 5, 5]]);
    expect(items1.map((i) => i.outcome)).toEqual(["ACCEPTED", "REJECTED", "CARRIED_OVER"]);
    expect(items2.map((i) => [i.title, i.previousId, i.themeId, i.outcome])).toEqual([["Theme C", items1[2].id, items1[2].themeId, "PENDING"]]);
    expect(items2[0].evidence).toEqual(items1[2].evidence);
    expect(round2).toMatchObject({ number: 2, kind: "RATING", status: "DRAFT", themeSetId: round1.themeSetId });
    const panel = await db().invitation.findMany({ where: { roundId: round2.id } });
    expect(panel.map((p) => p.userId).sort()).toEqual(experts.map((e) => e.id).sort());
    const keys = async (roundId: string) => (await db().question.findMany({ where: { roundId }, orderBy: { position: "asc" } })).map((q) => [q.key, q.config]);
    expect(await keys(round2.id)).toEqual(await keys(round1.id));

    // The expert sees the previous round's feedback beside the carried item, with their own answer.
    const view = await getExpertRound(experts[4], round2.id);
    const previous = view.items[0].previous!;
    expect(previous.roundNumber).toBe(1);
    const overall = previous.statistics.find((s) => s.questionKey === "importance")!.overall;
    expect(overall).toMatchObject({ suppressed: false, n: 6, median: 3.5, q1: 2.25, q3: 4.75, distribution: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 2 } });
    expect(previous.mine).toEqual([expect.objectContaining({ questionKey: "importance", value: 5 })]);
  });

  it("closes a stable item without consensus as dissent in the next round", async () => {
    const ratings = [1, 2, 3, 4, 5, 5];
    const { round2, items2, experts } = await twoRounds([ratings]);
    for (const [e, expert] of experts.entries()) {
      const rationale = ratings[e] < 2.25 || ratings[e] > 4.75 ? [{ itemId: items2[0].id, questionKey: "rationale", text: "As before." }] : [];
      await saveAnswers(expert, { roundId: round2.id, submit: true, answers: [importance(items2[0].id, ratings[e]), ...rationale] });
    }
    await closeRound(round2.id, adminId);
    const stat = await db().itemStatistic.findFirstOrThrow({ where: { itemId: items2[0].id, subgroup: "all", question: { key: "importance" } } });
    expect(stat.consensus).toMatchObject({ stability: { percentChange: 0, wilcoxonP: 1, pairs: 6 } });
    expect((await db().item.findUniqueOrThrow({ where: { id: items2[0].id } })).outcome).toBe("DISSENT");
  });

  it("asks again the themes curation changed — relabelled, merged, split — and drops deleted ones", async () => {
    const set1 = await createThemeSet(["Keep", "Keep agreed", "Relabel", "Merge 1", "Merge 2", "Split", "Delete"].map((label) => ({ label })));
    const round1 = await createRound({ studyId, minN: 1 }, adminId);
    await openRound(round1.id, adminId);
    const items1 = await itemsOf(round1.id);
    const expert = await expertIn(round1.id);
    // The two experts disagree (5 and 1) on every item but "Keep agreed", which both rate 5.
    const second = await expertIn(round1.id);
    await saveAnswers(expert, { roundId: round1.id, submit: true, answers: items1.map((i) => importance(i.id, 5)) });
    await saveAnswers(second, { roundId: round1.id, submit: true, answers: items1.map((i) => importance(i.id, i.title === "Keep agreed" ? 5 : 1)) });
    await closeRound(round1.id, adminId);
    expect((await itemsOf(round1.id)).map((i) => i.outcome)).toEqual(["CARRIED_OVER", "ACCEPTED", "CARRIED_OVER", "CARRIED_OVER", "CARRIED_OVER", "CARRIED_OVER", "CARRIED_OVER"]);

    const t = Object.fromEntries(set1.themes.map((theme) => [theme.label, theme.id]));
    const set2 = await createThemeSet(
      [
        { label: "Keep", originIds: [t.Keep] },
        { label: "Keep agreed", originIds: [t["Keep agreed"]] },
        { label: "Relabelled", originIds: [t.Relabel] },
        { label: "Merged", originIds: [t["Merge 1"], t["Merge 2"]] },
        { label: "Split part 1", originIds: [t.Split] },
        { label: "Split part 2", originIds: [t.Split] },
      ],
      { version: 2, parentId: set1.id },
    );
    const round2 = await createRound({ studyId, minN: 1, themeSetId: set2.id }, adminId);
    const items2 = await itemsOf(round2.id);
    const previousTitle = new Map(items1.map((i) => [i.id, i.title]));
    expect(items2.map((i) => [i.title, i.previousId ? previousTitle.get(i.previousId) : null])).toEqual([
      ["Keep", "Keep"],
      ["Relabelled", "Relabel"],
      ["Merged", null],
      ["Split part 1", "Split"],
      ["Split part 2", "Split"],
    ]);
    const newTheme = Object.fromEntries(set2.themes.map((theme) => [theme.label, theme.id]));
    expect(items2.map((i) => i.themeId)).toEqual([newTheme.Keep, newTheme.Relabelled, newTheme.Merged, newTheme["Split part 1"], newTheme["Split part 2"]]);
    expect(round2.themeSetId).toBe(set2.id);
    expect(items2[2].evidence).toMatchObject({ documents: [{ title: "Evidence for Merged" }] });
  });
});

describe("aggregates below the minimum n", () => {
  it("are hidden overall and per subgroup, also where subtraction would reveal them, in every view", async () => {
    // Seven experts: five in academia, two in industry; minimum n 3. The industry pair is withheld,
    // and so is academia (all − academia would be the industry pair).
    const sectors: Sector[] = ["ACADEMIA", "ACADEMIA", "ACADEMIA", "ACADEMIA", "ACADEMIA", "INDUSTRY", "INDUSTRY"];
    const { round, items } = await openFirstRound(["Theme A"], 3);
    const experts: Viewer[] = [];
    for (const sector of sectors) experts.push(await expertIn(round.id, sector));
    const levels = ["very_familiar", "very_familiar", "very_familiar", "familiar", "familiar", "familiar", "unfamiliar"];
    for (const [e, expert] of experts.entries()) {
      await saveAnswers(expert, { roundId: round.id, submit: true, answers: [importance(items[0].id, (e % 5) + 1), { itemId: items[0].id, questionKey: "familiarity", choice: levels[e] }] });
    }
    await closeRound(round.id, adminId);
    const rows = await db().itemStatistic.findMany({ where: { question: { key: "importance" } } });
    const suppressed = Object.fromEntries(rows.map((r) => [r.subgroup, [r.n, r.suppressed]]));
    expect(suppressed).toEqual({
      all: [7, false],
      "sector:ACADEMIA": [5, true],
      "sector:INDUSTRY": [2, true],
      // familiarity 4: 3, familiarity 3: 3, familiarity 1: 1 → 1 hidden, then the smallest visible group
      // (of two equal, the first by name) too.
      "familiarity:4": [3, false],
      "familiarity:3": [3, true],
      "familiarity:1": [1, true],
    });

    const report = await getRoundReport(round.id);
    const reported = report.items[0].statistics[0];
    expect(reported).toMatchObject({ questionKey: "importance", subgroup: "all", n: 7, suppressed: false });
    expect(reported.subgroups).toEqual(
      expect.arrayContaining([{ subgroup: "sector:INDUSTRY", suppressed: true, n: 2 }, { subgroup: "sector:ACADEMIA", suppressed: true, n: 5 }, expect.objectContaining({ subgroup: "familiarity:4", suppressed: false, median: 2 })]),
    );
    const admin = await getAdminRound(round.id);
    expect(admin.items[0].statistics.find((s) => s.questionId === rows[0].questionId)!.subgroups.find((s) => s.subgroup === "sector:ACADEMIA")).toEqual({ subgroup: "sector:ACADEMIA", suppressed: true, n: 5 });

    // Experts do not even learn which withheld subgroups exist.
    const view = await getExpertRound(experts[0], round.id);
    const shown = view.items[0].results.find((s) => s.questionKey === "importance")!;
    expect(shown.overall).toMatchObject({ suppressed: false, n: 7 });
    expect(shown.subgroups.map((s) => s.subgroup)).toEqual(["familiarity:4"]);
  });

  it("withholds the overall statistics of a small panel from experts without telling its n", async () => {
    const { round2, experts } = await twoRounds([[1, 5]], { minN: 3 });
    const view = await getExpertRound(experts[0], round2.id);
    expect(view.items[0].previous!.statistics.find((s) => s.questionKey === "importance")!.overall).toEqual({ subgroup: "all", suppressed: true });
  });
});

describe("close-round statistics", () => {
  it("equal the `foresight delphi stats` functions on the same answers, stability included", async () => {
    const r1 = [[4, 5, 3, 4, 2, 5, 4], [1, 3, 5, 2, 4, 3, 3]];
    const { round1, items1, round2, items2, experts } = await twoRounds(r1, { minN: 3 });
    const carried = items2.map((i) => items1.findIndex((p) => p.id === i.previousId));
    const r2 = [[4, 4, 4, 4, 3, 5, 4], [2, 3, 4, 3, 4, 3, 3]];
    for (const [e, expert] of experts.entries()) {
      const answers = items2.map((item, k) => importance(item.id, r2[carried[k]][e]));
      const reasons = items2.map((item) => ({ itemId: item.id, questionKey: "rationale", text: "Reason given." }));
      await saveAnswers(expert, { roundId: round2.id, submit: true, answers: [...answers, ...reasons] });
    }
    await closeRound(round2.id, adminId);

    const input = parseDelphiStatsInput({
      scale: { min: 1, max: 5 },
      agreeBand: [4, 5],
      disagreeBand: [1, 2],
      rounds: [
        { round: 1, answers: experts.flatMap((e, x) => r1.map((values, i) => ({ expert: e.id, item: items1[i].id, value: values[x] }))) },
        { round: 2, answers: experts.flatMap((e, x) => carried.map((i) => ({ expert: e.id, item: items1[i].id, value: r2[i][x] }))) },
      ],
    });
    if (!input.ok) throw new Error(input.errors.join("\n"));
    const expected = computeDelphiStats(input.input);
    expect(carried.length).toBeGreaterThan(0);

    for (const [r, round] of [round1, round2].entries()) {
      for (const item of expected.rounds[r].items) {
        const itemId = r === 0 ? item.item : items2[carried.indexOf(items1.findIndex((p) => p.id === item.item))].id;
        const stored = await db().itemStatistic.findFirstOrThrow({ where: { roundId: round.id, itemId, subgroup: "all", question: { key: "importance" } } });
        for (const field of ["n", "mean", "sd", "median", "q1", "q3", "iqr", "cv", "agreement"] as const) {
          expect(stored[field], `round ${r + 1} ${field}`).toBeCloseTo(item[field] as number, 12);
        }
      }
    }
    for (const row of expected.stability) {
      const itemId = items2[carried.indexOf(items1.findIndex((p) => p.id === row.item))].id;
      const stored = await db().itemStatistic.findFirstOrThrow({ where: { roundId: round2.id, itemId, subgroup: "all", question: { key: "importance" } } });
      const stability = (stored.consensus as { stability: { percentChange: number; wilcoxonP: number } }).stability;
      expect(stability.percentChange).toBeCloseTo(row.percentChange, 12);
      expect(stability.wilcoxonP).toBeCloseTo(row.wilcoxonP as number, 12);
    }
  });

  it("stores year quartiles with already / never / don't know counted apart, and choice counts per option", async () => {
    const { round, items } = await openFirstRound(["Theme A"], 1);
    const years = [2030, 2035, "already", 2040, "never", "dk"] as const;
    const positions = ["leading", "following", "following", "alongside", "following", "dk"] as const;
    for (const [e, year] of years.entries()) {
      const expert = await expertIn(round.id);
      const y = year === "dk" ? { dontKnow: true } : typeof year === "number" ? { value: year } : { choice: year };
      const p = positions[e] === "dk" ? { dontKnow: true } : { choice: positions[e] };
      await saveAnswers(expert, {
        roundId: round.id,
        submit: true,
        answers: [importance(items[0].id, 4), { itemId: items[0].id, questionKey: "realisation_year", ...y }, { itemId: items[0].id, questionKey: "rd_position", ...p }, { itemId: items[0].id, questionKey: "leading_countries", choices: e % 2 ? ["US"] : ["US", "CN"] }],
      });
    }
    await closeRound(round.id, adminId);
    const stat = (key: string) => db().itemStatistic.findFirstOrThrow({ where: { subgroup: "all", question: { key } } });
    // numpy.quantile([2030, 2035, 2040], [.25, .5, .75]) = 2032.5, 2035, 2037.5
    expect(await stat("realisation_year")).toMatchObject({ n: 5, dontKnow: 1, median: 2035, q1: 2032.5, q3: 2037.5, iqr: 5, distribution: { already: 1, never: 1, 2030: 1, 2035: 1, 2040: 1 } });
    expect(await stat("rd_position")).toMatchObject({ n: 5, dontKnow: 1, distribution: { leading: 1, alongside: 1, following: 3 } });
    expect(await stat("leading_countries")).toMatchObject({ n: 6, distribution: expect.objectContaining({ US: 6, CN: 3, JP: 0 }) });
    expect(await stat("importance")).toMatchObject({ n: 6, importanceIndex: 100 });
  });

  it("applies several registered rules at once, and only those registered before round 1 opened", async () => {
    await registerConsensusRules({ studyId, rules: [{ kind: "IQR", questionKey: "importance", max: 1 }, { kind: "COMET_70_15", questionKey: "importance" }, { kind: "CV_BAND", questionKey: "importance", good: 0.5, fair: 0.8 }] }, adminId);
    expect(await db().consensusRule.count({ where: { studyId } })).toBe(3);
    const { round, items } = await openFirstRound(["Agreed", "Split opinion"], 3);
    // Agreed: 4 4 4 5 5 5 → IQR 1, 100 % agree, CV 0.12. Split: 1 1 1 5 5 5 → IQR 4, CV 0.67.
    const ratings = [[4, 4, 4, 5, 5, 5], [1, 1, 1, 5, 5, 5]];
    for (let e = 0; e < 6; e++) {
      const expert = await expertIn(round.id);
      await saveAnswers(expert, { roundId: round.id, submit: true, answers: items.map((item, i) => importance(item.id, ratings[i][e])) });
    }
    await closeRound(round.id, adminId);
    const verdicts = async (itemId: string) => {
      const stored = await db().itemStatistic.findFirstOrThrow({ where: { itemId, subgroup: "all", question: { key: "importance" } } });
      return (stored.consensus as { rules: { rule: string; verdict: string }[] }).rules.map((v) => [v.rule, v.verdict]);
    };
    expect(await verdicts(items[0].id)).toEqual([["IQR", "consensus"], ["COMET_70_15", "consensus"], ["CV_BAND", "consensus"]]);
    expect(await verdicts(items[1].id)).toEqual([["IQR", "no_consensus"], ["COMET_70_15", "no_consensus"], ["CV_BAND", "no_consensus"]]);
    expect((await itemsOf(round.id)).map((i) => i.outcome)).toEqual(["ACCEPTED", "CARRIED_OVER"]);
    await expect(registerConsensusRules({ studyId, rules: [{ kind: "RAND_UCLA", questionKey: "importance" }] }, adminId)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/before round 1 opens/) });
  });
});

describe("the ranking round", () => {
  it("ranks the accepted items and reports Kendall's W with the selection counts", async () => {
    // Four themes all accepted in round 1.
    const { round, items } = await openFirstRound(["A", "B", "C", "D"], 3);
    const experts: Viewer[] = [];
    for (let e = 0; e < 4; e++) experts.push(await expertIn(round.id));
    for (const expert of experts) await saveAnswers(expert, { roundId: round.id, submit: true, answers: items.map((i) => importance(i.id, 5)) });
    await closeRound(round.id, adminId);
    // Nothing is left to rate, so only a ranking round can follow.
    await expect(createRound({ studyId }, adminId)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/nothing to ask again/) });
    await createRound({ studyId, kind: "RANKING", maxSelect: 99, minN: 4 }, adminId);
    const ranking = await db().round.findFirstOrThrow({ where: { kind: "RANKING" } });
    const candidates = await itemsOf(ranking.id);
    expect(candidates.map((c) => [c.title, c.previousId])).toEqual(items.map((i) => [i.title, i.id]));
    await configureItemBlock({ roundId: ranking.id, questions: [{ key: "ranking", minSelect: 2, maxSelect: 3 }] }, adminId);
    await openRound(ranking.id, adminId);
    const [a, b, c, d] = candidates.map((x) => x.id);

    await expect(saveRanking(experts[0], { roundId: ranking.id, itemIds: [a] })).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/between 2 and 3/) });
    await expect(saveRanking(experts[0], { roundId: ranking.id, itemIds: [a, a] })).rejects.toMatchObject({ code: "invalid" });
    await expect(saveAnswers(experts[0], { roundId: ranking.id, answers: [] })).rejects.toMatchObject({ code: "invalid" });
    const orders = [[a, b, c], [a, c, b], [b, a], [a, b, d]];
    for (const [e, order] of orders.entries()) await saveRanking(experts[e], { roundId: ranking.id, itemIds: order });
    await saveRanking(experts[3], { roundId: ranking.id, itemIds: [a, b, c] });
    const closed = await closeRound(ranking.id, adminId);

    // Hand check (unselected items tied last): rank sums a 1+1+2+1 = 5, b 2+3+1+2 = 8, c 3+2+3.5+3 = 11.5,
    // d 4+4+3.5+4 = 15.5; mean 10, S = 25 + 4 + 2.25 + 30.25 = 61.5; ties T = 6 (the third ranking's
    // pair); W = 12·61.5 / (16·60 − 4·6) = 738 / 936.
    const expected = kendallW([[a, b, c, d], [a, c, b, d], [b, a, [c, d]], [a, b, c, d]]);
    expect(closed.kendallW).toBeCloseTo(738 / 936, 12);
    expect(closed.kendallW).toBeCloseTo(expected.w, 12);
    const report = await getRoundReport(ranking.id);
    expect(report.ranking).toMatchObject({ suppressed: false, rankings: 4, kendallW: { w: expect.closeTo(738 / 936, 12), df: 3, rankings: 4, candidates: 4 } });
    if (report.ranking?.suppressed !== false) throw new Error("expected ranking results");
    expect(report.ranking.items.map((i) => [i.title, i.selected, i.meanRank])).toEqual([["A", 4, 1.25], ["B", 4, 2], ["C", 3, 2.875], ["D", 0, 3.875]]);
    expect(report.ranking.items[0].places).toEqual({ 1: 3, 2: 1 });
  });

  it("needs at least two accepted items", async () => {
    const { round, items } = await openFirstRound(["A", "B"], 1);
    const expert = await expertIn(round.id);
    await saveAnswers(expert, { roundId: round.id, submit: true, answers: items.map((i) => importance(i.id, 5)) });
    await closeRound(round.id, adminId);
    await expect(createRound({ studyId, kind: "RANKING" }, adminId)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/at least two candidate items; 0 items were accepted/) });
    const ranking = await createRound({ studyId, kind: "RANKING", includeUndecided: true }, adminId);
    const candidates = await itemsOf(ranking.id);
    expect(candidates).toHaveLength(2);

    // One ranking is below the default minimum n of 5: the result is withheld everywhere.
    await openRound(ranking.id, adminId);
    await saveRanking(expert, { roundId: ranking.id, itemIds: [candidates[1].id, candidates[0].id] });
    await closeRound(ranking.id, adminId);
    expect((await getRoundReport(ranking.id)).ranking).toEqual({ suppressed: true, rankings: 1 });
    expect((await getAdminRound(ranking.id)).rankingResults).toEqual({ suppressed: true, rankings: 1 });
    expect((await getExpertRound(expert, ranking.id)).rankingResults).toEqual({ suppressed: true });
  });
});

describe("anonymity", () => {
  it("keeps every other expert's id, name and e-mail out of an expert's payload, across rounds and comment boards", async () => {
    const { round, items } = await openFirstRound(["Theme A"], 1);
    const marker = () => randomUUID();
    const people = await Promise.all(["ACADEMIA", "INDUSTRY", "GOVERNMENT"].map((s) => expertIn(round.id, s as Sector, `Person ${marker()}`)));
    for (const [e, p] of people.entries()) {
      await addComment(p, { itemId: items[0].id, body: `Round 1 remark ${e}` });
      await saveAnswers(p, { roundId: round.id, submit: true, answers: [importance(items[0].id, [1, 3, 5][e])] });
    }
    const hidden = await db().comment.findFirstOrThrow({ where: { body: "Round 1 remark 2" } });
    await moderateComment({ commentId: hidden.id, status: "HIDDEN" }, adminId);
    await closeRound(round.id, adminId);
    const round2 = await createRound({ studyId, minN: 1 }, adminId);
    await openRound(round2.id, adminId);
    const [item2] = await itemsOf(round2.id);
    await addComment(people[1], { itemId: item2.id, body: "Round 2 remark" });

    for (const viewer of people) {
      for (const roundId of [round.id, round2.id]) {
        const json = JSON.stringify(await getExpertRound(viewer, roundId));
        for (const other of people.filter((p) => p !== viewer)) {
          for (const secret of [other.id, other.name, other.email]) expect(json).not.toContain(secret);
        }
        expect(json).not.toContain(adminId);
        expect(json).not.toContain("Round 1 remark 2");
      }
    }
    const view = await getExpertRound(people[0], round2.id);
    expect(view.items[0].previous!.comments.map((c) => [c.body, c.author])).toEqual([["Round 1 remark 0", "You"], ["Round 1 remark 1", expect.stringMatching(/^Expert \d$/)]]);
    expect(view.comments).toEqual([expect.objectContaining({ body: "Round 2 remark", author: expect.stringMatching(/^Expert \d$/) })]);
    const audit = await db().auditLog.findMany({ where: { action: "comment.hide" } });
    expect(audit).toEqual([expect.objectContaining({ actorId: adminId, entityId: hidden.id, data: { from: "VISIBLE", to: "HIDDEN" } })]);
  });
});
