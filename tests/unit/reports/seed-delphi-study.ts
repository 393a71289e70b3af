// A study with three closed Delphi rounds, built through the domain functions a real study goes
// through (createRound, openRound, saveAnswers, addComment, closeRound, saveRanking), for the report
// tests on a real database (tests/integration/reports.test.ts and tests/e2e/reports.test.ts):
//   round 1: five themes in two areas, six experts; one accepted, one rejected, one carried over,
//            one accepted on realisation years too, one answered by too few (withheld, carried over);
//   round 2: the carried theme is answered as before and settles as dissent; the withheld one is accepted;
//   round 3: the panel ranks the accepted technologies.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import type { Sector } from "@/lib/generated/prisma/enums";
import { createStudy } from "@/lib/studies/create-study";
import { createRound } from "@/lib/delphi/create-round";
import { openRound } from "@/lib/delphi/open-round";
import { closeRound } from "@/lib/delphi/close-round";
import { saveAnswers } from "@/lib/delphi/save-answers";
import { saveRanking } from "@/lib/delphi/save-ranking";
import { addComment } from "@/lib/delphi/add-comment";

export const SEED_THEMES = [
  { label: "Solid-state batteries", labelZh: "固态电池", area: 0 },
  { label: "Fusion power plants", labelZh: "聚变电站", area: 0 },
  { label: "Perpetual motion engines", labelZh: null, area: 0 },
  { label: "Quantum sensing", labelZh: "量子传感", area: 1 },
  { label: "Neuromorphic chips", labelZh: "类脑芯片", area: 1 },
] as const;
const AREAS = [{ label: "Energy", labelZh: "能源" }, { label: "Computing", labelZh: "计算" }];
const SECTORS: Sector[] = ["ACADEMIA", "ACADEMIA", "INDUSTRY", "INDUSTRY", "GOVERNMENT", "OTHER"];

/** Round-1 importance by theme and expert; null: "don't know". */
const ROUND1: (number | null)[][] = [
  [5, 4, 5, 4, 5, 5],
  [1, 3, 5, 2, 4, 3],
  [1, 2, 1, 1, 2, 1],
  [4, 4, 5, 4, 5, 4],
  [4, 5, null, null, null, null],
];
const Y = new Date().getUTCFullYear();
/** Years of technological realisation by theme and expert ("never" allowed). */
const YEARS: (number | "never")[][] = [
  [Y + 4, Y + 5, Y + 6, Y + 4, Y + 8, Y + 5],
  [Y + 20, Y + 25, Y + 30, "never", Y + 22, Y + 28],
  ["never", "never", "never", "never", "never", "never"],
  [Y + 7, Y + 8, Y + 9, Y + 10, Y + 7, Y + 8],
  [Y + 10, Y + 12, Y + 11, Y + 15, Y + 12, Y + 10],
];

export type SeededStudy = {
  studyId: string;
  adminId: string;
  experts: Viewer[];
  rounds: { id: string; number: number }[];
  /** Comment bodies written in round 2 on the dissent item. */
  comments: string[];
};

async function themeSet(studyId: string, tag: string) {
  const set = await db().themeSet.create({ data: { studyId, version: 1, origin: "MACHINE" } });
  const areas = await Promise.all(AREAS.map((a) => db().themeArea.create({ data: { themeSetId: set.id, label: a.label, labelZh: a.labelZh } })));
  for (const [index, t] of SEED_THEMES.entries()) {
    const doc = await db().document.create({ data: { studyId, kind: "PAPER", title: `${t.label}: a review`, year: 2024, dedupKey: `title:${tag}:${index}`, contentHash: randomUUID() } });
    await db().theme.create({
      data: {
        themeSetId: set.id, index, label: t.label, labelZh: t.labelZh, areaId: areas[t.area].id, documentCount: 20 + index, weight: 1 - index / 10,
        topTerms: [{ term: t.label.toLowerCase().split(" ")[0], weight: 0.2 }, { term: "roadmap", weight: 0.1 }],
        evidence: { representative: [{ documentId: doc.id, weight: 0.8 }], growth: 0.1 * (index + 1), volume: [{ year: 2024, value: 5 }], modelVersion: "seed" },
      },
    });
  }
}

async function expert(tag: string, i: number): Promise<Viewer> {
  const user = await db().user.create({
    data: { email: `panelist-${i + 1}-${tag}@example.test`, name: `Panelist ${i + 1} ${tag}`, role: "EXPERT", profile: { create: { sector: SECTORS[i] } } },
  });
  return { id: user.id, email: user.email, name: user.name, role: "EXPERT" };
}

type Answer = { itemId: string; questionKey: string; value?: number | null; choice?: string; dontKnow?: boolean; text?: string };

