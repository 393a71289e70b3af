// Tokens for topic models from English, Chinese or mixed text.
import { createRequire } from "node:module";
import type { Jieba } from "@node-rs/jieba";
import { singular } from "./singular";
import { chineseStopWords, englishStopWords } from "./stopwords";

export type TokeniseOptions = {
  /** Which scripts give tokens: "en" Latin words only, "zh" Han words only, "auto" (default) both. */
  language?: "en" | "zh" | "auto";
};

const MIN_ENGLISH_LENGTH = 3;
const MIN_CHINESE_LENGTH = 2;

/** A Latin word (letters first, then letters, digits, hyphens) or a run of Han characters. */
const runs = /[a-z][a-z0-9-]*|\p{Script=Han}+/gu;
const han = /^\p{Script=Han}/u;

let jieba: Jieba | undefined;

/** The segmenter, with its ~5 MB dictionary read on first use only (English-only runs never pay). */
function segmenter(): Jieba {
  if (!jieba) {
    // createRequire: the package has no "exports" map, so `@node-rs/jieba/dict` fails under Node ESM.
    const require = createRequire(import.meta.url);
    const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
    const { dict } = require("@node-rs/jieba/dict") as typeof import("@node-rs/jieba/dict");
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** NFKC, lower case, and Latin accents removed (café → cafe) so the word pattern sees whole words. */
function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC");
}

/** A Latin run as a token, or null: hyphenated compounds (lithium-ion) stay whole, edges trimmed. */
function englishToken(run: string): string | null {
  const word = singular(run.replace(/-+/g, "-").replace(/-$/, ""));
  if (word.length < MIN_ENGLISH_LENGTH) return null;
  if (englishStopWords.has(run) || englishStopWords.has(word)) return null;
  return word;
}

function chineseTokens(run: string): string[] {
  return segmenter()
    .cut(run, true)
    .filter((word) => word.length >= MIN_CHINESE_LENGTH && !chineseStopWords.has(word));
}

/**
 * Splits text into topic-model tokens: English words (stop words, numbers and words under three letters
 * dropped, plurals merged) and Chinese words segmented by jieba (stop words and single characters dropped).
 * @example tokenise("Solid-state batteries for electric vehicles") // => ["solid-state", "battery", "electric", "vehicle"]
 * @example tokenise("固态电池的能量密度") // => ["固态", "电池", "能量", "密度"]
 */
export function tokenise(text: string, options: TokeniseOptions = {}): string[] {
  const language = options.language ?? "auto";
  const tokens: string[] = [];
  for (const [run] of normalise(text).matchAll(runs)) {
    if (han.test(run)) {
      if (language !== "en") tokens.push(...chineseTokens(run));
    } else if (language !== "zh") {
      const token = englishToken(run);
      if (token) tokens.push(token);
    }
  }
  return tokens;
}
