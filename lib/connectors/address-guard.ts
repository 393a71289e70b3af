// Which hosts a connector may reach. API connectors talk only to their configured base URL's host;
// a URL a user typed (an RSS feed) may name any public host, but never one that resolves to
// loopback, private, link-local or cloud-metadata addresses — unless configuration names that host.
// The check runs inside the socket's DNS lookup, so the address checked is the address connected to.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { AppError } from "@/lib/errors";

export type LookupFunction = (
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

export type HostPolicy = {
  /** Hostnames requests may go to; undefined means any host that passes the address check. */
  allowedHosts?: readonly string[];
  /** Refuse hosts resolving to non-public addresses (for user-supplied URLs). */
  publicOnly: boolean;
  /** Hostnames exempt from the public-address check (configuration, e.g. 127.0.0.1 in tests). */
  privateHostsAllowed?: readonly string[];
  /** DNS resolver; injectable so tests need no DNS. */
  lookup?: LookupFunction;
};

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) BLOCKED.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["2001:db8::", 32], ["64:ff9b::", 96], ["100::", 64],
] as const) BLOCKED.addSubnet(network, prefix, "ipv6");

/** True for loopback, private, link-local (incl. 169.254.169.254 metadata), CGNAT, multicast and reserved addresses. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  return BLOCKED.check(address, family === 4 ? "ipv4" : "ipv6");
}

const refused = (message: string) => new AppError("invalid", message);

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

function privateAllowed(host: string, policy: HostPolicy): boolean {
  return (policy.privateHostsAllowed ?? []).includes(host);
}

/** Throws an AppError("invalid") when the URL may not be fetched under the policy (before any DNS). */
export function assertUrlAllowed(url: URL, policy: HostPolicy): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw refused(`Only http and https URLs can be collected, not ${url.protocol.replace(/:$/, "")}:`);
  }
  const host = bareHost(url);
  if (policy.allowedHosts && !policy.allowedHosts.includes(host)) throw refused(`Requests to ${host} are not allowed for this connector`);
  if (policy.publicOnly && isIP(host) && isNonPublicAddress(host) && !privateAllowed(host, policy)) {
    throw refused(`${host} is not a public address; feeds on private networks are refused`);
  }
}

/** A socket lookup that refuses non-public answers for hosts the policy does not exempt. */
export function guardedLookup(policy: HostPolicy): LookupFunction | undefined {
  if (!policy.publicOnly) return policy.lookup;
  const resolve = policy.lookup ?? (dnsLookup as unknown as LookupFunction);
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses, family: isIP(addresses) }]) as LookupAddress[];
      const host = hostname.toLowerCase();
      const bad = list.find((a) => isNonPublicAddress(a.address));
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
      if (bad && !privateAllowed(host, policy)) {
        return callback(refused(`${hostname} resolves to ${bad.address}, which is not a public address; feeds on private networks are refused`), "");
      }
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
