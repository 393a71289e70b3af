// The only reader of process.env. No variables at all is valid: that is the embedded default.
import { z } from "zod";

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  FORESIGHT_DATA_DIR: z.string().default(".data"),
  FORESIGHT_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Concurrency of each queue in one worker process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** How long a job waits for an unreachable PostgreSQL before it counts as a failed attempt (lib/jobs/outage.ts). */
  DATABASE_OUTAGE_WAIT_SECONDS: z.coerce.number().int().min(0).default(900),
  /** A scan of a study with more documents trains on a stratified sample of this many, then infers the rest in slices. */
  SCAN_SAMPLE_THRESHOLD: z.coerce.number().int().min(10).default(50_000),
  /** Documents per inference slice ("analysis.infer" job) of a sampled scan. */
  SCAN_SLICE_DOCUMENTS: z.coerce.number().int().min(1).default(5_000),
  /** Largest accepted upload, in megabytes. */
  UPLOAD_LIMIT_MB: z.coerce.number().positive().default(200),
  /** Largest size a gzip or zip upload may inflate to, in megabytes (lib/ingest/decompress.ts). */
  DECOMPRESSED_LIMIT_MB: z.coerce.number().positive().default(2048),
  /** Largest inflated-to-compressed ratio past the first 16 MB; real exports stay far below it, bombs far above. */
  DECOMPRESSION_MAX_RATIO: z.coerce.number().min(2).default(100),
  /** Namespace of the queues' Redis keys, so deployments (or test runs) can share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[\w.-]{1,64}$/, "QUEUE_PREFIX may hold letters, digits, _ . - only").default("bull"),
  // Public-API connectors (lib/connectors): where each API lives, and the keys some of them take.
  OPENALEX_BASE_URL: z.string().url().default("https://api.openalex.org"),
  ARXIV_BASE_URL: z.string().url().default("https://export.arxiv.org/api"),
  CROSSREF_BASE_URL: z.string().url().default("https://api.crossref.org"),
  PATENTSVIEW_BASE_URL: z.string().url().default("https://search.patentsview.org/api/v1"),
  SEMANTIC_SCHOLAR_BASE_URL: z.string().url().default("https://api.semanticscholar.org/graph/v1"),
  OPENALEX_API_KEY: z.string().min(1).optional(),
  PATENTSVIEW_API_KEY: z.string().min(1).optional(),
  SEMANTIC_SCHOLAR_API_KEY: z.string().min(1).optional(),
  /** Sent to OpenAlex and Crossref as `mailto` (their polite pools) and in the User-Agent. */
  CONTACT_EMAIL: z.string().email().optional(),
  /** Comma-separated hosts a feed URL may name although they resolve to private addresses. */
  CONNECTOR_ALLOWED_PRIVATE_HOSTS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((host) => host.trim().toLowerCase()).filter(Boolean)),
  /** smtp://user:pass@host:port or smtps://…; without it e-mail waits in the admin outbox (lib/mail). */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Foresight <foresight@localhost>"),
  /** Invited experts who have not submitted are reminded this many hours before a round's deadline. */
  REMINDER_LEAD_HOURS: z.coerce.number().positive().max(24 * 60).default(48),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** The database URL, which the launcher (or the CLI, or the tests) sets for the embedded default. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Start the platform with `npm start`, which provides one.");
  return url;
}

/** Forget the parsed environment (the launcher and tests set variables after the first read). */
export function resetEnv(): void {
  cached = undefined;
}
