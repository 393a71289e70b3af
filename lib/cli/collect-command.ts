import { parseArgs } from "node:util";
import { z } from "zod";
import { collectSource } from "@/lib/collect/collect-source";
import { ConnectorError } from "@/lib/connectors/connector-error";
import { CONNECTORS, isConnectorId } from "@/lib/connectors/registry";
import { withDatabase } from "@/lib/cli/with-database";
import { closeQueues } from "@/lib/jobs/queues";
import { AppError } from "@/lib/errors";

const ZOptions = z.object({
  source: z.string().refine(isConnectorId, { message: `SOURCE must be one of ${Object.keys(CONNECTORS).join(", ")}` }),
  query: z.string().trim().default(""),
  study: z.string().trim().min(1).max(200).default("Collected documents"),
  limit: z.coerce.number().int().min(1, "--limit must be a positive whole number").optional(),
  config: z
    .string()
    .transform((text, ctx) => {
      try {
        const value: unknown = JSON.parse(text);
        if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: "--config must be a JSON object" });
      return z.NEVER;
    })
    .optional(),
  schedule: z.string().trim().optional(),
});

/**
 * `foresight collect SOURCE --query Q --study NAME [--limit N] [--config JSON] [--schedule CRON | --no-schedule]`
 * — progress lines on stderr, the summary as JSON on stdout. Ctrl-C stops after the current page; the
 * next run of the same command continues from there.
 */
export async function runCollectCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { query: { type: "string" }, study: { type: "string" }, limit: { type: "string" }, config: { type: "string" }, schedule: { type: "string" }, "no-schedule": { type: "boolean" } },
  });
  const parsed = ZOptions.safeParse({ source: positionals[0] ?? "", query: values.query, study: values.study, limit: values.limit, config: values.config, schedule: values.schedule });
  if (!parsed.success) {
    console.error(parsed.error.issues[0]?.message ?? "Invalid arguments");
    return 2;
  }
  const { source, query, study, limit, config } = parsed.data;
  const schedule = values["no-schedule"] ? null : parsed.data.schedule;
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130);
    process.stderr.write("Stopping after the current page (Ctrl-C again to quit at once)…\n");
    stop.abort(new Error("interrupted"));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const summary = await withDatabase(async () => {
      try {
        return await collectSource({
          connector: source as keyof typeof CONNECTORS,
          query,
          studyName: study,
          limit,
          config,
          schedule,
          signal: stop.signal,
          log: (line) => process.stderr.write(`${line}\n`),
          onProgress: ({ page, records, total }) => process.stderr.write(`page ${page}: ${records} records read${total === null ? "" : ` (${total} found)`}\n`),
        });
      } finally {
        await closeQueues(); // --schedule opened one; it must close before the database does
      }
    });
    const { importId: _i, studyId: _s, sourceId: _so, ...shown } = summary;
    console.log(JSON.stringify({ ...shown, study }, null, 2));
    return summary.outcome === "interrupted" ? 130 : 0;
  } catch (error) {
    if (error instanceof AppError || error instanceof ConnectorError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
