import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { enqueue } from "@/lib/jobs/queues";
import { invalid } from "@/lib/errors";
import { kRange } from "@/lib/topics/model-selection";

export const ZScanParameters = z
  .object({
    /** The number of themes, or the first of the range when `kTo` is set. */
    k: z.coerce.number().int().min(2).max(500).default(8),
    /** With `kTo`, K is chosen from k, k + kStep, … kTo by model selection (lib/topics/model-selection.ts). */
    kTo: z.coerce.number().int().min(2).max(500).optional(),
    kStep: z.coerce.number().int().min(1).max(500).optional(),
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
  candidateKs(parameters);
  const scan = await db().scan.create({ data: { studyId, question, parameters, createdById: actorId } });
  await recordAudit({ actorId, action: "scan.start", entity: "scan", entityId: scan.id, studyId, data: parameters });
  await enqueue("analysis.scan", scan.id);
  return scan;
}

/** The Ks a scan will consider: one, or the range k … kTo by kStep (default 5). */
export function candidateKs(parameters: ScanParameters): number[] {
  if (parameters.kTo === undefined || parameters.kTo === parameters.k) return [parameters.k];
  try {
    return kRange({ from: parameters.k, to: parameters.kTo, step: parameters.kStep ?? 5 });
  } catch (error) {
    throw invalid((error as Error).message);
  }
}
