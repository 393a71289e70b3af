// Round 1 (or the next round) from the study's current theme set: one item per theme, carrying the
// theme's evidence, asked with the default item block.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound } from "@/lib/errors";
import { DEFAULT_ITEM_BLOCK } from "@/lib/delphi/default-item-block";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export const ZCreateRoundInput = z
  .object({
    studyId: z.string().min(1),
    title: z.string().trim().max(200).optional(),
    minN: z.coerce.number().int().min(1).max(100).default(5),
    deadline: z.coerce.date().optional(),
  })
  .strict();
export type CreateRoundInput = z.input<typeof ZCreateRoundInput>;

export async function createRoundFromThemes(input: CreateRoundInput, actorId: string) {
  const { studyId, title, minN, deadline } = ZCreateRoundInput.parse(input);
  const themeSet = await db().themeSet.findFirst({
    where: { studyId },
    orderBy: { version: "desc" },
    include: { themes: { orderBy: { weight: "desc" } } },
  });
  if (!themeSet || themeSet.themes.length === 0) throw notFound("A theme set for this study (run a scan first)");
  const documentIds = themeSet.themes.flatMap((t) => evidenceOf(t.evidence).representative.map((r) => r.documentId));
  const documents = await db().document.findMany({ where: { id: { in: documentIds } }, select: { id: true, title: true, year: true, kind: true } });
  const byId = new Map(documents.map((d) => [d.id, d]));

  return db().$transaction(async (tx) => {
    const open = await tx.round.count({ where: { studyId, status: { in: ["DRAFT", "OPEN"] } } });
    if (open > 0) throw conflict("Close the current round before creating the next one");
    const last = await tx.round.aggregate({ where: { studyId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const round = await tx.round.create({
      data: { studyId, number, title: title || `Round ${number}`, minN, deadline, themeSetId: themeSet.id },
    });
    await tx.question.createMany({
      data: DEFAULT_ITEM_BLOCK.map((q, position) => ({ roundId: round.id, position, key: q.key, kind: q.kind, label: q.label, labelZh: q.labelZh, required: q.required, config: q.config })),
    });
    await tx.item.createMany({
      data: themeSet.themes.map((theme, position) => {
        const evidence = evidenceOf(theme.evidence);
        return {
          roundId: round.id,
          themeId: theme.id,
          origin: "THEME" as const,
          position,
          title: theme.label,
          titleZh: theme.labelZh,
          evidence: {
            topTerms: (theme.topTerms as { term: string; weight: number }[]).slice(0, 10),
            documentCount: theme.documentCount,
            growth: evidence.growth,
            volume: evidence.volume,
            modelVersion: evidence.modelVersion,
            documents: evidence.representative.map((r) => byId.get(r.documentId)).filter(Boolean),
          } as InputJsonValue,
        };
      }),
    });
    await recordAudit({ actorId, action: "round.create", entity: "round", entityId: round.id, studyId, data: { number, themeSetVersion: themeSet.version } }, tx);
    return round;
  });
}

type ThemeEvidence = { representative: { documentId: string }[]; growth: number | null; volume: unknown; modelVersion?: string };

function evidenceOf(value: unknown): ThemeEvidence {
  const e = (value ?? {}) as Partial<ThemeEvidence>;
  return { representative: e.representative ?? [], growth: e.growth ?? null, volume: e.volume ?? [], modelVersion: e.modelVersion };
}
