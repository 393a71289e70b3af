#!/usr/bin/env node
// `npx foresight …`: runs the TypeScript command line through tsx.
//
// import and collect stream their input and hold at most two batches, so their heap is capped:
// without a cap V8 lets garbage grow with the input (a million-record import reached ~620 MB of RSS;
// capped, it stays near 350 MB). They also collect garbage on the thread that made it: the import's
// reading thread and PostgreSQL already keep the cores busy, and V8's helper threads only competed
// with them (about a tenth less CPU per record without them). V8 takes these flags only at start, so
// such commands run this file again in a child process with them; the child lives and dies with this process.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const STREAMING_COMMANDS = new Set(["import", "collect"]);
const FLAGS = ["--max-old-space-size=256", "--single-threaded-gc"];

const command = process.argv[2];
const capped = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((flag) => flag.includes("--max-old-space-size"));

if (STREAMING_COMMANDS.has(command) && !capped) {
  const child = spawn(process.execPath, [...process.execArgv, ...FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
  });
  // Signals sent to this process alone (not to the terminal's process group) reach the child too.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
} else {
  if (process.send) {
    // Started by the parent above: if it is killed outright, stop at once as it did.
    process.on("disconnect", () => process.kill(process.pid, "SIGKILL"));
    process.channel?.unref();
  }
  const { register } = await import("tsx/esm/api");
  register();
  await import("../lib/cli/main.ts");
}
