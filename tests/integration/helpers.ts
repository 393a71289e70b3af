// Factories and the per-test reset for integration tests (real PostgreSQL, never a mocked client).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createStudy as createStudyCommand } from "@/lib/studies/create-study";
import type { Role } from "@/lib/generated/prisma/enums";
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

export async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, "utf8");
}
