// What one exported cell holds, and how it is made safe for a spreadsheet. CSV cells go through
// lib/csv-export.ts; .xlsx cells apply the same rule here (tests/integration/exports.test.ts checks
// that both agree): text whose first non-blank character could start a formula (= + - @, tab, CR,
// NUL) gets an apostrophe in front (OWASP ASVS 1.2.10), on any of its lines.
export type CellValue = string | number | boolean | Date | null;

const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r\0]/;
/** Excel's limit on the characters of one cell. */
export const XLSX_CELL_MAX = 32_767;

/**
 * Text as an .xlsx cell may hold it: formula starts neutralised, cut to Excel's cell limit.
 * @example safeText("=HYPERLINK(\"http://x\")") // => "'=HYPERLINK(\"http://x\")"
 */
export function safeText(text: string): string {
  const safe = text.split(/\r?\n/).some((line) => FORMULA_START.test(line)) ? `'${text}` : text;
  return safe.length > XLSX_CELL_MAX ? `${safe.slice(0, XLSX_CELL_MAX - 1)}…` : safe;
}

/** An .xlsx cell value: numbers, booleans and dates as themselves, text made safe, nothing as empty. */
export function xlsxValue(value: CellValue): string | number | boolean | Date | null {
  if (value === null) return null;
  if (typeof value === "string") return safeText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return value;
}

/** A list in one cell, "; "-separated as bibliographic exports write them. */
export const listCell = (values: readonly string[] | null | undefined): string => (values ?? []).join("; ");
