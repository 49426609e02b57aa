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

interface Counted {
  name: string;
  key: string;
  limit: number;
  ttl: number;
  blockDuration: number;
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
  private readonly perLink: ThrottlerOptions;
  private readonly perAddress: ThrottlerOptions;
  private readonly ipv6SubnetPrefix: number;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {
    const throttlers = Array.isArray(options) ? options : options.throttlers;
    this.ipv6SubnetPrefix = (Array.isArray(options) ? undefined : options.ipv6SubnetPrefix) ?? DEFAULT_IPV6_SUBNET_PREFIX;
    const named = (name: string) => {
      const t = throttlers.find((x) => x.name === name);
      if (!t || typeof t.limit !== 'number' || typeof t.ttl !== 'number')
        throw new Error(`LinkThrottle needs the ${name} throttler with a fixed limit and ttl (throttlerOptions)`);
      return t;
    };
    this.perLink = named(THROTTLERS.perLink);
    this.perAddress = named(THROTTLERS.linksPerAddress);
  }

  /** Counts the request to the link `token`; false when a throttler refuses it (nothing is sent then). */
  async admit(req: Request, res: Response, token: string): Promise<boolean> {
    // ThrottlerGuard's tracker: the address, an IPv6 one by its subnet.
    const address = normalizeIp(req.ip ?? '', this.ipv6SubnetPrefix);
    for (const t of [this.counted(this.perLink, perLinkKey(token)), this.counted(this.perAddress, linksPerAddressKey(address))]) {
      const hit = await this.storage.increment(t.key, t.ttl, t.limit, t.blockDuration, t.name);
      if (hit.isBlocked) return false;
      res.setHeader(`X-RateLimit-Limit-${t.name}`, t.limit);
      res.setHeader(`X-RateLimit-Remaining-${t.name}`, Math.max(0, t.limit - hit.totalHits));
      res.setHeader(`X-RateLimit-Reset-${t.name}`, hit.timeToExpire);
    }
    return true;
  }

  private counted(t: ThrottlerOptions, key: string): Counted {
    const ttl = t.ttl as number;
    return { name: t.name!, key, limit: t.limit as number, ttl, blockDuration: (t.blockDuration as number | undefined) ?? ttl };
  }
}
