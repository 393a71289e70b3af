// Starts the whole platform the way a user does (`npm start`), on a fresh data folder (or a fresh
// database on DATABASE_URL's server), and hands the demo credentials it prints to the tests.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";
import type { TestProject } from "vitest/node";

let platform: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  const port = Number(process.env.E2E_PORT ?? 3210);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), FORESIGHT_DATA_DIR: ".data/e2e", FORESIGHT_EMBEDDED_PG_PORT: "54349" };
  delete env.NEXTAUTH_URL;
  rmSync(".data/e2e", { recursive: true, force: true });
  if (process.env.DATABASE_URL) env.DATABASE_URL = await freshDatabase(process.env.DATABASE_URL, "foresight_e2e");

  platform = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  platform.stdout!.on("data", (chunk) => (output += chunk));
  platform.stderr!.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  while (!/Foresight is running at/.test(output) || !(await answers(`http://localhost:${port}/api/health`))) {
    if (platform.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() - started > 540_000) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const accounts = Object.fromEntries([...output.matchAll(/^\s+(ADMIN|EXPERT|PLANNER)\s+(\S+)\s+(\S+)$/gm)].map((m) => [m[1], { email: m[2], password: m[3] }]));
  if (!accounts.ADMIN || !accounts.PLANNER) throw new Error(`no demo credentials printed:\n${output}`);
  project.provide("baseUrl", `http://localhost:${port}`);
  project.provide("accounts", accounts as Record<"ADMIN" | "EXPERT" | "PLANNER", { email: string; password: string }>);

  return async () => {
    if (!platform || platform.exitCode !== null) return;
    const exited = new Promise((resolve) => platform!.once("exit", resolve));
    platform.kill("SIGINT");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    if (platform.exitCode === null) platform.kill("SIGKILL");
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    accounts: Record<"ADMIN" | "EXPERT" | "PLANNER", { email: string; password: string }>;
  }
}
