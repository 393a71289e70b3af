// Tests run against a real PostgreSQL: the server of DATABASE_URL when set (CI), else an embedded
// one under .data/test. Either way they get their own fresh database, migrated with our runner.
// Queues use Redis when REDIS_URL is set, else BullMQ's PostgreSQL backend in that database.
import pg from "pg";
import { ensureEmbeddedDatabase, type EmbeddedDatabase } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

let embedded: EmbeddedDatabase | undefined;

export default async function setup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const port = Number(process.env.FORESIGHT_TEST_PG_PORT ?? 54339);
    embedded = await ensureEmbeddedDatabase({ dataDir: ".data/test", port, database: "postgres" });
    serverUrl = embedded.url;
  }
  const testUrl = new URL(serverUrl);
  const database = `${testUrl.pathname.slice(1) || "foresight"}_test`.replace(/[^\w]/g, "_");
  // Created and dropped from the maintenance database, so DATABASE_URL may name one that does not exist yet.
  const maintenance = new URL(serverUrl);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  testUrl.pathname = `/${database}`;
  await migrate(testUrl.toString());

  process.env.DATABASE_URL = testUrl.toString();
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  process.env.FORESIGHT_TEST_SERVER_URL = serverUrl;

  return async () => {
    await embedded?.stop();
  };
}
