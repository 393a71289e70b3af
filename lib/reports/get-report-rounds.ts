// The rounds a consensus report can be about (the report page's scope choice): every round of the
// study, with whether it has closed.
import { db } from "@/lib/db";

export async function getReportRounds(studyId: string) {
  return db().round.findMany({ where: { studyId }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true, kind: true, status: true } });
}
