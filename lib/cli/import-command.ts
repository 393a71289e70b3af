import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { importFile } from "@/lib/ingest/import-file";
import { withDatabase } from "@/lib/cli/with-database";
import type { FormatId } from "@/lib/ingest/formats";

const ZOptions = z.object({
  file: z.string().min(1, "Give the file to import"),
  study: z.string().trim().min(1).max(200).default("Imported documents"),
  format: z.string().default("auto"),
});

/** `foresight import FILE [--study NAME] [--format auto]` — progress on stderr, the summary as JSON on stdout. */
export async function runImportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { study: { type: "string" }, format: { type: "string" } },
  });
  const parsed = ZOptions.safeParse({ file: positionals[0], study: values.study, format: values.format });
  if (!parsed.success) {
    console.error(parsed.error.issues[0]?.message ?? "Invalid arguments");
    return 2;
  }
  const { file, study, format } = parsed.data;
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  const summary = await withDatabase(() =>
    importFile({
      file,
      studyName: study,
      format: format as FormatId | "auto",
      onProgress: ({ records }) => process.stderr.write(`\r${records} records read…`),
    }),
  );
  process.stderr.write("\n");
  const { format: detected, records, imported, duplicates, errors } = summary;
  console.log(JSON.stringify({ format: detected, records, imported, duplicates, errors }, null, 2));
  return detected === null ? 1 : 0;
}
