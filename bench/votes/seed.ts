// The benchmark's study: rounds of N admin items asking familiarity, importance and the home
// country's R&D position (three questions of the default item block), and a panel of experts with
// passwords, invited to every round and already accepted — made through the domain functions and the
// client the app itself uses, so the web server sees ordinary rows.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createStudy } from "@/lib/studies/create-study";
import { openRound } from "@/lib/delphi/open-round";
import { DEFAULT_ITEM_BLOCK } from "@/lib/delphi/default-item-block";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

export const BENCH_QUESTIONS = ["familiarity", "importance", "rd_position"] as const;
export const BENCH_PASSWORD = "bench expert password";

export type BenchRound = { id: string; itemIds: string[] };
export type BenchExpert = { id: string; email: string };

export async function createBenchStudy(name: string, adminId: string | null): Promise<string> {
  const study = await createStudy({ name }, adminId);
  return study.id;
}

/** An open rating round of `items` items; the statistics of every subgroup are shown from n = 5. */
export async function createBenchRound(options: { studyId: string; number: number; items: number; actorId: string }): Promise<BenchRound> {
  const questions = DEFAULT_ITEM_BLOCK.filter((q) => (BENCH_QUESTIONS as readonly string[]).includes(q.key));
  const round = await db().round.create({
    data: {
      studyId: options.studyId,
      number: options.number,
      title: `Load round ${options.number}`,
      minN: 5,
      questions: { create: questions.map((q, position) => ({ position, key: q.key, kind: q.kind, label: q.label, labelZh: q.labelZh, required: q.required, config: q.config as InputJsonValue })) },
      items: { create: Array.from({ length: options.items }, (_, i) => ({ origin: "ADMIN" as const, position: i, title: `Technology ${i + 1}` })) },
    },
    include: { items: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  await openRound(round.id, options.actorId);
  return { id: round.id, itemIds: round.items.map((i) => i.id) };
}

/** `count` expert accounts sharing one password (hashed once: argon2 is deliberately slow). */
export async function createExperts(count: number, tag: string): Promise<BenchExpert[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const sectors = ["ACADEMIA", "INDUSTRY", "GOVERNMENT"] as const;
  const experts: BenchExpert[] = [];
  for (let i = 0; i < count; i++) {
    const email = `expert-${tag}-${i}@bench.example`;
    const user = await db().user.create({
      data: { email, name: `Bench expert ${i}`, role: "EXPERT", passwordHash, profile: { create: { sector: sectors[i % sectors.length] } } },
      select: { id: true, email: true },
    });
    experts.push(user);
  }
  return experts;
}

export async function invite(roundId: string, experts: BenchExpert[]): Promise<void> {
  await db().invitation.createMany({ data: experts.map((e) => ({ roundId, userId: e.id, status: "ACCEPTED" as const, acceptedAt: new Date(), sentAt: new Date() })) });
}
