// The next round of a study, as a draft the admin configures before opening it:
// - round 1 asks one item per theme of the study's theme set (with the theme's evidence) and the
//   default item block; the admin may add items of their own;
// - a later rating round asks the items the previous round carried over and the themes curation has
//   changed since (carry-over.ts, theme-changes.ts), with the previous round's item block and panel;
// - a ranking round asks the panel to select and rank the key technologies among the items that
//   reached consensus (or, on request, every item not rejected).
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound } from "@/lib/errors";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { DEFAULT_ITEM_BLOCK } from "@/lib/delphi/default-item-block";
import { buildEvidence } from "@/lib/delphi/item-evidence";
import { planCarryOver } from "@/lib/delphi/carry-over";
import { themeChangesBetween } from "@/lib/delphi/theme-changes";
import { createRankingItems } from "@/lib/delphi/ranking-candidates";

export const ZCreateRoundInput = z
  .object({
    studyId: z.string().min(1),
    kind: z.enum(["RATING", "RANKING"]).default("RATING"),
    title: z.string().trim().max(200).optional(),
    minN: z.coerce.number().int().min(1).max(100).default(5),
    deadline: z.coerce.date().optional(),
    /** The theme set the round runs on; the study's newest when not given. */
    themeSetId: z.string().min(1).optional(),
    /** Ranking rounds: also offer items closed as dissent or carried over (never rejected ones). */
    includeUndecided: z.boolean().default(false),
    /** Ranking rounds: how many items an expert selects and ranks at most. */
    maxSelect: z.coerce.number().int().min(2).max(100).default(10),
  })
  .strict();
export type CreateRoundInput = z.input<typeof ZCreateRoundInput>;
type Parsed = z.infer<typeof ZCreateRoundInput>;

