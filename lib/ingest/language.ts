// Language of a record whose source does not say: the writing system first (decisive for Chinese,
// Japanese, Korean), then franc's trigram model for the rest.
import { franc } from "franc-min";

// franc answers in ISO 639-3; the record keeps ISO 639-1 where one exists.
const ISO_639_1: Record<string, string> = {
  eng: "en", cmn: "zh", spa: "es", por: "pt", rus: "ru", jpn: "ja", deu: "de", fra: "fr", ita: "it",
  kor: "ko", tur: "tr", vie: "vi", pol: "pl", ukr: "uk", nld: "nl", ind: "id", zlm: "ms", arb: "ar",
  pes: "fa", hin: "hi", ben: "bn", tha: "th", ron: "ro", hun: "hu", ces: "cs", ell: "el", swe: "sv",
};

// Below this many letters franc guesses (a 60-letter English patent title can come out French);
// a title alone is usually shorter, and then only the English function-word check can speak.
const MIN_LETTERS = 100;

// Words frequent in English and rare as words of other Latin-script languages. franc costs ~0.6 ms a
// record; most records are English, and this check settles them in microseconds.
// Words shared with other languages ("a", "in", "to", "an") count too: alone they stay well below the
// 10 % a text needs, while technical English, poor in "the" and "of", reaches it.
const ENGLISH_WORDS = new Set([
  "the", "of", "and", "with", "for", "is", "are", "this", "that", "we", "which", "from", "these", "by", "on",
  "a", "an", "in", "to", "as", "be", "it", "its", "has", "have", "was", "were", "can", "our", "such", "into", "than",
  "their", "but", "not", "or", "while", "also", "been", "they", "using",
]);

function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let hits = 0;
  for (const word of words) if (ENGLISH_WORDS.has(word)) hits++;
  return words.length >= 8 && hits / words.length >= 0.1 && /^[\p{Script=Latin}\p{N}\p{P}\p{Z}\p{S}]*$/u.test(text);
}

/**
 * ISO 639-1 code of the text's language, or null when the text is too short to tell.
 * @example detectLanguage("固态电池的界面稳定性研究") // => "zh"
 */
export function detectLanguage(text: string): string | null {
  if (/[\u3040-\u30ff]/u.test(text)) return "ja"; // kana: Japanese even when Han characters dominate
  if (/[\uac00-\ud7af]/u.test(text)) return "ko";
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han >= 4) return "zh";
  if (looksEnglish(text)) return "en";
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  const code = franc(text, { minLength: MIN_LETTERS });
  return code === "und" ? null : (ISO_639_1[code] ?? code);
}
