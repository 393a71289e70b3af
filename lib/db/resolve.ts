// Where the database is: DATABASE_URL when set, otherwise the embedded server (started if needed).
import { env, resetEnv } from "@/lib/env";
import { ensureEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";

export async function resolveDatabase(log?: (line: string) => void): Promise<EmbeddedDatabase> {
  const e = env();
  if (e.DATABASE_URL) return { url: e.DATABASE_URL, owned: false, stop: async () => {} };
  const embedded = await ensureEmbeddedDatabase({ dataDir: e.FORESIGHT_DATA_DIR, port: e.FORESIGHT_EMBEDDED_PG_PORT, log });
  process.env.DATABASE_URL = embedded.url;
  resetEnv();
  return embedded;
}
