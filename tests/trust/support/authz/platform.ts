// The whole platform for the authorisation and anonymity tests, started the way a user starts it
// (`npm start`, as tests/e2e/start-platform.ts does) on a database of its own: fresh on the server of
// DATABASE_URL when set, else on an embedded PostgreSQL under .data/. The world is written into the
// database before the start, so the demo seed (which runs only on an empty user table) stays out.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createServer } from "node:net";
import pg from "pg";
import { resetEnv } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { disconnectDb } from "@/lib/db";
import { closeQueues } from "@/lib/jobs/queues";
import { ensureEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { startPlatform, type RunningPlatform } from "@/scripts/platform-process";
import { buildIfStale } from "@/scripts/build-if-stale";

/** Platform tests need a production build and a few minutes: they run under `npm run test:trust`. */
export const PLATFORM_TESTS = process.env.TRUST_FULL === "1" || process.env.AUTHZ_PLATFORM === "1";

export type TestDatabase = { url: string; drop(): Promise<void> };

/**
 * A fresh, migrated database named `<DATABASE_URL's database>_<name>` (`foresight_<name>` on the
 * embedded server), so runs on one server under different DATABASE_URLs never drop each other's;
 * the test process's db() points at it.
 */
export async function freshDatabase(name: string, embeddedPort: number): Promise<TestDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.DATABASE_URL;
  const base = (serverUrl && new URL(serverUrl).pathname.slice(1)) || "foresight";
  if (!serverUrl) {
    embedded = await ensureEmbeddedDatabase({ dataDir: `.data/trust-${name}`, port: embeddedPort, database: "postgres" });
    serverUrl = embedded.url;
  }
  const database = `${base}_${name}`.replace(/[^\w]/g, "_");
  const maintenance = new URL(serverUrl);
  maintenance.pathname = "/postgres";
  const onServer = async (sql: string[]) => {
    const admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
    for (const statement of sql) await admin.query(statement);
    await admin.end();
  };
  await onServer([`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`, `CREATE DATABASE "${database}"`]);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  await migrate(url.toString());
  process.env.DATABASE_URL = url.toString();
  resetEnv();
  return {
    url: url.toString(),
    async drop() {
      await closeQueues();
      await disconnectDb();
      await onServer([`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`]);
      await embedded?.stop();
    },
  };
}

export type AuthzPlatform = RunningPlatform & { secret: string };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Several platform tests may start at once; only one of them may run `next build` (a lock left by a killed run is taken over). */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = ".data/trust-authz-build.lock";
  const owner = path.join(lock, "pid");
  mkdirSync(".data", { recursive: true });
  const deadline = Date.now() + 900_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(owner, String(process.pid));
      break;
    } catch {
      const holder = Number(existsSync(owner) ? readFileSync(owner, "utf8") : 0);
      if (holder && !alive(holder)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} held for 15 minutes by process ${holder}`);
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * A port nobody listens on. A busy port would be fatal in a quiet way: `npm start` announces itself
 * before the web server binds, so another server's health check could pass for ours.
 */
export async function freePort(preferred?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(null));
      server.listen(port, () => {
        const bound = (server.address() as { port: number }).port;
        server.close(() => resolve(bound));
      });
    });
  return (preferred && (await tryListen(preferred))) || ((await tryListen(0)) as number);
}

/** `npm start` on the database at `databaseUrl`, with a session secret the test knows (to prove it is never logged). */
export async function startAuthzPlatform(options: { databaseUrl: string; port?: number; dataDir: string }): Promise<AuthzPlatform> {
  await withBuildLock(() => buildIfStale((line) => console.info(line)));
  const secret = randomBytes(32).toString("base64url");
  rmSync(options.dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: options.databaseUrl, NEXTAUTH_SECRET: secret, FORESIGHT_DATA_DIR: options.dataDir, NODE_ENV: "production" };
  delete env.NEXTAUTH_URL;
  delete env.REDIS_URL;
  const platform = await startPlatform({ env, port: await freePort(options.port) });
  return Object.assign(platform, { secret });
}
