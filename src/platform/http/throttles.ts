import { applyDecorators, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SkipThrottle, ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'node:crypto';

/**
 * The throttlers (@nestjs/throttler named throttlers), counted per minute:
 * - `default`: per client address and route, on every route (RATE_LIMIT_PER_MINUTE);
 * - `perLink`: on a route reached by a signed link (`@ThrottlePerLink()`), per link, whoever
 *   opens it: the link's token is the tracker, so one link hammered is refused while every
 *   officer behind the same NAT address opens their own;
 * - `linksPerAddress`: on those routes, per client address across all links, a generous
 *   ceiling against scraping. Link routes are not counted by `default`.
 */
export const THROTTLERS = {
  perAddress: 'default',
  perLink: 'perLink',
  linksPerAddress: 'linksPerAddress',
} as const;

export interface ThrottleLimits {
  /** Requests a minute per client address and route (RATE_LIMIT_PER_MINUTE). */
  perAddress: number;
  /** Requests a minute to one signed link, its page and its PDF together. */
  perLink: number;
  /** Requests a minute per client address to signed links, all links together. */
  linksPerAddress: number;
}

const MINUTE_MS = 60_000;
/** Longest token kept as a tracker; longer ones are no valid link anyway. */
const MAX_TOKEN_CHARS = 100;
const LINK_PARAM = 'throttle:link-param';
const reflector = new Reflector();

/** The route parameter that holds the link's token, when the route is marked `@ThrottlePerLink`. */
function linkParam(context: ExecutionContext): string | undefined {
  return reflector.getAllAndOverride<string | undefined>(LINK_PARAM, [
    context.getHandler(),
    context.getClass(),
  ]);
}

const notOnLink = (context: ExecutionContext): boolean => linkParam(context) === undefined;

/** The `perLink` throttler's key for a link's token (as `linkTracker` cuts it): one count for its page and its PDF; the token itself is not kept in memory. */
export function perLinkKey(token: string): string {
  return `${THROTTLERS.perLink}:${createHash('sha256').update(token).digest('base64url')}`;
}

/** The `linksPerAddress` throttler's key for a client address: one count across every link route. */
export function linksPerAddressKey(address: string): string {
  return `${THROTTLERS.linksPerAddress}:${address}`;
}

/** The link's token, from the route parameter named by `@ThrottlePerLink(param)`. */
export function linkTracker(req: { params?: Record<string, unknown> }, context: ExecutionContext): string {
  const param = linkParam(context) ?? 'token';
  return String(req.params?.[param] ?? '').slice(0, MAX_TOKEN_CHARS);
}

/**
 * A public route reached by a signed link whose token is the route parameter `param`: limited
 * per link (`perLink`) and per address across links (`linksPerAddress`) instead of by the
 * per-address limit of the rest of the API.
 */
export function ThrottlePerLink(param = 'token'): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(LINK_PARAM, param),
    SkipThrottle({ [THROTTLERS.perAddress]: true }),
  ) as MethodDecorator & ClassDecorator;
}

/** ThrottlerModule's options; `storage` counts for every instance (SharedRateLimitStore in the app). */
export function throttlerOptions(limits: ThrottleLimits, storage?: ThrottlerStorage): ThrottlerModuleOptions {
  return {
    storage,
    throttlers: [
      { name: THROTTLERS.perAddress, ttl: MINUTE_MS, limit: limits.perAddress },
      {
        name: THROTTLERS.perLink,
        ttl: MINUTE_MS,
        limit: limits.perLink,
        skipIf: notOnLink,
        getTracker: linkTracker,
        generateKey: (_context, token) => perLinkKey(token),
      },
      {
        name: THROTTLERS.linksPerAddress,
        ttl: MINUTE_MS,
        limit: limits.linksPerAddress,
        skipIf: notOnLink,
        // The default tracker (the client address).
        generateKey: (_context, address) => linksPerAddressKey(address),
      },
    ],
  };
}