export async function createRound(input: CreateRoundInput, actorId: string) {
  const parsed = ZCreateRoundInput.parse(input);
  const { studyId } = parsed;
  return db().$transaction(async (tx) => {
    const [study] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM study WHERE id = ${studyId} FOR UPDATE`;
    if (!study) throw notFound("study");
    const unfinished = await tx.round.count({ where: { studyId, status: { in: ["DRAFT", "OPEN"] } } });
    if (unfinished > 0) throw conflict("round.closeCurrentFirst");
    const last = await tx.round.findFirst({ where: { studyId }, orderBy: { number: "desc" } });
    const number = (last?.number ?? 0) + 1;
    const previous = await tx.round.findFirst({ where: { studyId, kind: "RATING", status: "CLOSED" }, orderBy: { number: "desc" } });
    const themeSet = await pickThemeSet(tx, parsed);
    if (parsed.kind === "RATING" && !previous && !themeSet) throw notFound("themeSetToStart");
    const round = await tx.round.create({
      data: { studyId, number, kind: parsed.kind, title: parsed.title || defaultTitle(parsed.kind, number), minN: parsed.minN, deadline: parsed.deadline, themeSetId: themeSet?.id ?? previous?.themeSetId ?? null },
    });
    let items: number;
    if (parsed.kind === "RANKING") items = await createRankingItems(tx, { round, includeUndecided: parsed.includeUndecided, maxSelect: parsed.maxSelect });
    else if (previous) items = await createLaterRound(tx, { roundId: round.id, studyId, previousId: previous.id, previousThemeSetId: previous.themeSetId, themeSet });
    else items = await createFirstRound(tx, { roundId: round.id, themeSet: themeSet as NonNullable<typeof themeSet> });
    // An empty later round could neither open nor be closed, and would block the next one.
    if (previous && items === 0) throw conflict("round.nothingToAskAgain", { number: previous.number });
    const panel = last ? await carryPanel(tx, { fromRoundId: last.id, toRoundId: round.id }) : 0;
    await recordAudit({ actorId, action: "round.create", entity: "round", entityId: round.id, studyId, data: { number, kind: parsed.kind, items, panel, themeSetVersion: themeSet?.version ?? null } }, tx);
    return round;
  });
}

/** Kept for the study page: the next round from the themes (round 1, or the carried-over round). */
export const createRoundFromThemes = createRound;

const defaultTitle = (kind: Parsed["kind"], number: number) => (kind === "RANKING" ? `Round ${number}: key technologies` : `Round ${number}`);

async function pickThemeSet(tx: Tx, { studyId, themeSetId }: Parsed) {
  const include = { themes: { orderBy: [{ weight: "desc" as const }, { index: "asc" as const }] } };
  if (!themeSetId) return tx.themeSet.findFirst({ where: { studyId }, orderBy: { version: "desc" }, include });
  const set = await tx.themeSet.findFirst({ where: { id: themeSetId, studyId }, include });
  if (!set) throw notFound("themeSetOfStudy");
  return set;
}
type ThemeSetWithThemes = NonNullable<Awaited<ReturnType<typeof pickThemeSet>>>;
type Theme = ThemeSetWithThemes["themes"][number];

async function createFirstRound(tx: Tx, { roundId, themeSet }: { roundId: string; themeSet: ThemeSetWithThemes }): Promise<number> {
  await tx.question.createMany({
    data: DEFAULT_ITEM_BLOCK.map((q, position) => ({ roundId, position, key: q.key, kind: q.kind, label: q.label, labelZh: q.labelZh, required: q.required, config: q.config as InputJsonValue })),
  });
  const evidence = await buildEvidence(tx, themeSet.themes);
  await tx.item.createMany({ data: themeSet.themes.map((theme, position) => themeItem({ roundId, theme, position, evidence: evidence.get(theme.id), previousId: null })) });
  return themeSet.themes.length;
}

function themeItem({ roundId, theme, position, evidence, previousId }: { roundId: string; theme: Theme; position: number; evidence: InputJsonValue | undefined; previousId: string | null }) {
  return { roundId, themeId: theme.id, origin: "THEME" as const, position, title: theme.label, titleZh: theme.labelZh, evidence: evidence ?? {}, previousId };
}

type LaterRound = { roundId: string; studyId: string; previousId: string; previousThemeSetId: string | null; themeSet: ThemeSetWithThemes | null };

async function createLaterRound(tx: Tx, { roundId, studyId, previousId, previousThemeSetId, themeSet }: LaterRound): Promise<number> {
  const [previousItems, questions, changes] = await Promise.all([
    tx.item.findMany({ where: { roundId: previousId }, orderBy: { position: "asc" } }),
    tx.question.findMany({ where: { roundId: previousId }, orderBy: { position: "asc" } }),
    themeSet ? themeChangesBetween(tx, { studyId, fromSetId: previousThemeSetId, toSetId: themeSet.id }) : Promise.resolve(null),
  ]);
  await tx.question.createMany({
    data: questions.map((q) => ({ roundId, position: q.position, key: q.key, kind: q.kind, label: q.label, labelZh: q.labelZh, required: q.required, config: q.config as InputJsonValue })),
  });
  const plan = planCarryOver(previousItems, changes);
  const themes = new Map((themeSet?.themes ?? []).map((t) => [t.id, t]));
  const moved = plan.items.flatMap((p) => (p.themeId ? [themes.get(p.themeId) as Theme] : []));
  const evidence = await buildEvidence(tx, moved);
  const byId = new Map(previousItems.map((p) => [p.id, p]));
  const data = plan.items.map((planned, position) => {
    if (planned.kind === "changed") return themeItem({ roundId, theme: themes.get(planned.themeId) as Theme, position, evidence: evidence.get(planned.themeId), previousId: planned.previousId });
    const p = byId.get(planned.previous.id) as (typeof previousItems)[number];
    return {
      roundId, origin: p.origin, position, previousId: p.id, title: p.title, titleZh: p.titleZh, description: p.description, descriptionZh: p.descriptionZh,
      themeId: planned.themeId ?? p.themeId,
      evidence: (planned.themeId ? evidence.get(planned.themeId) : undefined) ?? (p.evidence as InputJsonValue),
    };
  });
  await tx.item.createMany({ data });
  if (!plan.usesNewThemeSet) await tx.round.update({ where: { id: roundId }, data: { themeSetId: previousThemeSetId } });
  return data.length;
}

/** The panel continues: everyone who accepted the previous round's invitation or answered it is invited to this one. */
async function carryPanel(tx: Tx, { fromRoundId, toRoundId }: { fromRoundId: string; toRoundId: string }): Promise<number> {
  const panel = await tx.invitation.findMany({
    where: { roundId: fromRoundId, status: { not: "REVOKED" }, OR: [{ status: "ACCEPTED" }, { submittedAt: { not: null } }] },
    select: { userId: true },
  });
  const { count } = await tx.invitation.createMany({
    data: panel.map((p) => ({ roundId: toRoundId, userId: p.userId, status: "ACCEPTED" as const, acceptedAt: new Date() })),
    skipDuplicates: true,
  });
  return count;
}
