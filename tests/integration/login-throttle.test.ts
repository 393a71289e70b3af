// Login throttling: failures lock the account for the window, whatever the password, across servers.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { authorizePassword } from "@/lib/auth/options";
import { LOGIN_WINDOW_MS, MAX_ACCOUNT_FAILURES, MAX_ADDRESS_FAILURES, THROTTLED, loginRefusal } from "@/lib/auth/login-throttle";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { createUser, resetDatabase } from "./helpers";

beforeEach(resetDatabase);
afterAll(disconnectDb);

describe("login throttling", () => {
  it("has its refusals in the sign-in form's catalogue: the same words in English, Chinese ones in Chinese", () => {
    expect([en.login.throttledNetwork, en.login.throttledAccount]).toEqual([THROTTLED.network, THROTTLED.account]);
    expect([zh.login.throttledNetwork, zh.login.throttledAccount].every((text) => /登录失败次数过多/.test(text))).toBe(true);
    // The form tells the two apart by these words and by the shared start.
    expect(THROTTLED.network.startsWith("Too many") && THROTTLED.network.includes("this network")).toBe(true);
    expect(THROTTLED.account.startsWith("Too many") && !THROTTLED.account.includes("this network")).toBe(true);
  });


  it(`refuses even the right password after ${MAX_ACCOUNT_FAILURES} failures, with a message that says why`, async () => {
    const user = await createUser({ email: "Pat@Example.test" });
    for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++) expect(await authorizePassword({ email: user.email, password: "wrong guess" })).toBeNull();
    await expect(authorizePassword({ email: user.email, password: user.password })).rejects.toThrow(/^Too many failed sign-ins for this account/);
    // Other accounts are unaffected.
    const other = await createUser();
    expect(await authorizePassword({ email: other.email, password: other.password })).toMatchObject({ id: other.id });
  });

  it("lets the account in again once the window has passed", async () => {
    const user = await createUser();
    for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++) await authorizePassword({ email: user.email, password: "nope" });
    expect(await loginRefusal(user.email, null)).toMatch(/Too many/);
    expect(await loginRefusal(user.email, null, Date.now() + LOGIN_WINDOW_MS + 1000)).toBeNull();
  });

  it("counts failures for unknown accounts too, and logs neither the address typed nor the password", async () => {
    for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++) await authorizePassword({ email: "nobody@example.test", password: "secret-guess-123" });
    expect(await loginRefusal("NOBODY@example.test", null)).toMatch(/Too many/);
    const rows = await db().auditLog.findMany({ where: { action: "user.login_failed" } });
    expect(rows).toHaveLength(MAX_ACCOUNT_FAILURES);
    expect(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(/nobody|secret-guess/);
  });

  it(`slows an address that fails ${MAX_ADDRESS_FAILURES} times across accounts`, async () => {
    const headers = { "x-forwarded-for": "203.0.113.9, 10.0.0.1" };
    for (let i = 0; i < MAX_ADDRESS_FAILURES; i++) await authorizePassword({ email: `user${i}@example.test`, password: "x" }, headers);
    const user = await createUser();
    await expect(authorizePassword({ email: user.email, password: user.password }, headers)).rejects.toThrow(/from this network/);
    expect(await authorizePassword({ email: user.email, password: user.password }, { "x-forwarded-for": "198.51.100.7" })).toMatchObject({ id: user.id });
  });
});
