import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { enqueue } from "@/lib/jobs/queues";

export const ZScanParameters = z
  .object({
    k: z.coerce.number().int().min(2).max(500).default(8),
    iterations: z.coerce.number().int().min(10).max(5000).default(300),
    seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(42),
  })
  .strict();
export type ScanParameters = z.infer<typeof ZScanParameters>;

export const ZStartScanInput = z
  .object({ studyId: z.string().min(1), question: z.string().trim().max(2000).default("") })
  .extend(ZScanParameters.shape)
  .strict();
export type StartScanInput = z.input<typeof ZStartScanInput>;

export async function startScan(input: StartScanInput, actorId: string | null) {
  const { studyId, question, ...parameters } = ZStartScanInput.parse(input);
  const scan = await db().scan.create({ data: { studyId, question, parameters, createdById: actorId } });
  await recordAudit({ actorId, action: "scan.start", entity: "scan", entityId: scan.id, studyId, data: parameters });
  await enqueue("analysis.scan", scan.id);
  return scan;
}
