// Source kinds and CLI names → connectors.
import { arxiv } from "./arxiv";
import { crossref } from "./crossref";
import { openalex } from "./openalex";
import { patentsview } from "./patentsview";
import { rss } from "./rss";
import { semanticScholar } from "./semantic-scholar";
import type { Connector, ConnectorId } from "./types";

export const CONNECTORS: Record<ConnectorId, Connector> = {
  openalex,
  arxiv,
  crossref,
  patentsview,
  "semantic-scholar": semanticScholar,
  rss,
};

/** The database's SourceKind for each connector. */
export const SOURCE_KINDS = {
  openalex: "OPENALEX",
  arxiv: "ARXIV",
  crossref: "CROSSREF",
  patentsview: "PATENTSVIEW",
  "semantic-scholar": "SEMANTIC_SCHOLAR",
  rss: "RSS",
} as const satisfies Record<ConnectorId, string>;

export type CollectableKind = (typeof SOURCE_KINDS)[ConnectorId];

export function isConnectorId(name: string): name is ConnectorId {
  return Object.hasOwn(CONNECTORS, name);
}

/** The connector that collects a source of this kind; null for FILE sources. */
export function connectorForKind(kind: string): Connector | null {
  const id = (Object.keys(SOURCE_KINDS) as ConnectorId[]).find((key) => SOURCE_KINDS[key] === kind);
  return id ? CONNECTORS[id] : null;
}
