// Language choice, the catalogues' completeness (also for the keys the code uses), and numbers and
// dates in both languages.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "@/lib/i18n/config";
import { ConsensusRuleKind } from "@/lib/generated/prisma/enums";
import { formatCompact, formatDate, formatDateTime, formatNumber, formatPercent, formatSignedPercent, formatYear } from "@/lib/i18n/format";

type Tree = { [key: string]: string | Tree };
const catalogue = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as Tree;

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
}

describe("language choice", () => {
  it("prefers the cookie, then Accept-Language by quality, then English", () => {
    expect(resolveLocale("zh", "en")).toBe("zh");
    expect(resolveLocale("fr", "fr;q=0.9, zh-TW;q=0.8, en;q=0.5")).toBe("zh");
    expect(resolveLocale(undefined, "en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(resolveLocale(null, "de, fr")).toBe("en");
    expect(resolveLocale(null, null)).toBe("en");
  });

  it("ignores ranges with quality 0 and keeps header order on equal quality", () => {
    expect(localeFromAcceptLanguage("zh;q=0, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("zh-CN, en")).toBe("zh");
    expect(localeFromAcceptLanguage("")).toBeNull();
  });
});

describe("catalogues", () => {
  const en = catalogue("en");
  const zh = catalogue("zh");

  it("have the same keys in English and Chinese", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it("use the same placeholders in both languages and leave no Chinese message empty or in English only", () => {
    const flat = (tree: Tree) => Object.fromEntries(keys(tree).map((k) => [k, k.split(".").reduce<Tree | string>((t, part) => (t as Tree)[part], tree) as string]));
    const e = flat(en);
    const z = flat(zh);
    for (const key of Object.keys(e)) {
      expect(placeholders(z[key]), key).toEqual(placeholders(e[key]));
      expect(z[key].trim(), key).not.toBe("");
    }
    const untranslated = Object.keys(e).filter((k) => z[k] === e[k] && /[a-z]{4,}/.test(e[k]) && !/^(?:\{|RCA|CSV|Excel|DOI|ECharts)/.test(e[k]));
    expect(untranslated).toEqual([]);
  });
});

/** Every .ts / .tsx file under the folders, with its text. */
function sources(...dirs: string[]): [string, string][] {
  return dirs.flatMap((dir) =>
    (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith("generated"))
      .map((f): [string, string] => [`${dir}/${f}`, readFileSync(`${dir}/${f}`, "utf8")]),
  );
}

/** The arguments of each call of `name(` in the text, up to its closing parenthesis. */
function callArguments(text: string, name: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(new RegExp(`\\b${name}\\(`, "g"))) {
    let depth = 1;
    let end = match.index + match[0].length;
    for (; end < text.length && depth > 0; end++) depth += text[end] === "(" ? 1 : text[end] === ")" ? -1 : 0;
    found.push(text.slice(match.index + match[0].length, end - 1));
  }
  return found;
}

const dotted = (args: string) => [...args.matchAll(/"([A-Za-z]+(?:\.[A-Za-z]+)+)"/g)].map((m) => m[1]);

describe("message keys the code uses", () => {
  const code = sources("lib", "app");
  const en = new Set(keys(catalogue("en")));
  const zh = new Set(keys(catalogue("zh")));

  it("exist in both catalogues: errors thrown, phrases, form messages and consensus rules", () => {
    const used = new Set<string>();
    for (const [, text] of code) {
      for (const helper of ["invalid", "conflict", "forbidden", "phrase", "keyedError", "keyedIssue", "formatError"]) {
        for (const args of callArguments(text, helper)) for (const key of dotted(args)) used.add(`errors.${key}`);
      }
      for (const args of callArguments(text, "notFound")) for (const m of args.matchAll(/^\s*"(\w+)"/g)) used.add(`errors.notFound.${m[1]}`);
      for (const args of callArguments(text, "formMessage")) for (const m of args.matchAll(/^\s*"(\w+)"/g)) used.add(`errors.form.${m[1]}`);
      for (const m of text.matchAll(/\bkey: "([A-Za-z]+(?:\.[A-Za-z]+)+)"/g)) used.add(`errors.${m[1]}`);
    }
    for (const kind of Object.values(ConsensusRuleKind)) used.add(`consensusRules.${kind}`);
    for (const status of ["open", "closed", "accepted", "rejected", "withdrawn", "acknowledged", "dismissed", "gone"]) used.add(`errors.status.${status}`);
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !en.has(k) || !zh.has(k))).toEqual([]);
  });

  it("leave no English message in the errors a web user meets in the Delphi, curation, expert, report, alert and auth code", () => {
    const english: string[] = [];
    for (const [file, text] of sources("lib/delphi", "lib/curation", "lib/experts", "lib/reports", "lib/alerts", "lib/auth")) {
      for (const helper of ["invalid", "conflict", "forbidden"]) {
        for (const args of callArguments(text, helper)) if (/^\s*[`"'][^`"']*\s/.test(args)) english.push(`${file}: ${helper}(${args})`);
      }
      for (const m of text.matchAll(/new AppError\(([^)]*)\)/g)) english.push(`${file}: new AppError(${m[1]})`);
    }
    expect(english).toEqual([]);
  });
});

describe("numbers and dates", () => {
  it("group digits and write decimals per locale", () => {
    expect(formatNumber("en", 1234.567, 1)).toBe("1,234.6");
    expect(formatNumber("zh", 1234.567, 1)).toBe("1,234.6");
    expect(formatNumber("en", null)).toBe("—");
    expect(formatNumber("en", Number.NaN)).toBe("—");
  });

  it("shorten counts in thousands in English and in myriads (万) in Chinese", () => {
    expect(formatCompact("en", 12_000)).toBe("12k");
    expect(formatCompact("zh", 12_000)).toBe("1.2万");
  });

  it("write shares and growth as percentages with a sign for growth", () => {
    expect(formatPercent("en", 0.256)).toBe("26%");
    expect(formatPercent("zh", 0.256, 1)).toBe("25.6%");
    expect(formatSignedPercent("en", 0.35)).toBe("+35%");
    expect(formatSignedPercent("zh", -0.04)).toBe("-4%");
    expect(formatSignedPercent("en", 0)).toBe("0%");
  });

  it("write dates in each language's own order, in UTC", () => {
    const date = new Date("2026-03-05T23:30:00Z");
    expect(formatDate("en", date)).toBe("5 Mar 2026");
    expect(formatDate("zh", date)).toBe("2026年3月5日");
    expect(formatDate("zh", "2026-03-05T23:30:00Z")).toBe("2026年3月5日");
    expect(formatDateTime("en", date)).toBe("5 Mar 2026, 23:30");
    expect(formatDate("en", "not a date")).toBe("—");
    expect(formatYear(2026)).toBe("2026");
  });
});
