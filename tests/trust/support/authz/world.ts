// The world the matrix and the canary run in, written with the domain's own commands before the
// platform starts: study S (the generated demo corpus, scanned) with a closed round 1 that experts A,
// B and C answered, an open round 2 carrying its items, an open ranking round, comments and curation
// proposals; study T with an open round for expert X only. Every identity field of an expert and every
// text they write carries a unique marker, so a response that shows it can be found by searching bytes.
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { seedDemoStudy } from "@/lib/demo/seed-demo";
import { createStudy } from "@/lib/studies/create-study";
import { createRound } from "@/lib/delphi/create-round";
import { openRound } from "@/lib/delphi/open-round";
import { closeRound } from "@/lib/delphi/close-round";
import { saveAnswers } from "@/lib/delphi/save-answers";
import { addComment } from "@/lib/delphi/add-comment";
import { inviteExpert } from "@/lib/delphi/invite-expert";
import { proposeChange } from "@/lib/curation/propose-change";
import { voteOnProposal } from "@/lib/curation/vote-on-proposal";
import { getCurrentThemeSet } from "@/lib/curation/current-theme-set";
import { RANKING_QUESTION_KEY } from "@/lib/delphi/question-config";
import { RATIONALE_KEY } from "@/lib/delphi/default-item-block";
import { createIssue } from "@/lib/reports/request-report";
import { generateReport } from "@/lib/reports/generate-report";
import { updateAnonymitySettings } from "@/lib/delphi/update-anonymity-settings";

export type Account = Viewer & { password: string };
export type ExpertKey = "A" | "B" | "C" | "X";
/** Identity fields never leave the admin's view; text fields may be shown to the panel, unattributed. */
export const IDENTITY_FIELDS = ["id", "name", "email", "organisation", "keyword"] as const;
export const TEXT_FIELDS = ["rationale", "comment", "reason"] as const;
export type MarkerField = (typeof IDENTITY_FIELDS)[number] | (typeof TEXT_FIELDS)[number];
export type Marker = { owner: ExpertKey; field: MarkerField; value: string };

export type World = {
  admin: Account;
  planner: Account;
  experts: Record<ExpertKey, Account>;
  markers: Marker[];
  /** Study S and its objects. */
  study: { id: string; name: string; importId: string; themeIds: string[] };
  closedRound: { id: string; itemIds: string[] };
  openRound: { id: string; itemIds: string[] };
  rankingRound: { id: string; itemIds: string[] };
  /** Study T, whose panel is expert X alone. */
  otherStudy: { id: string; roundId: string; itemIds: string[] };
  /** A pending invitation of S's round 2 for a newcomer, for the public invitation page. */
  invitationToken: string;
  /** A generated issue of S's consensus report. */
  reportId: string;
};

const hex = () => randomBytes(4).toString("hex");
const marker = (owner: string, field: string) => `canary-${owner.toLowerCase()}-${field}-${hex()}`;

