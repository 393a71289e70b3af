// A killed CLI collection is continued at once only if its process is seen to have ended — including
// when it lingers as a zombie nobody reaps (PID 1 in many containers does not).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { processGone } from "@/lib/collect/collection-state";

const linux = process.platform === "linux";

describe("processGone", () => {
  it("is false for a running process and true once it has ended", async () => {
    expect(processGone(process.pid)).toBe(false);
    const child = spawn("sleep", ["30"]);
    expect(processGone(child.pid!)).toBe(false);
    child.kill("SIGKILL");
    await once(child, "exit");
    expect(processGone(child.pid!)).toBe(true);
  });

  it.skipIf(!linux)("is true for a zombie: a process that ended but was not reaped", async () => {
    // sh starts `true` in the background, prints its pid, then becomes `sleep`, which never reaps it.
    const parent = spawn("sh", ["-c", "true & echo $!; exec sleep 30"]);
    try {
      const [line] = (await once(parent.stdout!, "data")) as [Buffer];
      const zombie = Number(line.toString().trim());
      const deadline = Date.now() + 5_000;
      const state = () => readFileSync(`/proc/${zombie}/stat`, "latin1").split(") ")[1]?.[0];
      while (state() !== "Z" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(state()).toBe("Z");
      expect(() => process.kill(zombie, 0)).not.toThrow(); // signal 0 alone would call it alive
      expect(processGone(zombie)).toBe(true);
    } finally {
      parent.kill("SIGKILL");
    }
  });
});
