// Starts the whole platform the way a user does (`npm start`), on a fresh data folder (or a fresh
// database on DATABASE_URL's server), and hands the demo credentials it prints to the tests.
import { rmSync } from "node:fs";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startPlatform, type DemoCredentials, type RunningPlatform } from "../../scripts/platform-process";

let platform: RunningPlatform | undefined;

export default async function setup(project: TestProject) {
  const env: NodeJS.ProcessEnv = { ...process.env, FORESIGHT_DATA_DIR: ".data/e2e", FORESIGHT_EMBEDDED_PG_PORT: "54349" };
  delete env.NEXTAUTH_URL;
  rmSync(".data/e2e", { recursive: true, force: true });
  if (process.env.DATABASE_URL) env.DATABASE_URL = await freshDatabase(process.env.DATABASE_URL, "foresight_e2e");
  platform = await startPlatform({ env, port: Number(process.env.E2E_PORT ?? 3210) });
  if (!platform.accounts) throw new Error(`no demo credentials printed:\n${platform.output()}`);
  project.provide("baseUrl", platform.baseUrl);
  project.provide("accounts", platform.accounts);
  return async () => {
    await platform?.stop();
  };
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
    accounts: DemoCredentials;
  }
}
