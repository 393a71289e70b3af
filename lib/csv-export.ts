// CSV for downloads (RFC 4180), with spreadsheet formula injection neutralised (OWASP ASVS 1.2.10):
// a cell whose first non-blank character could start a formula is prefixed with an apostrophe.
const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r\0]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && text.split(/\r?\n/).some((line) => FORMULA_START.test(line))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
