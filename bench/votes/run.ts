// `npm run bench:votes [-- --experts 300 --items 20]`: starts the platform as a user does (`npm start`,
// production build) on a fresh database, signs in a panel of experts over HTTP and has them all answer
// at once through the answer page's own server action. Prints throughput, latency percentiles and the
// count checks (nothing lost, nothing counted twice), then closes a second round while a second wave
// is submitting and checks that every answer is either in the closed round's statistics or was refused
// with the closed-round message. The peer: the same upserts straight into PostgreSQL with pg.
import { rmSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { startPlatform } from "../../scripts/platform-process";
import { resetEnv } from "@/lib/env";
import { resolveDatabase } from "@/lib/db/resolve";
import { db, disconnectDb } from "@/lib/db";
import { BENCH_PASSWORD, createBenchRound, createBenchStudy, createExperts, invite } from "./seed";
import { actionId, signIn, type Session } from "./http";
import { percentile, pool } from "./plan";
import { answerWave, checkClosedRound, checkWave, closeDuringWave, directWave, type Timed } from "./waves";

const { values } = parseArgs({ options: { experts: { type: "string", default: "300" }, items: { type: "string", default: "20" }, port: { type: "string", default: "3290" } } });
const experts = Number(values.experts);
const items = Number(values.items);
const port = Number(values.port);

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const url = new URL(serverUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  url.pathname = `/${name}`;
  return url.toString();
}

const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", FORESIGHT_DATA_DIR: ".data/bench-votes", FORESIGHT_EMBEDDED_PG_PORT: "54351" };
delete childEnv.NEXTAUTH_URL;
rmSync(".data/bench-votes", { recursive: true, force: true });
if (process.env.DATABASE_URL) childEnv.DATABASE_URL = await freshDatabase(process.env.DATABASE_URL, `${new URL(process.env.DATABASE_URL).pathname.slice(1) || "foresight"}_bench`);
console.error("starting the platform (npm start)…");
const platform = await startPlatform({ env: childEnv, port });
process.on("SIGINT", () => void platform.stop().finally(() => process.exit(130)));

try {
  Object.assign(process.env, { FORESIGHT_DATA_DIR: childEnv.FORESIGHT_DATA_DIR, FORESIGHT_EMBEDDED_PG_PORT: childEnv.FORESIGHT_EMBEDDED_PG_PORT, DATABASE_URL: childEnv.DATABASE_URL ?? "" });
  if (!childEnv.DATABASE_URL) delete process.env.DATABASE_URL;
  resetEnv();
  const database = await resolveDatabase();
  if (!platform.accounts) throw new Error(`no demo accounts printed:\n${platform.output()}`);
  const admin = await db().user.findUniqueOrThrow({ where: { email: platform.accounts.ADMIN.email } });

  const study = (name: string) => createBenchStudy(`${name} ${new Date().toISOString()}`, admin.id);
  const roundA = await createBenchRound({ studyId: await study("Load: answering"), number: 1, items, actorId: admin.id });
  const roundB = await createBenchRound({ studyId: await study("Load: closing while answering"), number: 1, items, actorId: admin.id });
  const roundC = await createBenchRound({ studyId: await study("Load: pg peer"), number: 1, items, actorId: admin.id });
  const panel = await createExperts(experts, Date.now().toString(36));
  for (const r of [roundA, roundB, roundC]) await invite(r.id, panel);

  console.error(`signing in ${experts} experts…`);
  const signInStarted = performance.now();
  const sessions: Session[] = await pool(panel.map((e) => () => signIn(platform.baseUrl, e.email, BENCH_PASSWORD)), 8);
  const signInSeconds = (performance.now() - signInStarted) / 1000;
  const action = actionId("saveAnswersAction");
  const base = { baseUrl: platform.baseUrl, actionId: action, sessions };

  console.error("wave 1: every expert saves a draft, submits, then revises…");
  const wave1 = await answerWave({ ...base, round: roundA });
  const check1 = await checkWave({ round: roundA, panel });

  console.error("wave 2: a second round is closed while the panel submits (one expert every 60 ms)…");
  const wave2 = await closeDuringWave({ ...base, round: roundB, adminId: admin.id, closeAfter: Math.floor(experts / 3), spacingMs: 60 });
  const check2 = await checkClosedRound({ round: roundB, panel, wave: wave2 });

  console.error("peer: the same upserts with pg…");
  const peer = await directWave({ databaseUrl: database.url, round: roundC, panel, connections: 10 });
  const checkPeer = await checkWave({ round: roundC, panel });

  report({ signInSeconds, wave1, check1, wave2, check2, peer, checkPeer });
  const serverErrors = platform.output().split("\n").filter((l) => /error/i.test(l) && !/Demo accounts/.test(l) && !/^\s*[├└┌│]/.test(l));
  if (serverErrors.length > 0) console.log(`server log: ${serverErrors.length} error lines, first: ${serverErrors.slice(0, 3).join(" | ").slice(0, 600)}`);
  const failed = [check1, check2, checkPeer].some((c) => !c.pass) || wave1.errors.length > 0;
  process.exitCode = failed ? 1 : 0;
} finally {
  await disconnectDb();
  await platform.stop();
}

type Report = {
  signInSeconds: number;
  wave1: Timed;
  check1: { pass: boolean; lines: string[] };
  wave2: Awaited<ReturnType<typeof closeDuringWave>>;
  check2: { pass: boolean; lines: string[] };
  peer: Timed;
  checkPeer: { pass: boolean; lines: string[] };
};

function report(r: Report) {
  const f = (x: number, d = 0) => x.toLocaleString("en", { maximumFractionDigits: d, minimumFractionDigits: d });
  const cpu = os.cpus();
  console.log(`\nbench:votes — ${experts} experts × ${items} items × 3 questions; ${cpu.length} × ${cpu[0]?.model.trim()}, ${f(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}`);
  console.log(`sign-in: ${experts} next-auth credential sign-ins in ${f(r.signInSeconds, 1)} s (8 at a time; argon2id)`);
  const line = (name: string, t: Timed) => {
    const ms = t.latencies;
    console.log(
      `${name.padEnd(34)} ${f(t.requests)} requests in ${f(t.seconds, 2)} s: ${f(t.requests / t.seconds, 1)} req/s, ${f(t.answers / t.seconds)} answers/s; ` +
        `latency p50 ${f(percentile(ms, 50))} ms, p90 ${f(percentile(ms, 90))} ms, p99 ${f(percentile(ms, 99))} ms, max ${f(Math.max(...ms))} ms; errors ${t.errors.length}`,
    );
    for (const e of [...new Set(t.errors)].slice(0, 3)) console.log(`    error: ${e}`);
  };
  line("wave 1 (HTTP, server action)", r.wave1);
  for (const l of r.check1.lines) console.log(`  ${l}`);
  line("wave 2 (HTTP, 60 ms apart, closed)", r.wave2);
  for (const l of r.check2.lines) console.log(`  ${l}`);
  line("peer (pg, 10 connections)", r.peer);
  for (const l of r.checkPeer.lines) console.log(`  ${l}`);
  console.log(`app / peer: ${f(r.wave1.answers / r.wave1.seconds / (r.peer.answers / r.peer.seconds), 3)} of the peer's answers/s (the app costs ${f((r.peer.answers / r.peer.seconds) / (r.wave1.answers / r.wave1.seconds), 1)}×)`);
  console.log(`checks: ${[r.check1, r.check2, r.checkPeer].every((c) => c.pass) ? "PASS" : "FAIL"}`);
}
