// schema.prisma and the database our migrations build must agree: every model, field, type,
// nullability, default-free shape, index, foreign key and enum. Prisma's own migrate cannot run here,
// so this test is what keeps the hand-applied SQL honest.
import { readFileSync } from "node:fs";
import internals from "@prisma/internals";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

type DmmfField = { name: string; dbName?: string | null; kind: string; type: string; isRequired: boolean; isList: boolean; nativeType?: [string, string[]] | null; relationFromFields?: string[] };
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type Dmmf = {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; values: { name: string }[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] }[];
  };
};

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Bytes: "bytea",
};

let dmmf: Dmmf;
let columns: Map<string, { udt: string; nullable: boolean }>;
let tables: Set<string>;

const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const columnOf = (f: DmmfField) => f.dbName ?? f.name;

beforeAll(async () => {
  dmmf = (await internals.getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") })) as unknown as Dmmf;
  const rows = await db().$queryRaw<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }[]>`
    SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`;
  columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, { udt: r.udt_name, nullable: r.is_nullable === "YES" }]));
  tables = new Set(rows.map((r) => r.table_name));
});

describe("the migrated database", () => {
  it("has exactly the tables of the schema's models (plus the migrations ledger)", () => {
    const expected = new Set(dmmf.datamodel.models.map(tableOf));
    expect([...tables].filter((t) => t !== "_prisma_migrations").sort()).toEqual([...expected].sort());
  });

  it("has every scalar and enum field as a column of the right type and nullability, and no others", () => {
    const problems: string[] = [];
    const expected = new Set<string>();
    for (const model of dmmf.datamodel.models) {
      for (const field of model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum")) {
        const key = `${tableOf(model)}.${columnOf(field)}`;
        expected.add(key);
        const column = columns.get(key);
        if (!column) {
          problems.push(`${key} is missing`);
          continue;
        }
        const base = field.kind === "enum" ? field.type : field.nativeType?.[0] === "Date" ? "date" : SCALAR_TYPES[field.type];
        const udt = field.isList ? `_${base}` : base;
        if (column.udt !== udt) problems.push(`${key} is ${column.udt}, schema says ${udt}`);
        // Prisma maps scalar lists to nullable array columns.
        const nullable = field.isList ? true : !field.isRequired;
        if (column.nullable !== nullable) problems.push(`${key} nullable=${column.nullable}, schema says ${nullable}`);
      }
    }
    for (const key of columns.keys()) if (!key.startsWith("_prisma_migrations.") && !expected.has(key)) problems.push(`${key} is not in the schema`);
    expect(problems).toEqual([]);
  });

  it("has the schema's enums with the same values in the same order", async () => {
    const rows = await db().$queryRaw<{ name: string; labels: string[] }[]>`
      SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`;
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.labels]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it("has every primary key, unique constraint and index of the schema, and no others", async () => {
    const rows = await db().$queryRaw<{ table: string; columns: string[]; unique: boolean; primary: boolean }[]>`
      SELECT c.relname::text AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class c ON c.oid = ix.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'
      GROUP BY ix.indexrelid, c.relname, ix.indisunique, ix.indisprimary`;
    const actual = rows.map((r) => `${r.table}(${r.columns.join(",")}) ${r.primary ? "id" : r.unique ? "unique" : "normal"}`).sort();
    const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
    const expected = dmmf.datamodel.indexes
      .map((ix) => {
        const model = models.get(ix.model)!;
        const cols = ix.fields.map((f) => columnOf(model.fields.find((x) => x.name === f.name)!));
        return `${tableOf(model)}(${cols.join(",")}) ${ix.type}`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it("has a foreign key for every relation the schema declares", async () => {
    const rows = await db().$queryRaw<{ table: string; columns: string[] }[]>`
      SELECT c.relname::text AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
      JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE con.contype = 'f' AND c.relnamespace = 'public'::regnamespace
      GROUP BY con.oid, c.relname`;
    const actual = rows.map((r) => `${r.table}(${r.columns.join(",")})`).sort();
    const expected = dmmf.datamodel.models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0)
          .map((f) => `${tableOf(m)}(${f.relationFromFields!.map((name) => columnOf(m.fields.find((x) => x.name === name)!)).join(",")})`),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
