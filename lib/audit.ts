// Every change to a study, round, theme set, answer or user is recorded here.
import { db, type Tx } from "@/lib/db";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export type AuditEvent = {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  studyId?: string | null;
  data?: InputJsonValue;
};

export async function recordAudit(event: AuditEvent, tx?: Tx): Promise<void> {
  await (tx ?? db()).auditLog.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId ?? null,
      studyId: event.studyId ?? null,
      data: event.data ?? {},
    },
  });
}
