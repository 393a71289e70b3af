// `npm run smoke:embedded`: the zero-configuration default on a fresh data folder. No DATABASE_URL,
// no REDIS_URL: `npm start` must start the embedded PostgreSQL, seed the demo, serve, stop on Ctrl-C,
// and come back on the same folder with the data kept and nothing seeded twice.
import { rmSync } from "node:fs";
import { connect } from "node:net";
import { startPlatform } from "./platform-process";

const dataDir = ".data/smoke";
const env: NodeJS.ProcessEnv = { ...process.env, FORESIGHT_DATA_DIR: dataDir, FORESIGHT_EMBEDDED_PG_PORT: "54359" };
for (const key of ["DATABASE_URL", "REDIS_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL"]) delete env[key];
const port = Number(process.env.SMOKE_PORT ?? 3310);
rmSync(dataDir, { recursive: true, force: true });

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`smoke test failed: ${message}`);
}

/** Ctrl-C ends with 0 or the shell's 130 (128 + SIGINT); either way nothing may keep running. */
async function checkStopped(code: number | null, when: string) {
  check(code === 0 || code === 130, `${when}: Ctrl-C ended with exit ${code}`);
  check(!(await listening(port)), `${when}: the web server still answers after Ctrl-C`);
  check(!(await listening(54359)), `${when}: the embedded PostgreSQL still runs after Ctrl-C`);
}

function listening(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port: p, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

const first = await startPlatform({ env, port });
try {
  check(first.accounts, "the first start printed no demo accounts");
  const login = await fetch(`${first.baseUrl}/login`);
  check(login.ok && (await login.text()).includes("Sign in"), "the sign-in page does not answer");
  check(/embedded PostgreSQL started/.test(first.output()), "the embedded PostgreSQL did not start");
  check(/queues on PostgreSQL/.test(first.output()), "the workers are not on the PostgreSQL queue backend");
} finally {
  await checkStopped(await first.stop(), "first start");
}

const second = await startPlatform({ env, port });
try {
  check(second.accounts === null, "the second start seeded the demo again");
  check((await fetch(`${second.baseUrl}/api/health`)).ok, "the restarted platform is not healthy");
} finally {
  await checkStopped(await second.stop(), "second start");
}
rmSync(dataDir, { recursive: true, force: true });
console.log("npm start on a fresh data folder served, stopped on Ctrl-C, and restarted with its data");
console.log("smoke: 1 passed, 0 failed");
