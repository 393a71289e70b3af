// The admin configures a draft round's item block: which questions are asked, whether "don't know" is
// offered, the agree/disagree bands of scales, the year range, how many options may be ticked, and
// whether a rationale is demanded outside the IQR; a ranking round's selection size. Every question's
// merged config is validated by its kind's schema before anything is written.
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { invalid, notFound, type Localised } from "@/lib/errors";
import { zodIssueText } from "@/lib/i18n/error-text";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import type { QuestionKind } from "@/lib/generated/prisma/enums";
import { assertDraft } from "@/lib/delphi/round-guard";
import { DEFAULT_ITEM_BLOCK } from "@/lib/delphi/default-item-block";
import { configSchemaFor, RANKING_QUESTION_KEY } from "@/lib/delphi/question-config";

const ZBand = z.tuple([z.coerce.number().int(), z.coerce.number().int()]);

export const ZQuestionSettings = z
  .object({
    key: z.string().min(1).max(64),
    enabled: z.boolean().default(true),
    required: z.boolean().optional(),
    allowDontKnow: z.boolean().optional(),
    agreeBand: ZBand.optional(),
    disagreeBand: ZBand.optional(),
    minYear: z.coerce.number().int().optional(),
    maxYear: z.coerce.number().int().optional(),
    allowAlready: z.boolean().optional(),
    allowNever: z.boolean().optional(),
    minSelect: z.coerce.number().int().optional(),
    /** Null removes the limit of a multiple choice. */
    maxSelect: z.coerce.number().int().nullable().optional(),
    requiredOutsideIqr: z.boolean().optional(),
  })
  .strict();
export type QuestionSettings = z.infer<typeof ZQuestionSettings>;

export const ZConfigureItemBlockInput = z.object({ roundId: z.string().min(1), questions: z.array(ZQuestionSettings).min(1).max(50) }).strict();
export type ConfigureItemBlockInput = z.input<typeof ZConfigureItemBlockInput>;

type Base = { key: string; kind: QuestionKind; label: string; labelZh: string | null; required: boolean; config: Record<string, unknown>; position: number };

export async function configureItemBlock(input: ConfigureItemBlockInput, actorId: string) {
  const { roundId, questions: settings } = ZConfigureItemBlockInput.parse(input);
  return db().$transaction(async (tx) => {
    const [round] = await tx.$queryRaw<{ status: string; deadline: Date | null; study_id: string; kind: string }[]>`
      SELECT status, deadline, study_id, kind FROM round WHERE id = ${roundId} FOR UPDATE`;
    if (!round) throw notFound("round");
    assertDraft(round, "itemBlock");
    const bases = await basesFor(tx, roundId, round.kind);
    const enabled = new Map([...bases].map(([key, base]) => [key, true]));
    const merged = new Map(bases);
    for (const s of settings) {
      const base = bases.get(s.key);
      if (!base) throw invalid("itemBlock.unknownQuestion", { key: s.key });
      enabled.set(s.key, s.enabled);
      merged.set(s.key, merge(base, s));
    }
    const asked = [...merged.values()].filter((q) => enabled.get(q.key) && (q.position >= 0 || settings.some((s) => s.key === q.key)));
    if (asked.length === 0) throw invalid("itemBlock.needsQuestion");
    await tx.question.deleteMany({ where: { roundId } });
    await tx.question.createMany({
      data: asked.sort((a, b) => order(a) - order(b)).map((q, position) => ({ roundId, position, key: q.key, kind: q.kind, label: q.label, labelZh: q.labelZh, required: q.required, config: q.config as InputJsonValue })),
    });
    await recordAudit({ actorId, action: "round.configure", entity: "round", entityId: roundId, studyId: round.study_id, data: { questions: asked.map((q) => q.key) } }, tx);
    return { questions: asked.length };
  });
}

const TEMPLATE_ORDER = new Map(DEFAULT_ITEM_BLOCK.map((q, i) => [q.key, i]));
const order = (q: Base) => TEMPLATE_ORDER.get(q.key) ?? 100 + q.position;

/**
 * The questions the block may hold: those the round asks (position ≥ 0) and, for a rating round, the
 * default questions it does not ask yet (position −1), which an admin may switch on.
 */
async function basesFor(tx: Tx, roundId: string, kind: string): Promise<Map<string, Base>> {
  const current = await tx.question.findMany({ where: { roundId } });
  const bases = new Map<string, Base>();
  if (kind !== "RANKING") for (const t of DEFAULT_ITEM_BLOCK) bases.set(t.key, { ...t, config: t.config as Record<string, unknown>, position: -1 });
  for (const q of current) bases.set(q.key, { ...q, config: q.config as Record<string, unknown> });
  return bases;
}

const FIELDS: Record<string, readonly (keyof QuestionSettings)[]> = {
  SCALE: ["allowDontKnow", "agreeBand", "disagreeBand"],
  CHOICE: ["allowDontKnow"],
  MULTI_CHOICE: ["allowDontKnow", "maxSelect"],
  YEAR: ["allowDontKnow", "minYear", "maxYear", "allowAlready", "allowNever"],
  TEXT: ["requiredOutsideIqr"],
  RANKING: ["minSelect", "maxSelect"],
};

/** The settings' first problem: zod's English text, and its Chinese for the reader who asks. */
function settingProblem({ issues: [issue] }: z.ZodError): Localised {
  return { en: issue.message, zh: zodIssueText(issue, "zh") };
}

function merge(base: Base, s: QuestionSettings): Base {
  const kind = base.key === RANKING_QUESTION_KEY && base.kind === "MULTI_CHOICE" ? "RANKING" : base.kind;
  const allowed = FIELDS[kind];
  const config: Record<string, unknown> = { ...base.config };
  for (const field of Object.keys(s) as (keyof QuestionSettings)[]) {
    if (field === "key" || field === "enabled" || field === "required" || s[field] === undefined) continue;
    if (!allowed.includes(field)) throw invalid("itemBlock.noSetting", { question: { en: base.label, zh: base.labelZh }, field });
    if (s[field] === null) delete config[field];
    else config[field] = s[field];
  }
  const parsed = configSchemaFor(base.kind, base.key).safeParse(config);
  if (!parsed.success) throw invalid("itemBlock.badSetting", { question: { en: base.label, zh: base.labelZh }, reason: settingProblem(parsed.error) });
  return { ...base, required: s.required ?? base.required, config: parsed.data as Record<string, unknown> };
}
