// Content-based format detection over the registry.
import { FORMATS, type FormatId } from "./formats";

export type { FormatId };

/** The first registered format that recognises `head`, or null. */
export function detectFormat(head: string): FormatId | null {
  return FORMATS.find((format) => format.detect(head))?.id ?? null;
}

/** "RIS or CSV": what the registry can read, for error messages. */
export function knownFormatLabels(): string {
  const labels = FORMATS.map((format) => format.label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}` : (labels[0] ?? "");
}
