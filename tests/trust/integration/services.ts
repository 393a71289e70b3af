// Real processes for the fault tests: a worker (`workers/index.ts`) that can be SIGKILLed, a private
// redis-server that can be killed and restarted on the same data, and polling helpers.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value other than undefined; errors count as "not yet" (a service may be down). */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(everyMs);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ""}`);
}

export type WorkerProcess = { pid: number; log: string[]; kill(signal?: NodeJS.Signals): Promise<void>; waitForLog(pattern: RegExp, timeoutMs: number): Promise<string> };

/**
 * `node --import tsx workers/index.ts`: one process (not tsx's launcher and its child), so a SIGKILL
 * kills the worker itself, as an OOM killer or a lost machine would.
 */
export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", WORKER_CONCURRENCY: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  const collect = (data: Buffer) => log.push(...data.toString().split("\n").filter(Boolean));
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const worker: WorkerProcess = {
    pid: child.pid!,
    log,
    async kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    waitForLog: (pattern, timeoutMs) => waitFor(`a worker log line matching ${pattern}`, async () => log.find((line) => pattern.test(line)), timeoutMs),
  };
  await worker.waitForLog(/\[worker\] \d+ queues on/, 60_000).catch(async (error) => {
    await worker.kill();
    throw new Error(`${(error as Error).message}\n${log.join("\n")}`);
  });
  return worker;
}

/** `npm run worker:health` (the compose health check) with `env`: its exit code and what it printed. */
export function workerHealth(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "workers/health.ts"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output: output.trim(), ms: Date.now() - started });
    });
  });
}

export type RedisProcess = { url: string; kill(): Promise<void>; start(): Promise<void> };

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" }, () => socket.write("PING\r\n"));
    socket.once("data", (d) => (socket.destroy(), resolve(d.toString().startsWith("+PONG"))));
    socket.once("error", () => resolve(false));
  });
}

/**
 * A redis-server of our own on `port`, its data in `dir`: append-only with fsync on every write (compose
 * runs Redis append-only too, with fsync every second), so a kill -9 and restart loses nothing.
 */
export async function privateRedis(port: number, dir: string): Promise<RedisProcess> {
  rmSync(dir, { recursive: true, force: true }); // a fresh server; only restarts keep its data
  mkdirSync(dir, { recursive: true });
  let child: ChildProcess | null = null;
  const redis: RedisProcess = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--maxmemory-policy", "noeviction"];
      if (await answers(port)) throw new Error(`Port ${port} already has a Redis this test did not start`);
      const started = spawn("redis-server", args, { stdio: "ignore" });
      child = started;
      await waitFor(`redis-server on port ${port}`, async () => {
        if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}`);
        return (await answers(port)) ? true : undefined;
      }, 15_000, 100);
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
  };
  await redis.start();
  return redis;
}
