// Commands run against DATABASE_URL, or start (and afterwards stop) the embedded database.
import { resolveDatabase } from "@/lib/db/resolve";
import { migrate } from "@/lib/db/migrate";
import { disconnectDb } from "@/lib/db";

export async function withDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const database = await resolveDatabase((line) => console.error(line));
  try {
    await migrate(database.url, { log: (line) => console.error(line) });
    return await fn();
  } finally {
    await disconnectDb();
    await database.stop();
  }
}
