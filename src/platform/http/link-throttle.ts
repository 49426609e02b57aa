import { Injectable } from '@nestjs/common';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerModuleOptions,
  ThrottlerOptions,
  ThrottlerStorage,
  DEFAULT_IPV6_SUBNET_PREFIX,
  normalizeIp,
} from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { linksPerAddressKey, perLinkKey, THROTTLERS } from './throttles';

/** A link throttler's fixed figures, as ThrottlerGuard resolves them. */
interface Counted {
  name: string;
  limit: number;
  ttl: number;
  blockDuration: number;
  key: (tracker: string) => string;
}

/**
 * The link throttlers (`perLink`, `linksPerAddress`) counted for a request answered before
 * Nest's guard runs (the duty slip PDF's lean path): the same store, keys, limits and order as
 * ThrottlerGuard, and the same X-RateLimit headers on a request let through. A refused request
 * is not answered here: the caller hands it on to the guard, which finds the block and answers
 * 429 with Retry-After as on every other route. (When `perLink` lets it in and
 * `linksPerAddress` refuses, the guard counts it once more for its link; it is refused anyway.)
 */
@Injectable()
export class LinkThrottle {
  private readonly perLink: Counted;
  private readonly perAddress: Counted;
  private readonly ipv6SubnetPrefix: number;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {
    const throttlers = Array.isArray(options) ? options : options.throttlers;
    this.ipv6SubnetPrefix = (Array.isArray(options) ? undefined : options.ipv6SubnetPrefix) ?? DEFAULT_IPV6_SUBNET_PREFIX;
    const named = (name: string, key: (tracker: string) => string): Counted => {
      const t: ThrottlerOptions | undefined = throttlers.find((x) => x.name === name);
      if (!t || typeof t.limit !== 'number' || typeof t.ttl !== 'number')
        throw new Error(`LinkThrottle needs the ${name} throttler with a fixed limit and ttl (throttlerOptions)`);
      return { name, limit: t.limit, ttl: t.ttl, blockDuration: typeof t.blockDuration === 'number' ? t.blockDuration : t.ttl, key };
    };
    this.perLink = named(THROTTLERS.perLink, perLinkKey);
    this.perAddress = named(THROTTLERS.linksPerAddress, linksPerAddressKey);
  }

  /** Counts the request to the link `token`; false when a throttler refuses it (nothing is sent then). */
  async admit(req: Request, res: Response, token: string): Promise<boolean> {
    // ThrottlerGuard's tracker: the address, an IPv6 one by its subnet.
    const address = normalizeIp(req.ip ?? '', this.ipv6SubnetPrefix);
    for (const [t, tracker] of [[this.perLink, token], [this.perAddress, address]] as const) {
      const hit = await this.storage.increment(t.key(tracker), t.ttl, t.limit, t.blockDuration, t.name);
      if (hit.isBlocked) return false;
      res.setHeader(`X-RateLimit-Limit-${t.name}`, t.limit);
      res.setHeader(`X-RateLimit-Remaining-${t.name}`, Math.max(0, t.limit - hit.totalHits));
      res.setHeader(`X-RateLimit-Reset-${t.name}`, hit.timeToExpire);
    }
    return true;
  }

}