function answersFor(items: { id: string }[], e: number, importance: (number | null)[][], years: (number | "never")[][], rationale: boolean): Answer[] {
  return items.flatMap((item, i) => {
    const value = importance[i][e];
    const year = years[i][e];
    return [
      { itemId: item.id, questionKey: "familiarity", choice: e % 2 === 0 ? "very_familiar" : "familiar" },
      value === null ? { itemId: item.id, questionKey: "importance", value: null, dontKnow: true } : { itemId: item.id, questionKey: "importance", value },
      year === "never" ? { itemId: item.id, questionKey: "realisation_year", choice: "never" } : { itemId: item.id, questionKey: "realisation_year", value: year },
      ...(typeof year === "number" ? [{ itemId: item.id, questionKey: "application_year", value: year + 5 }] : []),
      ...(rationale ? [{ itemId: item.id, questionKey: "rationale", text: `Panelist view ${e + 1} on item ${i + 1}: the evidence has not changed.` }] : []),
    ];
  });
}

export async function seedDelphiStudy(options: { name?: string } = {}): Promise<SeededStudy> {
  const tag = randomUUID().slice(0, 8);
  const admin = await db().user.create({ data: { email: `office-${tag}@example.test`, name: `Programme office ${tag}`, role: "ADMIN" } });
  const study = await createStudy({ name: options.name ?? `Energy and computing ${tag}`, question: "Which technologies matter most by 2040?", horizonYear: 2040, homeCountry: "CN" }, admin.id);
  await themeSet(study.id, tag);
  const experts = await Promise.all(SECTORS.map((_, i) => expert(tag, i)));

  // Round 1: every theme, six experts.
  const r1 = await createRound({ studyId: study.id, minN: 3 }, admin.id);
  await db().invitation.createMany({ data: experts.map((e) => ({ roundId: r1.id, userId: e.id, status: "ACCEPTED" as const, acceptedAt: new Date() })) });
  await openRound(r1.id, admin.id);
  const items1 = await db().item.findMany({ where: { roundId: r1.id }, orderBy: { position: "asc" }, select: { id: true, title: true } });
  const order = SEED_THEMES.map((t) => items1.find((i) => i.title === t.label)!);
  for (const [e, viewer] of experts.entries()) await saveAnswers(viewer, { roundId: r1.id, submit: true, answers: answersFor(order, e, ROUND1, YEARS, false) });
  await addComment(experts[2], { itemId: order[1].id, body: "Tritium supply decides the date, not the physics." });
  await closeRound(r1.id, admin.id);

  // Round 2: the carried items (fusion, neuromorphic), answered as before / fully.
  const r2 = await createRound({ studyId: study.id, minN: 3 }, admin.id);
  await openRound(r2.id, admin.id);
  const items2 = await db().item.findMany({ where: { roundId: r2.id }, orderBy: { position: "asc" }, select: { id: true, title: true } });
  const order2 = [SEED_THEMES[1], SEED_THEMES[4]].map((t) => items2.find((i) => i.title === t.label)!);
  const importance2 = [ROUND1[1], [4, 5, 4, 4, 5, 4]];
  for (const [e, viewer] of experts.entries()) await saveAnswers(viewer, { roundId: r2.id, submit: true, answers: answersFor(order2, e, importance2, [YEARS[1], YEARS[4]], true) });
  const comments = ["Magnet costs fell, but no plant has run a full year.", "The <b>dissent</b> is about money & timing."];
  await addComment(experts[0], { itemId: order2[0].id, body: comments[0] });
  await addComment(experts[4], { itemId: order2[0].id, body: comments[1] });
  await closeRound(r2.id, admin.id);

  // Round 3: rank the accepted technologies.
  const r3 = await createRound({ studyId: study.id, kind: "RANKING", minN: 3, maxSelect: 3 }, admin.id);
  await openRound(r3.id, admin.id);
  const candidates = await db().item.findMany({ where: { roundId: r3.id }, orderBy: { position: "asc" }, select: { id: true, title: true } });
  const id = (label: string) => candidates.find((c) => c.title === label)!.id;
  const [batteries, quantum, neuro] = [id(SEED_THEMES[0].label), id(SEED_THEMES[3].label), id(SEED_THEMES[4].label)];
  const rankings = [[batteries, quantum, neuro], [batteries, neuro], [quantum, batteries], [batteries, quantum, neuro], [batteries], [neuro, batteries, quantum]];
  for (const [e, viewer] of experts.entries()) await saveRanking(viewer, { roundId: r3.id, itemIds: rankings[e] });
  await closeRound(r3.id, admin.id);

  return { studyId: study.id, adminId: admin.id, experts, rounds: [r1, r2, r3].map((r) => ({ id: r.id, number: r.number })), comments };
}
