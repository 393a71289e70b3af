// What the indicators need to know about one document, read once from the stored record.
import { z } from "zod";
import { inferSector, type Sector } from "@/lib/ingest/sector";

export type { Sector };

export type IndicatorDocument = {
  id: string;
  year: number | null;
  /** DocumentKind: PAPER, CONFERENCE_PAPER, PATENT, PROJECT, NEWS, POLICY, OTHER. */
  kind: string;
  /** Distinct ISO 3166-1 alpha-2 codes. */
  countries: readonly string[];
  /** Distinct organisations: affiliation institutions and patent assignees, lower-cased. */
  institutions: readonly string[];
  /** Distinct sectors of those organisations; organisations whose sector nothing tells are left out. */
  sectors: readonly Sector[];
  /** The outlet: journal, conference or news venue, else the patent office; null when unknown. */
  source: string | null;
};

/** A document with its weight in one theme (θ_dt, the theme's share of the document). */
export type Member = { document: IndicatorDocument; weight: number };

/** The columns of `document` that `toIndicatorDocument` reads. */
export type DocumentRow = {
  id: string;
  year: number | null;
  kind: string;
  countries: string[];
  affiliations: unknown;
  assignees: string[];
  venue: string | null;
  patentNumber: string | null;
};

const SECTORS = ["academia", "industry", "government", "other"] as const;

// Stored affiliations are JSON written by the importers; older rows have no sector, odd rows are skipped.
const ZAffiliation = z
  .object({ raw: z.string().optional(), institution: z.string().optional(), sector: z.string().optional() })
  .loose();

function affiliationsOf(value: unknown): z.infer<typeof ZAffiliation>[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = ZAffiliation.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const clean = (name: string) => name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

function sectorOf(name: string, stated?: string): Sector | null {
  const given = stated?.toLowerCase();
  if (given && (SECTORS as readonly string[]).includes(given)) return given as Sector;
  return name ? inferSector(name) : null;
}

/** "CN110000123A" → "patent office CN": the issuing office, from the prefix of a publication number. */
function patentOffice(patentNumber: string | null): string | null {
  const match = patentNumber?.trim().toUpperCase().match(/^([A-Z]{2})\d/);
  return match ? `patent office ${match[1]}` : null;
}

/**
 * Reads what the indicators use from a stored document. A sector stated on an affiliation wins;
 * otherwise it is inferred from the institution name (lib/ingest/sector), and assignees are
 * organisations too.
 */
export function toIndicatorDocument(row: DocumentRow): IndicatorDocument {
  const affiliations = affiliationsOf(row.affiliations);
  const institutions = new Set<string>();
  const sectors = new Set<Sector>();
  for (const a of affiliations) {
    const name = a.institution ?? a.raw ?? "";
    if (name.trim()) institutions.add(clean(name));
    const sector = sectorOf(name, a.sector) ?? (a.raw && a.raw !== name ? sectorOf(a.raw) : null);
    if (sector) sectors.add(sector);
  }
  for (const assignee of row.assignees) {
    if (!assignee.trim()) continue;
    institutions.add(clean(assignee));
    const sector = sectorOf(assignee);
    if (sector) sectors.add(sector);
  }
  const venue = row.venue?.trim() ? clean(row.venue) : null;
  return {
    id: row.id,
    year: row.year,
    kind: row.kind,
    countries: [...new Set(row.countries.map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)))],
    institutions: [...institutions],
    sectors: [...sectors],
    source: venue ?? patentOffice(row.patentNumber),
  };
}
