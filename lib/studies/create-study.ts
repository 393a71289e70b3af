import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, formMessage, isUniqueViolation } from "@/lib/errors";
import { DEFAULT_CONSENSUS_RULES } from "@/lib/delphi/default-item-block";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export const ZCreateStudyInput = z
  .object({
    name: z.string().trim().min(1, formMessage("studyName")).max(200),
    question: z.string().trim().max(2000).default(""),
    scope: z.string().trim().max(2000).default(""),
    horizonYear: z.coerce.number().int().min(2000).max(2100).optional(),
    homeCountry: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, formMessage("countryCode"))
      .optional(),
  })
  .strict();
export type CreateStudyInput = z.input<typeof ZCreateStudyInput>;

/** Creates a study with the default consensus rules registered, as they must be before round 1. */
export async function createStudy(input: CreateStudyInput, actorId: string | null) {
  const data = ZCreateStudyInput.parse(input);
  try {
    return await db().$transaction(async (tx) => {
      const study = await tx.study.create({ data: { ...data, createdById: actorId } });
      await tx.consensusRule.createMany({
        data: DEFAULT_CONSENSUS_RULES.map((rule) => ({ studyId: study.id, kind: rule.kind, questionKey: rule.questionKey, params: rule.params as InputJsonValue })),
      });
      await recordAudit({ actorId, action: "study.create", entity: "study", entityId: study.id, studyId: study.id, data: { name: study.name } }, tx);
      return study;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("studies.nameTaken", { name: data.name });
    throw error;
  }
}

/** The CLI's `--study NAME`: the study of that name, created when missing. */
export async function findOrCreateStudy(name: string, actorId: string | null) {
  const existing = await db().study.findUnique({ where: { name } });
  if (existing) return existing;
  try {
    return await createStudy({ name }, actorId);
  } catch (error) {
    if (error instanceof Error && "code" in error && (error as { code: string }).code === "conflict") {
      return db().study.findUniqueOrThrow({ where: { name } });
    }
    throw error;
  }
}
