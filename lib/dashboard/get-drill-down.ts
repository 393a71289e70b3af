// The documents behind a point of a chart: a study's documents filtered by theme, year, country and
// kind, a page at a time. With a theme, each document shows its weight in it and the sum of the
// weights on all pages is the volume the charts plot.
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export const PAGE_SIZE = 25;
const KINDS = ["PAPER", "CONFERENCE_PAPER", "PATENT", "PROJECT", "NEWS", "POLICY", "OTHER"] as const;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** The query string of the documents page; anything unreadable is refused, not guessed. */
export const ZDrillDownQuery = z.object({
  theme: optional(z.string().regex(/^[\w-]{1,64}$/, "Not a theme id")),
  year: optional(z.coerce.number().int().min(1000).max(3000)),
  country: optional(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Use a two-letter country code")),
  kind: optional(z.enum(KINDS)),
  page: optional(z.coerce.number().int().min(1).max(100_000)).transform((p) => p ?? 1),
});
export type DrillDownQuery = z.output<typeof ZDrillDownQuery>;

/** Reads the first value of each parameter (Next gives string | string[] | undefined). */
export function parseDrillDownQuery(params: Record<string, string | string[] | undefined>) {
  const first = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return ZDrillDownQuery.safeParse(first);
}

export async function getDrillDown(studyId: string, query: DrillDownQuery) {
  const theme = query.theme
    ? await db().theme.findFirst({ where: { id: query.theme, themeSet: { studyId } }, select: { id: true, label: true, labelZh: true, themeSet: { select: { version: true } } } })
    : null;
  if (query.theme && !theme) throw notFound("theme");
  const where: Prisma.DocumentWhereInput = {
    studyId,
    ...(query.year !== undefined ? { year: query.year } : {}),
    ...(query.country ? { countries: { has: query.country } } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
  };
  const skip = (query.page - 1) * PAGE_SIZE;
  const select = { id: true, title: true, year: true, kind: true, countries: true, venue: true, doi: true, patentNumber: true } as const;

  if (theme) {
    const memberWhere: Prisma.DocumentThemeWhereInput = { themeId: theme.id, document: where };
    const [total, sum, members] = await Promise.all([
      db().documentTheme.count({ where: memberWhere }),
      db().documentTheme.aggregate({ where: memberWhere, _sum: { weight: true } }),
      db().documentTheme.findMany({ where: memberWhere, orderBy: [{ weight: "desc" }, { documentId: "asc" }], skip, take: PAGE_SIZE, select: { weight: true, document: { select } } }),
    ]);
    return { theme, total, volume: sum._sum.weight ?? 0, pageSize: PAGE_SIZE, page: query.page, documents: members.map((m) => ({ ...m.document, weight: m.weight })) };
  }
  const [total, documents] = await Promise.all([
    db().document.count({ where }),
    db().document.findMany({ where, orderBy: [{ year: { sort: "desc", nulls: "last" } }, { id: "asc" }], skip, take: PAGE_SIZE, select }),
  ]);
  return { theme: null, total, volume: null, pageSize: PAGE_SIZE, page: query.page, documents: documents.map((d) => ({ ...d, weight: null })) };
}

export type DrillDown = Awaited<ReturnType<typeof getDrillDown>>;