async function account(role: Role, options: { name: string; email: string; profile?: { organisation: string; keywords: string[] } }): Promise<Account> {
  const password = randomBytes(12).toString("base64url");
  const user = await db().user.create({
    data: {
      email: options.email,
      name: options.name,
      role,
      passwordHash: await hashPassword(password),
      ...(role === "EXPERT" ? { profile: { create: { sector: "ACADEMIA", country: "CN", organisation: options.profile?.organisation, keywords: options.profile?.keywords ?? [] } } } : {}),
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, password };
}

async function markedExpert(key: ExpertKey, markers: Marker[]): Promise<Account> {
  const m = Object.fromEntries(["name", "email", "organisation", "keyword"].map((f) => [f, marker(key, f)])) as Record<string, string>;
  const expert = await account("EXPERT", {
    name: `Expert ${key} ${m.name}`,
    email: `${m.email}@example.test`,
    profile: { organisation: `${m.organisation} Institute`, keywords: ["foresight", m.keyword] },
  });
  for (const field of ["name", "email", "organisation", "keyword"] as const) markers.push({ owner: key, field, value: m[field] });
  markers.push({ owner: key, field: "id", value: expert.id });
  return expert;
}

const invite = (roundId: string, userIds: string[]) =>
  db().invitation.createMany({ data: userIds.map((userId) => ({ roundId, userId, status: "ACCEPTED" as const, acceptedAt: new Date() })), skipDuplicates: true });

const itemIdsOf = async (roundId: string) => (await db().item.findMany({ where: { roundId }, orderBy: { position: "asc" }, select: { id: true } })).map((i) => i.id);

/** Importance spread wide (1, 3, 5) so no item reaches consensus and round 2 carries them all. */
const IMPORTANCE: Record<"A" | "B" | "C", number> = { A: 1, B: 3, C: 5 };

async function answerRoundOne(roundId: string, experts: Record<"A" | "B" | "C", Account>, markers: Marker[]) {
  const itemIds = await itemIdsOf(roundId);
  for (const key of ["A", "B", "C"] as const) {
    const rationale = marker(key, "rationale");
    markers.push({ owner: key, field: "rationale", value: rationale });
    const answers = itemIds.flatMap((itemId) => [
      { itemId, questionKey: "importance", value: IMPORTANCE[key] },
      { itemId, questionKey: RATIONALE_KEY, text: `Because ${rationale} says so` },
    ]);
    await saveAnswers(experts[key], { roundId, submit: true, answers });
  }
}

/**
 * The world of the matrix and the canary; `admin` creates everything an admin would. With
 * `adminAttribution`, the admin switches attribution on for study S before its first round opens, so
 * every round of S is attributed to the admins (and must still be anonymous to everyone else).
 */
export async function buildWorld(options: { adminAttribution?: boolean } = {}): Promise<World> {
  const markers: Marker[] = [];
  const admin = await account("ADMIN", { name: "Ada Admin", email: `admin-${hex()}@example.test` });
  const planner = await account("PLANNER", { name: "Pat Planner", email: `planner-${hex()}@example.test` });
  const experts = {} as Record<ExpertKey, Account>;
  for (const key of ["A", "B", "C", "X"] as const) experts[key] = await markedExpert(key, markers);

  const demo = await seedDemoStudy(admin.id);
  const name = `Study S ${hex()}`;
  await db().study.update({ where: { id: demo.id }, data: { name } });
  const importId = (await db().import.findFirstOrThrow({ where: { studyId: demo.id } })).id;
  // Alerts go to the study's watchers, and only they may acknowledge or dismiss them.
  await db().studyWatcher.createMany({ data: [admin.id, planner.id].map((userId) => ({ studyId: demo.id, userId })) });
  if (options.adminAttribution) await updateAnonymitySettings(admin, demo.id, { adminAttribution: true });

  const round1 = await createRound({ studyId: demo.id, minN: 3 }, admin.id);
  await invite(round1.id, [experts.A.id, experts.B.id, experts.C.id]);
  await openRound(round1.id, admin.id);
  await answerRoundOne(round1.id, { A: experts.A, B: experts.B, C: experts.C }, markers);
  await closeRound(round1.id, admin.id);

  const round2 = await createRound({ studyId: demo.id, minN: 3 }, admin.id);
  await openRound(round2.id, admin.id);
  const round2Items = await itemIdsOf(round2.id);
  for (const key of ["B", "C"] as const) {
    const comment = marker(key, "comment");
    markers.push({ owner: key, field: "comment", value: comment });
    await addComment(experts[key], { itemId: round2Items[0], body: `I think ${comment} matters here` });
  }

  const themes = await currentThemeIds(demo.id);
  for (const [key, themeId] of [["B", themes[0]], ["C", themes[1]]] as const) {
    const reason = marker(key, "reason");
    markers.push({ owner: key, field: "reason", value: reason });
    await proposeChange(experts[key], demo.id, { kind: "RELABEL", themeId, label: `Relabelled by ${key}`, reason: `The label misses ${reason}` });
  }
  const byB = await db().curationProposal.findFirstOrThrow({ where: { proposedById: experts.B.id } });
  await voteOnProposal(experts.C, { proposalId: byB.id, support: true });

  const ranking = await rankingRound(demo.id, round1.id, [experts.A.id, experts.B.id, experts.C.id]);
  const other = await otherStudy(admin.id, experts.X.id);
  const reportId = await generatedReport(demo.id, admin.id);
  const { link } = await inviteExpert({ roundId: round2.id, email: `newcomer-${hex()}@example.test`, name: "Nina Newcomer" }, { actorId: admin.id, baseUrl: "http://localhost" });

  return {
    admin,
    planner,
    experts,
    markers,
    study: { id: demo.id, name, importId, themeIds: themes },
    closedRound: { id: round1.id, itemIds: await itemIdsOf(round1.id) },
    openRound: { id: round2.id, itemIds: round2Items },
    rankingRound: ranking,
    otherStudy: other,
    invitationToken: link.split("/invite/")[1],
    reportId,
  };
}

/** An issue of a study consensus report, made as the worker makes it. */
async function generatedReport(studyId: string, adminId: string): Promise<string> {
  const template = await freshReportTemplate(studyId);
  const issue = await createIssue(template, { actorId: adminId });
  if (!issue) throw new Error("no report issue");
  await generateReport(issue.id);
  return issue.id;
}

export async function currentThemeIds(studyId: string): Promise<string[]> {
  const set = await getCurrentThemeSet(studyId);
  if (!set) throw new Error(`study ${studyId} has no theme set`);
  return (await db().theme.findMany({ where: { themeSetId: set.id }, orderBy: { index: "asc" }, select: { id: true } })).map((t) => t.id);
}

/**
 * An open ranking round of S over three of round 1's items, for the ranking endpoints. Written directly:
 * the domain opens a ranking round only after a rating round reached consensus, which the wide spread
 * of round 1 deliberately avoids.
 */
async function rankingRound(studyId: string, fromRoundId: string, panel: string[]) {
  const last = await db().round.aggregate({ where: { studyId }, _max: { number: true } });
  const from = await db().item.findMany({ where: { roundId: fromRoundId }, orderBy: { position: "asc" }, take: 3 });
  const round = await db().round.create({
    data: {
      studyId,
      number: (last._max.number ?? 0) + 1,
      kind: "RANKING",
      title: "Key technologies",
      status: "OPEN",
      openedAt: new Date(),
      minN: 3,
      questions: { create: [{ position: 0, key: RANKING_QUESTION_KEY, kind: "MULTI_CHOICE", label: "Select and rank", required: true, config: { minSelect: 1, maxSelect: 3 } }] },
      items: { create: from.map((item, position) => ({ origin: item.origin, position, title: item.title, themeId: item.themeId, previousId: item.id })) },
    },
  });
  await invite(round.id, panel);
  return { id: round.id, itemIds: await itemIdsOf(round.id) };
}

/** Study T with an open round asking importance of two admin items; its only panelist is expert X. */
async function otherStudy(adminId: string, expertId: string) {
  const study = await createStudy({ name: `Study T ${hex()}` }, adminId);
  const round = await db().round.create({
    data: {
      studyId: study.id,
      number: 1,
      title: "Round 1",
      status: "OPEN",
      openedAt: new Date(),
      minN: 1,
      questions: { create: [{ position: 0, key: "importance", kind: "SCALE", label: "Importance", required: true, config: { min: 1, max: 5, allowDontKnow: true, agreeBand: [4, 5], disagreeBand: [1, 2] } }] },
      items: { create: [0, 1].map((position) => ({ origin: "ADMIN" as const, position, title: `T item ${position + 1}` })) },
    },
  });
  await invite(round.id, [expertId]);
  return { id: study.id, roundId: round.id, itemIds: await itemIdsOf(round.id) };
}

// ───────────────────── fresh objects, one per call, so every call meets valid state ─────────────────────

/** A study of its own with `documents` generated documents and, when asked, a three-theme machine theme set. */
export async function freshStudy(adminId: string, options: { documents?: number; themes?: boolean } = {}) {
  const study = await createStudy({ name: `Fresh ${randomUUID()}` }, adminId);
  const words = ["battery", "hydrogen", "quantum", "sensor", "genome", "catalyst", "lidar", "membrane"];
  const documents = await Promise.all(
    Array.from({ length: options.documents ?? 0 }, (_, i) =>
      db().document.create({
        data: {
          studyId: study.id,
          kind: "PAPER",
          title: `${words[i % 8]} ${words[(i + 3) % 8]} study ${i}`,
          abstract: `We report ${words[i % 8]} and ${words[(i + 1) % 8]} advances with ${words[(i + 5) % 8]} methods.`,
          year: 2015 + (i % 10),
          dedupKey: `title:fresh ${i}`,
          contentHash: `fresh-${i}`,
        },
      }),
    ),
  );
  if (options.themes) {
    const set = await db().themeSet.create({ data: { studyId: study.id, version: 1, origin: "MACHINE", createdById: adminId } });
    for (let index = 0; index < 3; index++) {
      const theme = await db().theme.create({
        data: { themeSetId: set.id, index, label: `Theme ${index + 1}`, topTerms: [{ term: words[index], weight: 0.1 }], documentCount: 0 },
      });
      const mine = documents.filter((_, i) => i % 3 === index);
      if (mine.length) await db().documentTheme.createMany({ data: mine.map((d) => ({ themeId: theme.id, documentId: d.id, weight: 0.8 })) });
    }
  }
  return study;
}

/** Round 1 of a fresh study, a draft from its themes with the default item block. */
export async function freshDraftRound(adminId: string) {
  const study = await freshStudy(adminId, { themes: true });
  const round = await createRound({ studyId: study.id }, adminId);
  return { studyId: study.id, roundId: round.id, itemIds: await itemIdsOf(round.id) };
}

export async function freshOpenRound(adminId: string) {
  const draft = await freshDraftRound(adminId);
  await openRound(draft.roundId, adminId);
  return draft;
}

/** An open round 1 of a fresh study whose admin switched attribution on before opening it. */
export async function freshAttributedRound(admin: Account) {
  const draft = await freshDraftRound(admin.id);
  await updateAnonymitySettings(admin, draft.studyId, { adminAttribution: true });
  await openRound(draft.roundId, admin.id);
  return draft;
}

/** A RELABEL proposal on S's current theme set by `author`. */
export async function freshProposal(world: World, author: Account): Promise<string> {
  const themes = await currentThemeIds(world.study.id);
  const themeId = themes[Math.floor(Math.random() * themes.length)];
  const row = await proposeChange(author, world.study.id, { kind: "RELABEL", themeId, label: `Label ${hex()}`, reason: "A fresh proposal for the matrix" });
  return row.id;
}

/** A visible comment by expert B on round 2 of S. */
export async function freshComment(world: World): Promise<string> {
  return (await addComment(world.experts.B, { itemId: world.openRound.itemIds[0], body: "A comment to moderate" })).id;
}

/** An open alert on study S (admin and planner watch S). */
export async function freshAlert(world: World): Promise<string> {
  const alert = await db().alert.create({ data: { studyId: world.study.id, kind: "emerging", title: "Fresh alert", message: "A theme crossed a threshold" } });
  return alert.id;
}

/** A hand-run study consensus template of S (no schedule, so no queue is touched). */
export async function freshReportTemplate(studyId: string): Promise<string> {
  const template = await db().reportTemplate.create({ data: { studyId, kind: "STUDY_CONSENSUS", name: `Template ${randomUUID().slice(0, 8)}` } });
  return template.id;
}

export const uniqueEmail = (what: string) => `${what}-${randomUUID().slice(0, 8)}@example.test`;
