// The environment's view of each connector: base URL, key and contact (lib/env.ts reads them).
import { env } from "@/lib/env";
import type { ConnectorId, ConnectorSettings } from "./types";

export function connectorSettings(id: ConnectorId): ConnectorSettings {
  const e = env();
  const contactEmail = e.CONTACT_EMAIL;
  const privateHostsAllowed = e.CONNECTOR_ALLOWED_PRIVATE_HOSTS;
  switch (id) {
    case "openalex":
      return { baseUrl: e.OPENALEX_BASE_URL, apiKey: e.OPENALEX_API_KEY, contactEmail };
    case "arxiv":
      return { baseUrl: e.ARXIV_BASE_URL, contactEmail };
    case "crossref":
      return { baseUrl: e.CROSSREF_BASE_URL, contactEmail };
    case "patentsview":
      return { baseUrl: e.PATENTSVIEW_BASE_URL, apiKey: e.PATENTSVIEW_API_KEY, contactEmail };
    case "semantic-scholar":
      return { baseUrl: e.SEMANTIC_SCHOLAR_BASE_URL, apiKey: e.SEMANTIC_SCHOLAR_API_KEY, contactEmail };
    case "rss":
      return { baseUrl: "", contactEmail, privateHostsAllowed };
  }
}
