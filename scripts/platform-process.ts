// Runs `npm start` (scripts/start.ts) as a child process, as a user would, for the e2e tests and the
// embedded-default smoke test: waits until it serves, reads the demo credentials it prints, stops it.
import { spawn, type ChildProcess } from "node:child_process";

export type DemoCredentials = Record<"ADMIN" | "EXPERT" | "PLANNER", { email: string; password: string }>;

export type RunningPlatform = {
  baseUrl: string;
  /** Demo accounts, when this start seeded them (first start only). */
  accounts: DemoCredentials | null;
  output: () => string;
  /** Ctrl-C, as a person would; resolves with the exit code. */
  stop(): Promise<number | null>;
};

export async function startPlatform(options: { env: NodeJS.ProcessEnv; port: number; timeoutMs?: number }): Promise<RunningPlatform> {
  const child: ChildProcess = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    env: { ...options.env, PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const baseUrl = `http://localhost:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 540_000);
  while (!/Foresight is running at/.test(output) || !(await answers(`${baseUrl}/api/health`))) {
    if (child.exitCode !== null) throw new Error(`npm start exited early (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`npm start did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const found = [...output.matchAll(/^\s+(ADMIN|EXPERT|PLANNER)\s+(\S+@\S+)\s+(\S+)$/gm)];
  const accounts = found.length === 3 ? (Object.fromEntries(found.map((m) => [m[1], { email: m[2], password: m[3] }])) as DemoCredentials) : null;
  return {
    baseUrl,
    accounts,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGINT");
      const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 30_000))]);
      if (code !== "timeout") return code;
      child.kill("SIGKILL");
      throw new Error(`npm start did not stop within 30 s of Ctrl-C:\n${output}`);
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
