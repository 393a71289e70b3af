// The one record shape every importer produces, whatever the source format.

export type DocumentKind = "PAPER" | "CONFERENCE_PAPER" | "PATENT" | "PROJECT" | "NEWS" | "POLICY" | "OTHER";
/** The kinds a user may give the records of a CSV / JSON Lines file that do not state one. */
export const DEFAULT_KINDS = ["PAPER", "CONFERENCE_PAPER", "PATENT", "PROJECT", "NEWS", "POLICY", "OTHER"] as const satisfies readonly DocumentKind[];

export type Author = { full: string; family?: string; given?: string };

import type { Sector } from "./sector";

/** `sector` is inferred from the institution name when it tells (see sector.ts). */
export type Affiliation = { raw: string; institution?: string; country?: string; sector?: Sector };

export type NormalisedRecord = {
  kind: DocumentKind;
  title: string;
  abstract: string;
  language: string | null;
  publishedOn: string | null; // ISO yyyy-mm-dd when a full date is known
  year: number | null;
  authors: Author[];
  affiliations: Affiliation[];
  countries: string[]; // ISO 3166-1 alpha-2
  keywords: string[];
  classifications: string[];
  assignees: string[];
  venue: string | null;
  citationCount: number | null;
  doi: string | null;
  patentNumber: string | null;
  arxivId: string | null;
  pmid: string | null;
  externalId: string | null; // the source's own id when it has one
  raw: Record<string, unknown>; // the source record as parsed (tags/columns → values), for provenance
};

export type ReadResult =
  | { ok: true; position: number; line?: number; record: NormalisedRecord }
  | { ok: false; position: number; line?: number; message: string };
