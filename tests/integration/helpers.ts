// Factories and the per-test reset for integration tests (real PostgreSQL, never a mocked client).
import { createServer } from "node:net";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createStudy as createStudyCommand } from "@/lib/studies/create-study";
import { IMPORTANCE_QUESTION } from "@/lib/delphi/default-item-block";
import type { Role, RoundStatus } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/permissions";

export async function resetDatabase(): Promise<void> {
  const tables = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  await db().$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"public"."${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

export async function createUser(options: { role?: Role; email?: string; password?: string; name?: string } = {}): Promise<Viewer & { password: string }> {
  const password = options.password ?? "correct horse battery";
  const user = await db().user.create({
    data: {
      email: options.email ?? `${randomUUID()}@example.test`,
      name: options.name ?? "Test User",
      role: options.role ?? "ADMIN",
      passwordHash: await hashPassword(password),
      ...(options.role === "EXPERT" ? { profile: { create: {} } } : {}),
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, password };
}

export async function createStudy(options: { name?: string; actorId?: string | null } = {}) {
  return createStudyCommand({ name: options.name ?? `Study ${randomUUID().slice(0, 8)}` }, options.actorId ?? null);
}

export async function* bytesOf(content: string | Uint8Array): AsyncGenerator<Uint8Array> {
  yield typeof content === "string" ? Buffer.from(content, "utf8") : content;
}

export type RisEntry = { title?: string; doi?: string; year?: number; author?: string };

/** A RIS file of journal articles; an entry without a title still has an author, so it is a record. */
export function risFile(entries: RisEntry[]): string {
  return entries
    .map((e) => {
      const tags = [["TY", "JOUR"], ["AU", e.author ?? "Doe, Jane"], ["TI", e.title], ["PY", e.year?.toString()], ["DO", e.doi]];
      return `${tags.filter(([, v]) => v !== undefined).map(([t, v]) => `${t}  - ${v}`).join("\n")}\nER  - \n`;
    })
    .join("\n");
}

/**
 * A round asked with the importance question, built directly in the database (no theme set needed).
 * `status` defaults to OPEN.
 */
export async function createRound(options: { studyId: string; items?: number; minN?: number; status?: RoundStatus }) {
  const q = IMPORTANCE_QUESTION;
  const last = await db().round.aggregate({ where: { studyId: options.studyId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const round = await db().round.create({
    data: {
      studyId: options.studyId,
      number,
      title: `Round ${number}`,
      minN: options.minN ?? 5,
      status: options.status ?? "OPEN",
      questions: { create: [{ position: 0, key: q.key, kind: q.kind, label: q.label, required: q.required, config: q.config }] },
      items: { create: Array.from({ length: options.items ?? 1 }, (_, i) => ({ origin: "ADMIN" as const, position: i, title: `Item ${i + 1}` })) },
    },
    include: { items: { orderBy: { position: "asc" } } },
  });
  return round;
}

/** An expert who accepted an invitation to the round. */
export async function createInvitedExpert(roundId: string, options: { name?: string; email?: string } = {}): Promise<Viewer> {
  const { password: _password, ...expert } = await createUser({ role: "EXPERT", ...options });
  await db().invitation.create({ data: { roundId, userId: expert.id, status: "ACCEPTED", acceptedAt: new Date() } });
  return expert;
}

/** A local port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
