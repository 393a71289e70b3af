import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

export async function getStudies() {
  return db().study.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      question: true,
      horizonYear: true,
      status: true,
      createdAt: true,
      _count: { select: { documents: true, rounds: true } },
    },
  });
}

export async function getStudyOrThrow(id: string) {
  const study = await db().study.findUnique({ where: { id } });
  if (!study) throw notFound("study");
  return study;
}
