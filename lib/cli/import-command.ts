import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { importFile } from "@/lib/ingest/import-file";
import { withDatabase } from "@/lib/cli/with-database";
import { ZCsvMapping } from "@/lib/ingest/csv-mapping";
import { FORMATS, getFormat, type FormatId } from "@/lib/ingest/formats";
import { DEFAULT_KINDS } from "@/lib/ingest/record";

const ZOptions = z.object({
  file: z.string().min(1, "Give the file to import"),
  study: z.string().trim().min(1).max(200).default("Imported documents"),
  format: z
    .string()
    .default("auto")
    .refine((id) => id === "auto" || getFormat(id) !== null, {
      error: (issue) => `Unknown format "${String(issue.input)}"; known: auto, ${FORMATS.map((f) => f.id).join(", ")}`,
    }),
  mapping: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      try {
        const parsed = ZCsvMapping.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: "custom", message: `--mapping: ${parsed.error.issues[0]?.message ?? "invalid"}` });
      } catch {
        ctx.addIssue({ code: "custom", message: "--mapping must be JSON, e.g. '{\"title\": \"Headline\"}'" });
      }
      return z.NEVER;
    }),
  kind: z
    .string()
    .transform((k) => k.toUpperCase().replace(/[\s-]+/g, "_"))
    .pipe(z.enum(DEFAULT_KINDS, { error: `--kind: one of ${DEFAULT_KINDS.map((k) => k.toLowerCase()).join(", ")}` }))
    .optional(),
});

/** `foresight import FILE [--study NAME] [--format auto|ID] [--mapping JSON] [--kind KIND]` — progress on stderr, the summary as JSON on stdout. */
export async function runImportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { study: { type: "string" }, format: { type: "string" }, mapping: { type: "string" }, kind: { type: "string" } },
  });
  const parsed = ZOptions.safeParse({ file: positionals[0], study: values.study, format: values.format, mapping: values.mapping, kind: values.kind });
  if (!parsed.success) {
    console.error(parsed.error.issues[0]?.message ?? "Invalid arguments");
    return 2;
  }
  const { file, study, format, mapping, kind } = parsed.data;
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  const summary = await withDatabase(() =>
    importFile({
      file,
      studyName: study,
      format: format as FormatId | "auto",
      mapping,
      defaultKind: kind,
      onProgress: (p) => process.stderr.write(`\r${p.records} read, ${p.stored} stored, ${p.merged} merged, ${p.rejected} rejected…`),
    }),
  );
  process.stderr.write("\n");
  const { format: detected, records, imported, duplicates, errors } = summary;
  console.log(JSON.stringify({ format: detected, records, imported, duplicates, errors }, null, 2));
  return detected === null ? 1 : 0;
}
