// Admin-written items (PRODUCT.md §4: round 1 items come from the themes "optionally plus admin-written
// items"), bilingual, added to or removed from a draft round.
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, formMessage, notFound } from "@/lib/errors";
import { assertDraft } from "@/lib/delphi/round-guard";

export const ZAddItemInput = z
  .object({
    roundId: z.string().min(1),
    title: z.string().trim().min(1, formMessage("itemTitle")).max(300),
    titleZh: z.string().trim().max(300).optional(),
    description: z.string().trim().max(5000).default(""),
    descriptionZh: z.string().trim().max(5000).optional(),
  })
  .strict();
export type AddItemInput = z.input<typeof ZAddItemInput>;

type LockedRound = { status: string; deadline: Date | null; study_id: string; kind: string };

export async function addItem(input: AddItemInput, actorId: string) {
  const { roundId, title, titleZh, description, descriptionZh } = ZAddItemInput.parse(input);
  return db().$transaction(async (tx) => {
    const [round] = await tx.$queryRaw<LockedRound[]>`SELECT status, deadline, study_id, kind FROM round WHERE id = ${roundId} FOR UPDATE`;
    if (!round) throw notFound("round");
    assertDraft(round, "items");
    if (round.kind === "RANKING") throw conflict("round.rankingRoundItems");
    const last = await tx.item.aggregate({ where: { roundId }, _max: { position: true } });
    const item = await tx.item.create({
      data: { roundId, origin: "ADMIN", position: (last._max.position ?? -1) + 1, title, titleZh: titleZh || null, description, descriptionZh: descriptionZh || null },
    });
    await recordAudit({ actorId, action: "item.create", entity: "item", entityId: item.id, studyId: round.study_id, data: { roundId, title } }, tx);
    return item;
  });
}

export async function removeItem(itemId: string, actorId: string) {
  return db().$transaction(async (tx) => {
    const item = await tx.item.findUnique({ where: { id: itemId }, select: { roundId: true, title: true } });
    if (!item) throw notFound("item");
    const [round] = await tx.$queryRaw<LockedRound[]>`SELECT status, deadline, study_id, kind FROM round WHERE id = ${item.roundId} FOR UPDATE`;
    assertDraft(round, "items");
    await tx.item.delete({ where: { id: itemId } });
    await recordAudit({ actorId, action: "item.delete", entity: "item", entityId: itemId, studyId: round.study_id, data: { roundId: item.roundId, title: item.title } }, tx);
  });
}
