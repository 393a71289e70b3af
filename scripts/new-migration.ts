// `npm run db:new-migration -- NAME [--from GIT_REV]`: writes prisma/migrations/<timestamp>_NAME/migration.sql
// with the SQL that takes the schema at GIT_REV (default HEAD) to the working prisma/schema.prisma.
// Uses Prisma's schema engine compiled to WebAssembly, which works offline (the CLI's native engine is
// a download). Nothing in the database is read or changed.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { resolveDatabase } from "@/lib/db/resolve";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { from: { type: "string", default: "HEAD" } } });
const name = positionals[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- NAME (lowercase letters, digits and _) [--from GIT_REV]");
  process.exit(2);
}
const before = execFileSync("git", ["show", `${values.from}:prisma/schema.prisma`], { encoding: "utf8" });
const after = readFileSync("prisma/schema.prisma", "utf8");

const require = createRequire(import.meta.url);
const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
const wasm = readFileSync(path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm"));
const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), { "./schema_engine_bg.js": runtime as never });
(runtime as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(instance.exports);
(instance.exports as { __wbindgen_start(): void }).__wbindgen_start();

// The engine insists on a connected adapter, though diffing two schema files reads nothing from it.
const database = await resolveDatabase((line) => console.error(line));
const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: database.url }));
const engine = await runtime.SchemaEngine.new({ datamodels: [["schema.prisma", after]] }, () => {}, adapter);
const { stdout } = await engine.diff({
  from: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: before }] },
  to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: after }] },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
} as never);
if (!stdout || /^-- This is an empty migration/m.test(stdout)) {
  console.error("schema.prisma has not changed since " + values.from);
  await database.stop();
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), stdout);
console.log(`wrote ${path.join(dir, "migration.sql")}`);
await database.stop();
process.exit(0);
