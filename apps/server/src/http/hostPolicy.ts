import { networkInterfaces } from 'node:os';

/** A host name (lower case; IPv6 in brackets) and a port (null: none given). */
export interface Authority {
  name: string;
  port: number | null;
}

/** Which `Host` (and `Origin`) authorities are this server's own. */
export interface HostPolicy {
  /** Names that reach this server directly, on its listening port. */
  names: ReadonlySet<string>;
  /** MU_ALLOWED_HOSTS: names a reverse proxy forwards under (port null: any port). */
  allowed: readonly Authority[];
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/**
 * `host`, `host:port` or `[v6]:port` parsed and normalised as a browser would (WHATWG URL rules:
 * lower case, IPv4 shorthands expanded); null when it is not a valid authority.
 *
 *   parseAuthority('LocalHost:8642') // { name: 'localhost', port: 8642 }
 */
export function parseAuthority(text: string, defaultPort: number | null = null): Authority | null {
  if (text === '' || /[\s/\\?#@]/.test(text)) return null;
  try {
    const port = /:(\d+)$/.exec(text)?.[1];
    return { name: new URL(`http://${text}`).hostname, port: port === undefined ? defaultPort : Number(port) };
  } catch {
    return null;
  }
}

/**
 * The names of a server listening on `host`: that name, loopback names for a loopback or wildcard
 * address, and every interface address for a wildcard one.
 */
export function hostPolicy(host: string, allowed: readonly string[]): HostPolicy {
  const own = parseAuthority(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  const names = new Set<string>();
  if (own && !WILDCARD.has(own.name)) names.add(own.name);
  if (own === null || WILDCARD.has(own.name) || LOOPBACK.includes(own.name)) {
    for (const name of LOOPBACK) names.add(name);
  }
  if (own !== null && WILDCARD.has(own.name)) {
    for (const address of Object.values(networkInterfaces()).flat()) {
      if (address) names.add(address.family === 'IPv6' ? `[${address.address.split('%')[0]}]` : address.address);
    }
  }
  return { names, allowed: allowed.map((entry) => parseAuthority(entry)).filter((a): a is Authority => a !== null) };
}

/** Whether a request for `authority` on a server listening on `listenPort` is meant for this server. */
export function isOwnAuthority(policy: HostPolicy, authority: Authority | null, listenPort: number): boolean {
  if (authority === null) return false;
  if (policy.names.has(authority.name) && authority.port === listenPort) return true;
  return policy.allowed.some((a) => a.name === authority.name && (a.port === null || a.port === authority.port));
}
