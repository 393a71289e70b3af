// Expected failures in the reader's language: server actions (runAction) and route handlers (route)
// answer in Chinese when the request asks for it, and exactly as before in English.
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

// The language switch's cookie of the "current request", as next/headers would read it.
const request = vi.hoisted(() => ({ locale: null as string | null, outside: false }));
vi.mock("next/headers", () => {
  const guard = () => {
    if (request.outside) throw new Error("`cookies` was called outside a request scope");
  };
  return {
    cookies: async () => (guard(), { get: (name: string) => (name === "foresight_locale" && request.locale ? { value: request.locale } : undefined) }),
    headers: async () => (guard(), new Headers()),
  };
});

const { runAction } = await import("@/lib/action-result");
const { route } = await import("@/lib/http");
const { AppError, conflict, formMessage, invalid, notFound, phrase, statusPhrase } = await import("@/lib/errors");

const refuse = (error: unknown) => runAction(async () => {
  throw error;
});

afterEach(() => {
  request.locale = null;
  request.outside = false;
  vi.restoreAllMocks();
});

const ZStudyForm = z.object({
  name: z.string().trim().min(1, formMessage("studyName")).max(200),
  question: z.string().max(5),
  horizonYear: z.coerce.number().int().min(2000).max(2100),
  homeCountry: z.string().regex(/^[A-Z]{2}$/, formMessage("countryCode")),
  email: z.string().email(),
});

describe("runAction in Chinese", () => {
  it("translates a keyed AppError, its localised values and its status word", async () => {
    request.locale = "zh";
    expect(await refuse(notFound("round"))).toEqual({ ok: false, error: "找不到该轮次" });
    const label = { en: "Importance", zh: "重要程度" };
    expect(await refuse(invalid("answers.wholeNumber", { question: label, min: 1, max: 5 }))).toEqual({ ok: false, error: "请用 1 到 5 之间的整数回答“重要程度”" });
    expect(await refuse(invalid("answers.tickOne", { question: { en: "Constraints", zh: null } }))).toEqual({ ok: false, error: "请为“Constraints”至少勾选一项" });
    expect(await refuse(conflict("round.already", { status: statusPhrase("OPEN") }))).toEqual({ ok: false, error: "本轮已处于“进行中”状态" });
    const what = phrase("round.writes.comments");
    expect(await refuse(conflict("round.closedToExperts", { what }))).toEqual({ ok: false, error: "本轮已结束，不再接受评论" });
  });

  it("translates zod's messages: the form's own, then by issue code", async () => {
    request.locale = "zh";
    const parsed = ZStudyForm.safeParse({ name: " ", question: "too long", horizonYear: "2200", homeCountry: "China", email: "nobody" });
    const result = await refuse(parsed.error);
    expect(result).toEqual({
      ok: false,
      error: "请填写研究名称",
      fieldErrors: { name: "请填写研究名称", question: "最多只能输入 5 个字符", horizonYear: "请输入不大于 2100 的数", homeCountry: "请使用两个字母的国家代码", email: "请输入有效的电子邮件地址" },
    });
    const missing = ZStudyForm.safeParse({ name: "A", question: "", horizonYear: "soon", homeCountry: "CN" });
    expect(await refuse(missing.error)).toMatchObject({ fieldErrors: { horizonYear: "请输入数字", email: "此项为必填项" } });
    const early = ZStudyForm.safeParse({ name: "A", question: "", horizonYear: "1999.5", homeCountry: "CN", email: "a@b.cn" });
    expect(await refuse(early.error)).toMatchObject({ error: "请输入整数" });
    const year = ZStudyForm.safeParse({ name: "A", question: "", horizonYear: "1999", homeCountry: "CN", email: "a@b.cn" });
    expect(await refuse(year.error)).toMatchObject({ error: "请输入不小于 2000 的数" });
  });

  it("answers an unexpected failure with the generic message in Chinese", async () => {
    request.locale = "zh";
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await refuse(new Error("connection reset"))).toEqual({ ok: false, error: "服务器出了问题，请稍后再试" });
  });
});

describe("runAction in English", () => {
  it("returns the messages as thrown, keyed or not", async () => {
    request.locale = "en";
    expect(await refuse(notFound("round"))).toEqual({ ok: false, error: "Round not found" });
    expect(await refuse(conflict("round.already", { status: statusPhrase("CLOSED") }))).toEqual({ ok: false, error: "The round is already closed" });
    expect(await refuse(new AppError("invalid", "PatentsView needs a query"))).toEqual({ ok: false, error: "PatentsView needs a query" });
    const parsed = ZStudyForm.safeParse({ name: "", question: "", horizonYear: "2200", homeCountry: "CN", email: "a@b.cn" });
    expect(await refuse(parsed.error)).toEqual({ ok: false, error: "Give the study a name", fieldErrors: { name: "Give the study a name", horizonYear: "Too big: expected number to be <=2100" } });
  });

  it("falls back to English without a language or outside a request", async () => {
    expect(await refuse(notFound("study"))).toEqual({ ok: false, error: "Study not found" });
    request.locale = "zh";
    request.outside = true;
    expect(await refuse(notFound("study"))).toEqual({ ok: false, error: "Study not found" });
  });

  it("keeps an untranslated English message English in Chinese too", async () => {
    request.locale = "zh";
    expect(await refuse(invalid("PatentsView needs a query"))).toEqual({ ok: false, error: "PatentsView needs a query" });
  });
});

describe("the errors catalogue", () => {
  it("formats every message in both languages as written, every placeholder filled and nothing quoted away", async () => {
    const { formatError } = await import("@/lib/i18n/error-messages");
    const catalogues = { en: (await import("@/messages/en.json")).default.errors, zh: (await import("@/messages/zh.json")).default.errors };
    const leaves = (tree: object, prefix = ""): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const zh = new Map(leaves(catalogues.zh));
    let plain = 0;
    for (const [key, en] of leaves(catalogues.en)) {
      const values = Object.fromEntries([...en.matchAll(/\{(\w+)/g)].map((m) => [m[1], 7]));
      for (const [locale, text] of [["en", en], ["zh", zh.get(key) as string]] as const) {
        const message = formatError(locale, key as never, values);
        if (text.includes(", plural,")) expect(message, `${locale} ${key}`).toMatch(/^[^{}]*7[^{}]*$/);
        else expect(message, `${locale} ${key}`).toBe(text.replace(/\{\w+\}/g, "7")), plain++;
      }
    }
    expect(plain).toBeGreaterThan(250);
    expect(errors).not.toHaveBeenCalled();
  });
});

describe("route handlers", () => {
  const failing = route(async () => {
    throw invalid("imports.unknownFormat", { format: "docx" });
  });
  const call = (headers: Record<string, string>) => failing(new Request("http://localhost/api/x", { headers }), { params: Promise.resolve({}) });

  it("answer in the language of the switch's cookie, else of Accept-Language, else English", async () => {
    const zh = await call({ cookie: `theme=dark; ${LOCALE_COOKIE}=zh` });
    expect(zh.status).toBe(400);
    expect(await zh.json()).toEqual({ error: "未知格式“docx”", code: "invalid" });
    expect(await (await call({ "accept-language": "zh-CN,zh;q=0.9" })).json()).toEqual({ error: "未知格式“docx”", code: "invalid" });
    expect(await (await call({ cookie: `${LOCALE_COOKIE}=en`, "accept-language": "zh-CN" })).json()).toEqual({ error: 'Unknown format "docx"', code: "invalid" });
    expect(await (await call({})).json()).toEqual({ error: 'Unknown format "docx"', code: "invalid" });
  });
});
