// A study's consensus rules as stored (kind + params JSON) and as consensus.ts judges them. Rules are
// registered before round 1 opens (von der Gracht 2012: decide the criteria before seeing the data),
// so registerConsensusRules refuses once any round of the study has been opened.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, formMessage, notFound } from "@/lib/errors";
import type { ConsensusRule } from "@/lib/delphi/consensus";
import { DEFAULT_ITEM_BLOCK } from "@/lib/delphi/default-item-block";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

const ZQuestionKey = z.string().regex(/^[a-z0-9_]{1,64}$/, formMessage("questionKey"));

export const ZConsensusRuleInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("IQR"), questionKey: ZQuestionKey, max: z.number().min(0).max(100) }).strict(),
  z
    .object({ kind: z.literal("AGREEMENT"), questionKey: ZQuestionKey, band: z.tuple([z.number().int(), z.number().int()]), min: z.number().gt(0).max(1) })
    .strict()
    .refine((r) => r.band[0] <= r.band[1], { message: formMessage("agreementBand"), path: ["band"] }),
  z.object({ kind: z.literal("COMET_70_15"), questionKey: ZQuestionKey }).strict(),
  z
    .object({ kind: z.literal("CV_BAND"), questionKey: ZQuestionKey, good: z.number().gt(0).max(10), fair: z.number().gt(0).max(10) })
    .strict()
    .refine((r) => r.good <= r.fair, { message: formMessage("cvBands"), path: ["fair"] }),
  z.object({ kind: z.literal("RAND_UCLA"), questionKey: ZQuestionKey }).strict(),
]);
export type ConsensusRuleInput = z.infer<typeof ZConsensusRuleInput>;

export const ZRegisterConsensusRulesInput = z.object({ studyId: z.string().min(1), rules: z.array(ZConsensusRuleInput).min(1).max(20) }).strict();
export type RegisterConsensusRulesInput = z.input<typeof ZRegisterConsensusRulesInput>;

type StoredRule = { kind: string; questionKey: string; params: unknown };

/** A stored rule in the shape consensus.ts judges; a row that does not parse is a defect, so this throws. */
export function toConsensusRule(row: StoredRule): ConsensusRule & { questionKey: string } {
  const parsed = ZConsensusRuleInput.parse({ kind: row.kind, questionKey: row.questionKey, ...(row.params as object) });
  return parsed as ConsensusRule & { questionKey: string };
}

/**
 * A rule as the reports and the admin page describe it, in no language yet: rule-text.ts says it in
 * the reader's ("IQR ≤ 1 (Importance for …)"). `question` is the judged question's label in both
 * languages, from the round's item block or else the default one; null when neither asks it.
 */
export type RuleDescription = {
  kind: ConsensusRule["kind"];
  questionKey: string;
  question: { label: string; labelZh: string | null } | null;
  values: Record<string, string>;
};

type QuestionLabel = { key: string; label: string; labelZh: string | null };

export function describeRule(rule: ConsensusRule & { questionKey: string }, questions: readonly QuestionLabel[] = []): RuleDescription {
  const asked = questions.find((q) => q.key === rule.questionKey) ?? DEFAULT_ITEM_BLOCK.find((q) => q.key === rule.questionKey);
  return { kind: rule.kind, questionKey: rule.questionKey, question: asked ? { label: asked.label, labelZh: asked.labelZh } : null, values: ruleValues(rule) };
}

function ruleValues(rule: ConsensusRule): Record<string, string> {
  switch (rule.kind) {
    case "IQR":
      return { max: String(rule.max) };
    case "AGREEMENT":
      return { percent: String(Math.round(rule.min * 100)), low: String(rule.band[0]), high: String(rule.band[1]) };
    case "CV_BAND":
      return { good: String(rule.good), fair: String(rule.fair) };
    case "COMET_70_15":
    case "RAND_UCLA":
      return {};
  }
}

/** Replaces the study's rules; refused once a round of the study has been opened. */
export async function registerConsensusRules(input: RegisterConsensusRulesInput, actorId: string) {
  const { studyId, rules } = ZRegisterConsensusRulesInput.parse(input);
  return db().$transaction(async (tx) => {
    const [study] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM study WHERE id = ${studyId} FOR UPDATE`;
    if (!study) throw notFound("study");
    const opened = await tx.round.count({ where: { studyId, openedAt: { not: null } } });
    if (opened > 0) throw conflict("round.rulesLocked");
    await tx.consensusRule.deleteMany({ where: { studyId } });
    await tx.consensusRule.createMany({
      data: rules.map(({ kind, questionKey, ...params }) => ({ studyId, kind, questionKey, params: params as InputJsonValue })),
    });
    await recordAudit({ actorId, action: "consensus_rules.register", entity: "study", entityId: studyId, studyId, data: { rules } as InputJsonValue }, tx);
    return { count: rules.length };
  });
}
