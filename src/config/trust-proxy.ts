import { isIP } from 'node:net';

/**
 * What express's `trust proxy` is given: nothing (the socket's address is the client), the
 * number of proxy hops in front of the app, or the proxies' own addresses. Never "trust every
 * proxy": then the left-most X-Forwarded-For entry, which any client writes itself, becomes the
 * address in the audit log and the key of the rate limits.
 */
export type TrustProxy = false | number | string[];

/** express's (proxy-addr's) named ranges: `loopback`, `linklocal`, `uniquelocal`. */
export const NAMED_PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/** More hops than this is a misreading of the setting, not a real chain of proxies. */
export const MAX_PROXY_HOPS = 10;

/** A range wider than this is not "our proxies" but most of the internet. */
const NARROWEST_PREFIX = { 4: 8, 6: 7 } as const;

const HOW =
  'give the number of proxies in front of the app (TRUST_PROXY=1 for one reverse proxy) or their addresses or CIDRs, comma-separated (TRUST_PROXY=10.0.0.5,10.0.1.0/24; also loopback, linklocal, uniquelocal)';

function entryProblem(entry: string): string | undefined {
  if ((NAMED_PROXY_RANGES as readonly string[]).includes(entry)) return undefined;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family !== 4 && family !== 6) return `"${entry}" is not an IP address or CIDR`;
  if (prefix === undefined) return undefined;
  if (rest.length > 0 || !/^\d{1,3}$/.test(prefix)) return `"${entry}" has no valid prefix length`;
  const bits = Number(prefix);
  if (bits > (family === 4 ? 32 : 128)) return `"${entry}" has no valid prefix length`;
  if (bits < NARROWEST_PREFIX[family]) return `"${entry}" is wider than /${NARROWEST_PREFIX[family]}: that trusts far more than your proxies`;
  return undefined;
}

/** Reads the setting as written in the environment; a problem names what to give instead. */
export function parseTrustProxy(raw: string): { value: TrustProxy } | { problem: string } {
  const text = raw.trim();
  if (text === 'false' || text === '0') return { value: false };
  if (/^(true|yes|on|all|\*)$/i.test(text)) {
    return {
      problem: `trusting every proxy lets any client forge X-Forwarded-For (its address in the audit log, and past the rate limits); ${HOW}`,
    };
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_PROXY_HOPS) return { problem: `at most ${MAX_PROXY_HOPS} proxy hops; ${HOW}` };
    return { value: hops };
  }
  const entries = text.split(',').map((e) => e.trim());
  const problems = entries.map(entryProblem).filter((p): p is string => p !== undefined);
  if (problems.length > 0) return { problem: `${problems.join('; ')}; ${HOW}` };
  return { value: entries };
}
