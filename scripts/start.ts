// `npm start`: the whole platform in one command. With no configuration it starts the embedded
// PostgreSQL; it migrates, seeds the demo on first start, builds the web app when sources changed,
// and runs the web server and the workers until Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { env, resetEnv } from "@/lib/env";
import { resolveDatabase } from "@/lib/db/resolve";
import { migrate } from "@/lib/db/migrate";
import { disconnectDb } from "@/lib/db";
import { localSecrets } from "@/lib/local-secrets";
import { seedDemo } from "@/lib/demo/seed-demo";
import { closeQueues } from "@/lib/jobs/queues";
import { startWorkers } from "@/workers/index";
import { printAccounts } from "@/scripts/print-accounts";
import { buildIfStale } from "@/scripts/build-if-stale";

const log = (line: string) => console.log(line);

const database = await resolveDatabase(log);
log(database.owned ? "embedded PostgreSQL started" : `using ${env().DATABASE_URL ? "DATABASE_URL" : "the running embedded PostgreSQL"}`);
process.env.NEXTAUTH_SECRET ??= localSecrets(env().FORESIGHT_DATA_DIR).authSecret;
process.env.NEXTAUTH_URL ??= `http://localhost:${env().PORT}`;
resetEnv();

let web: ChildProcess | undefined;
let workers: Awaited<ReturnType<typeof startWorkers>> | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  if (web && web.exitCode === null) {
    const exited = new Promise((resolve) => web!.once("exit", resolve));
    web.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  await workers?.close().catch(() => {});
  await closeQueues().catch(() => {});
  await disconnectDb().catch(() => {});
  await database.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  const result = await migrate(database.url, { log });
  if (result.applied.length) log(`applied ${result.applied.length} migration(s)`);
  const accounts = await seedDemo(log);
  if (accounts) printAccounts(accounts);
  await buildIfStale(log);
  workers = await startWorkers(log);
  web = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(env().PORT)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: process.env,
  });
  web.on("exit", (code) => {
    if (!stopping) {
      log(`the web server exited (${code ?? "signal"})`);
      void stop(code ?? 1);
    }
  });
  log(`\n  Foresight is running at ${process.env.NEXTAUTH_URL}\n  Press Ctrl-C to stop.\n`);
} catch (error) {
  console.error((error as Error).message);
  await stop(1);
}
