import { describe, expect, it } from "vitest";
import { serverSettings } from "@/lib/db/embedded";

const GiB = 2 ** 30;
const setting = (flags: string[], name: string) => flags.find((flag) => flag.startsWith(`${name}=`))?.split("=")[1];

describe("serverSettings", () => {
  it("gives the embedded server an eighth of the memory for shared buffers, between 128 MB and 1 GB", () => {
    expect(setting(serverSettings(0.5 * GiB), "shared_buffers")).toBe("128MB");
    expect(setting(serverSettings(4 * GiB), "shared_buffers")).toBe("512MB");
    expect(setting(serverSettings(24 * GiB), "shared_buffers")).toBe("1024MB");
  });

  it("passes every setting as a -c flag", () => {
    const flags = serverSettings(8 * GiB);
    expect(flags.length % 2).toBe(0);
    for (let i = 0; i < flags.length; i += 2) {
      expect(flags[i]).toBe("-c");
      expect(flags[i + 1]).toMatch(/^[a-z_]+=\S+$/);
    }
  });
});
